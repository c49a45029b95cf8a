#pragma once
// The session cookie: reading it from a request, and the Set-Cookie values that set and clear it.

#include <optional>
#include <string>
#include <string_view>

#include "api/http/messages.hpp"

namespace jointbuy::http {

/// The cookie that carries a person's session id.
inline constexpr std::string_view session_cookie_name = "jb_session";

/// The value of the cookie `name` in `req`'s Cookie headers, if it has one.
std::optional<std::string_view> cookie_value(const request& req, std::string_view name);

/// "jb_session=<id>; Path=/; HttpOnly; SameSite=Strict" (and "; Secure"): a cookie that lives as
/// long as the browser runs; the server ends the session itself after its idle or absolute time.
std::string session_cookie(std::string_view id, bool secure);

/// The Set-Cookie value that removes the session cookie.
std::string cleared_session_cookie(bool secure);

}  // namespace jointbuy::http
