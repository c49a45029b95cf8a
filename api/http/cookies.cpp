#include "api/http/cookies.hpp"

namespace jointbuy::http {

namespace {

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::string attributes(bool secure) {
  std::string text = "; Path=/; HttpOnly; SameSite=Strict";
  if (secure) text.append("; Secure");
  return text;
}

}  // namespace

std::optional<std::string_view> cookie_value(const request& req, std::string_view name) {
  for (auto [it, end] = req.equal_range(beast_http::field::cookie); it != end; ++it) {
    std::string_view rest = it->value();
    while (!rest.empty()) {
      const auto semicolon = rest.find(';');
      const auto pair = trimmed(rest.substr(0, semicolon));
      rest = semicolon == std::string_view::npos ? std::string_view{} : rest.substr(semicolon + 1);
      const auto equals = pair.find('=');
      if (equals == std::string_view::npos || trimmed(pair.substr(0, equals)) != name) continue;
      return trimmed(pair.substr(equals + 1));
    }
  }
  return std::nullopt;
}

std::string session_cookie(std::string_view id, bool secure) {
  std::string text{session_cookie_name};
  text.append("=").append(id).append(attributes(secure));
  return text;
}

std::string cleared_session_cookie(bool secure) {
  std::string text{session_cookie_name};
  text.append("=").append(attributes(secure)).append("; Max-Age=0");
  return text;
}

}  // namespace jointbuy::http
