#pragma once
// Framework agreements as the engine sees them (DOMAIN.md §4.8, IVöB/BöB Art. 25): which items at
// which price, for whom, when, and how much of the ceiling is left. Pure value types.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/date.hpp"
#include "engine/money.hpp"

namespace jointbuy::engine {

/// One price of an agreement's price list: from `valid_from` on (until the item's next version).
struct agreement_price {
  std::string item;
  date valid_from;
  rappen unit_price = 0;

  friend bool operator==(const agreement_price&, const agreement_price&) = default;
};

/// An agreement that buyers call off from.
struct framework_agreement {
  std::int64_t id = 0;
  /// Inclusive validity.
  date valid_from;
  date valid_to;
  /// Every buyer may call off when true; else only those in `eligible`.
  bool all_eligible = true;
  std::vector<std::string> eligible;
  rappen ceiling = 0;
  std::optional<std::int64_t> ceiling_quantity;
  /// What the call-offs already ordered have taken of the ceiling.
  rappen consumed = 0;
  std::int64_t consumed_quantity = 0;
  std::vector<agreement_price> prices;

  friend bool operator==(const framework_agreement&, const framework_agreement&) = default;
};

/// The unit price of `item` that `agreement`'s price list sets on `day`: the version with the
/// latest `valid_from` on or before it. None when the item is not listed or no version is in
/// force yet.
std::optional<rappen> price_on(const framework_agreement& agreement, const std::string& item, date day);

/// Whether `organisation` may call off from `agreement`.
bool eligible(const framework_agreement& agreement, const std::string& organisation);

/// How an agreement covers one purchase: the first day that its validity and the purchase's window
/// share, and the price in force that day.
struct coverage {
  date call_off_date;
  rappen unit_price = 0;
};

/// DOMAIN.md §4.8: `agreement` covers a purchase of `item` by `organisation` in [earliest, latest]
/// when it lists the item, the buyer is eligible and its validity meets the window; the call-off
/// date is the first common day, and a price must be in force on it.
std::optional<coverage> covers(const framework_agreement& agreement, const std::string& item, const std::string& organisation,
                               date earliest, date latest);

/// What is left of the ceiling, in CHF and (when the agreement has one) in units.
struct remaining_ceiling {
  rappen value = 0;
  std::optional<std::int64_t> quantity;
};

remaining_ceiling remaining(const framework_agreement& agreement);

/// Whether a call-off of `quantity` units worth `value` fits into what is left.
bool fits(const remaining_ceiling& left, rappen value, std::int64_t quantity);

/// The horizon within which purchases of one key are proposed for one agreement: 1'461 days (four
/// years, a leap day included), so that an agreement over the horizon stays within Art. 25's five years.
inline constexpr int horizon_days = 1461;

}  // namespace jointbuy::engine
