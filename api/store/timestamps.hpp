#pragma once
// Timestamps as stored: fixed-width ISO 8601 UTC text, which sorts and compares as time.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace jointbuy::store {

/// Now as "2026-11-22T06:41:00.123456Z".
std::string utc_timestamp_now();

/// `at` in the stored form.
std::string utc_timestamp(std::chrono::system_clock::time_point at);

/// The time a stored timestamp names; nothing when `stored` is not in the stored form.
std::optional<std::chrono::system_clock::time_point> parse_utc_timestamp(std::string_view stored);

}  // namespace jointbuy::store

namespace jointbuy::store {

/// `text` in the stored form, for comparing with stored timestamps: a date ("2026-12-01", its
/// midnight UTC) or an RFC 3339 UTC time with up to six decimals ("2026-12-01T23:00:00.5Z").
/// Nothing for anything else.
std::optional<std::string> stored_timestamp(std::string_view text);

}  // namespace jointbuy::store
