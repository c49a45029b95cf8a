#include "api/http/media_type.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include "api/http/problem.hpp"

namespace jointbuy::http {

namespace {

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

bool same_letters(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

bool is_media_type(std::string_view content_type, std::string_view expected) {
  const auto semicolon = content_type.find(';');
  if (!same_letters(trimmed(content_type.substr(0, semicolon)), expected)) return false;
  auto parameters = semicolon == std::string_view::npos ? std::string_view{} : content_type.substr(semicolon + 1);
  while (!parameters.empty()) {
    const auto next = parameters.find(';');
    const auto parameter = trimmed(parameters.substr(0, next));
    parameters = next == std::string_view::npos ? std::string_view{} : parameters.substr(next + 1);
    const auto equals = parameter.find('=');
    if (equals == std::string_view::npos) continue;
    if (!same_letters(trimmed(parameter.substr(0, equals)), "charset")) continue;
    auto charset = trimmed(parameter.substr(equals + 1));
    if (charset.size() >= 2 && charset.front() == '"' && charset.back() == '"') charset = charset.substr(1, charset.size() - 2);
    if (!same_letters(charset, "utf-8") && !same_letters(charset, "utf8")) return false;
  }
  return true;
}

void require_body_type(const request& req, std::string_view expected, std::string_view what) {
  if (is_media_type(req[beast_http::field::content_type], expected)) return;
  throw problem(status::unsupported_media_type, "unsupported-media-type", "The body must be " + std::string{what},
                "Send the body as UTF-8 with Content-Type: " + std::string{expected} + ".");
}

}  // namespace jointbuy::http
