#pragma once
// Timestamps as stored: fixed-width ISO 8601 UTC text, which sorts and compares as time.

#include <string>

namespace jointbuy::store {

/// Now as "2026-11-22T06:41:00.123456Z".
std::string utc_timestamp_now();

}  // namespace jointbuy::store
