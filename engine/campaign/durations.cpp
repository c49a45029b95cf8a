#include "engine/campaign/durations.hpp"

#include <cstdint>

namespace jointbuy::campaign {

std::optional<std::chrono::seconds> parse_offset(std::string_view text) {
  if (text.size() < 3 || text.size() > 32 || text.front() != 'P') return std::nullopt;
  std::int64_t total = 0;
  bool in_time = false, any = false;
  // Designators must come in this order, each at most once: W D (T) H M S.
  const std::string_view date_order = "WD", time_order = "HMS";
  std::size_t next_date = 0, next_time = 0;
  std::size_t i = 1;
  while (i < text.size()) {
    if (text[i] == 'T') {
      if (in_time) return std::nullopt;
      in_time = true;
      ++i;
      if (i == text.size()) return std::nullopt;
      continue;
    }
    std::int64_t number = 0;
    std::size_t digits = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      number = number * 10 + (text[i] - '0');
      if (number > max_offset.count()) return std::nullopt;
      ++i;
      ++digits;
    }
    if (digits == 0 || i == text.size()) return std::nullopt;
    const char unit = text[i++];
    const auto order = in_time ? time_order : date_order;
    auto& next = in_time ? next_time : next_date;
    const auto at = order.find(unit, next);
    if (at == std::string_view::npos) return std::nullopt;
    next = at + 1;
    std::int64_t seconds = 1;
    switch (unit) {
      case 'W': seconds = 7 * 86400; break;
      case 'D': seconds = 86400; break;
      case 'H': seconds = 3600; break;
      case 'M': seconds = 60; break;
      default: seconds = 1; break;
    }
    total += number * seconds;
    if (total > max_offset.count()) return std::nullopt;
    any = true;
  }
  if (!any || total == 0) return std::nullopt;
  return std::chrono::seconds{total};
}

}  // namespace jointbuy::campaign
