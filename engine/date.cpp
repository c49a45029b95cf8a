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
  // By hand rather than snprintf: the engine names every tender by its date.
  const std::chrono::year_month_day ymd{day};
  const int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) return "0000-00-00";
  const auto month = static_cast<unsigned>(ymd.month());
  const auto d = static_cast<unsigned>(ymd.day());
  std::string text(10, '-');
  text[0] = static_cast<char>('0' + year / 1000);
  text[1] = static_cast<char>('0' + year / 100 % 10);
  text[2] = static_cast<char>('0' + year / 10 % 10);
  text[3] = static_cast<char>('0' + year % 10);
  text[5] = static_cast<char>('0' + month / 10);
  text[6] = static_cast<char>('0' + month % 10);
  text[8] = static_cast<char>('0' + d / 10);
  text[9] = static_cast<char>('0' + d % 10);
  return text;
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
