#pragma once
// One JSON line per request on standard output, and error lines on standard error.

#include <chrono>
#include <string_view>

namespace jointbuy::http {

/// Logs a served request: method, path (never the query, which could hold personal data), status,
/// duration. Thread-safe; one line each.
void log_request(std::string_view method, std::string_view path, unsigned status, std::chrono::microseconds duration);

/// Logs an internal error with its context. Thread-safe.
void log_error(std::string_view context, std::string_view message);

/// Logs a line for people running the server ("listening on …"). Thread-safe.
void log_info(std::string_view message);

}  // namespace jointbuy::http
