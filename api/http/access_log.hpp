#pragma once
// One JSON line per request on standard output, and error lines on standard error.

#include <chrono>
#include <string>
#include <string_view>

namespace jointbuy::http {

/// Logs a served request: method, path (never the query, which could hold personal data, and with
/// any secret in it masked, see loggable_path), status, duration. Thread-safe; one line each.
void log_request(std::string_view method, std::string_view path, unsigned status, std::chrono::microseconds duration);

/// `path` as the log may show it: the token of an invitation link ("/invitations/<token>",
/// "/api/v1/invitations/<token>") replaced by "***".
std::string loggable_path(std::string_view path);

/// Logs an internal error with its context. Thread-safe.
void log_error(std::string_view context, std::string_view message);

/// Logs a line for people running the server ("listening on …"). Thread-safe.
void log_info(std::string_view message);

}  // namespace jointbuy::http
