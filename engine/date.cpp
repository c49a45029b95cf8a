#include "engine/date.hpp"

#include <cstdio>

namespace jointbuy::engine {

namespace {

std::optional<int> parse_digits(std::string_view text, std::size_t min_length, std::size_t max_length) {
  if (text.size() < min_length || text.size() > max_length) return std::nullopt;
  int value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::optional<date> make_date(std::optional<int> y, std::optional<int> m, std::optional<int> d) {
  if (!y || !m || !d) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{*y}, std::chrono::month{static_cast<unsigned>(*m)},
                                        std::chrono::day{static_cast<unsigned>(*d)}};
  if (!ymd.ok()) return std::nullopt;
  return date{ymd};
}

}  // namespace

std::optional<date> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  return make_date(parse_digits(text.substr(0, 4), 4, 4), parse_digits(text.substr(5, 2), 2, 2),
                   parse_digits(text.substr(8, 2), 2, 2));
}

std::optional<date> parse_swiss_date(std::string_view text) {
  const auto first = text.find('.');
  if (first == std::string_view::npos) return std::nullopt;
  const auto second = text.find('.', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  return make_date(parse_digits(text.substr(second + 1), 4, 4), parse_digits(text.substr(first + 1, second - first - 1), 1, 2),
                   parse_digits(text.substr(0, first), 1, 2));
}

std::string format_iso_date(date day) {
  const std::chrono::year_month_day ymd{day};
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buffer;
}

std::string format_swiss_date(date day) {
  const std::chrono::year_month_day ymd{day};
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%02u.%02u.%04d", static_cast<unsigned>(ymd.day()),
                static_cast<unsigned>(ymd.month()), static_cast<int>(ymd.year()));
  return buffer;
}

date today_utc() { return std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()); }

}  // namespace jointbuy::engine
