#pragma once
// The reminder offsets of a campaign: ISO 8601 durations before its close ("P7D", "PT36H", "PT5S").

#include <chrono>
#include <optional>
#include <string_view>

namespace jointbuy::campaign {

/// The longest reminder offset: a year.
inline constexpr std::chrono::seconds max_offset{366LL * 24 * 3600};

/// The length of an ISO 8601 duration of weeks, days, hours, minutes and whole seconds ("P1W",
/// "P7D", "P1DT12H", "PT30M", "PT5S"); nothing for anything else, for zero, and for more than
/// max_offset. Years and months are refused: their length depends on the calendar.
std::optional<std::chrono::seconds> parse_offset(std::string_view text);

}  // namespace jointbuy::campaign
