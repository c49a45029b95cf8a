#include "api/store/timestamps.hpp"

#include <chrono>
#include <cstdio>

#include "engine/date.hpp"

namespace jointbuy::store {

std::string utc_timestamp_now() { return utc_timestamp(std::chrono::system_clock::now()); }

std::string utc_timestamp(std::chrono::system_clock::time_point at) {
  using namespace std::chrono;
  const auto now = floor<microseconds>(at);
  const auto day = floor<days>(now);
  const year_month_day ymd{day};
  const hh_mm_ss time{now - day};
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02ld:%02ld:%02ld.%06ldZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<long>(time.hours().count()), static_cast<long>(time.minutes().count()),
                static_cast<long>(time.seconds().count()), static_cast<long>(time.subseconds().count()));
  return buffer;
}

}  // namespace jointbuy::store

namespace jointbuy::store {

namespace {

bool digits(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

std::optional<std::string> stored_timestamp(std::string_view text) {
  if (text.size() < 10 || !engine::parse_iso_date(text.substr(0, 10))) return std::nullopt;
  std::string stored{text.substr(0, 10)};
  if (text.size() == 10) return stored + "T00:00:00.000000Z";
  // "THH:MM:SS" then an optional fraction, then "Z".
  const auto time = text.substr(10);
  if (time.size() < 10 || time[0] != 'T' || time[3] != ':' || time[6] != ':' || time.back() != 'Z') return std::nullopt;
  const auto hours = time.substr(1, 2);
  const auto minutes = time.substr(4, 2);
  const auto seconds = time.substr(7, 2);
  if (!digits(hours) || !digits(minutes) || !digits(seconds)) return std::nullopt;
  if (std::stoi(std::string{hours}) > 23 || std::stoi(std::string{minutes}) > 59 || std::stoi(std::string{seconds}) > 59) {
    return std::nullopt;
  }
  auto fraction = time.substr(9, time.size() - 10);
  if (!fraction.empty()) {
    if (fraction[0] != '.' || fraction.size() > 7 || !digits(fraction.substr(1))) return std::nullopt;
    fraction.remove_prefix(1);
  }
  stored.append(time.substr(0, 9)).append(".").append(fraction).append(6 - fraction.size(), '0').append("Z");
  return stored;
}

std::optional<std::chrono::system_clock::time_point> parse_utc_timestamp(std::string_view stored) {
  using namespace std::chrono;
  if (stored.size() != 27 || stored_timestamp(stored) != std::string{stored}) return std::nullopt;
  const auto date = engine::parse_iso_date(stored.substr(0, 10));
  if (!date) return std::nullopt;
  const auto number = [&](std::size_t at, std::size_t length) { return std::stol(std::string{stored.substr(at, length)}); };
  return *date + hours{number(11, 2)} + minutes{number(14, 2)} + seconds{number(17, 2)} + microseconds{number(20, 6)};
}

}  // namespace jointbuy::store
