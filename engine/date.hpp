#pragma once
// Calendar dates as the engine and the API use them: days, ISO 8601 on the wire.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace jointbuy::engine {

/// A calendar day (proleptic Gregorian), comparable and with day arithmetic.
using date = std::chrono::sys_days;

/// Parses a strict ISO 8601 calendar date "YYYY-MM-DD"; nothing for any other text or an
/// impossible date such as 2027-02-30.
std::optional<date> parse_iso_date(std::string_view text);

/// Parses a Swiss date "DD.MM.YYYY" (one-digit day and month allowed, as Excel writes them).
std::optional<date> parse_swiss_date(std::string_view text);

/// The date as "YYYY-MM-DD".
std::string format_iso_date(date day);

/// The date as "DD.MM.YYYY" (messages for people in Switzerland).
std::string format_swiss_date(date day);

/// Today's date in UTC.
date today_utc();

}  // namespace jointbuy::engine
