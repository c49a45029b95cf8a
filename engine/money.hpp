#pragma once
// Money as integer Rappen (CHF cents), the only representation of amounts inside jointbuy.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace jointbuy::engine {

/// An amount of Swiss francs in Rappen (1 CHF = 100 Rappen).
using rappen = std::int64_t;

/// The largest amount jointbuy accepts anywhere: CHF 10 billion. Larger figures are input errors,
/// and keeping them out keeps every sum of a million amounts far from overflow.
inline constexpr rappen max_amount = rappen{10'000'000'000} * 100;

/// Parses a CHF amount written by a person or a spreadsheet: "1150", "1150.5", "1150.00",
/// "1'150.00" or "1’150.00" (Swiss grouping), with an optional leading '-'.
/// Returns nothing for anything else, for more than 2 decimals and beyond max_amount.
std::optional<rappen> parse_chf(std::string_view text);

/// Converts a JSON number of CHF to Rappen when it has at most 2 decimals and lies within
/// max_amount; returns nothing otherwise (NaN, infinities, 3 decimals, too large).
std::optional<rappen> rappen_from_chf(double chf);

/// The amount as a JSON number of CHF (exact to the Rappen within max_amount).
double chf_from_rappen(rappen amount);

/// The amount as "1150.00": two decimals, '.' as separator, no grouping (machine formats).
std::string format_chf(rappen amount);

/// The amount as "1'150.00": Swiss grouping with apostrophes (messages for people).
std::string format_chf_grouped(rappen amount);

}  // namespace jointbuy::engine
