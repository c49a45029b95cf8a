#include "api/http/responses.hpp"

#include <charconv>

#include <boost/json.hpp>

#include "api/http/problem.hpp"
#include "api/http/query.hpp"
#include "catalog/json_text.hpp"

namespace jointbuy::http {

response json_response(const request& req, status status, const boost::json::value& body) {
  response res{status, req.version()};
  res.set(beast_http::field::content_type, "application/json");
  res.set(beast_http::field::cache_control, "no-store");
  res.keep_alive(req.keep_alive());
  res.body() = catalog::json_text(body);
  res.prepare_payload();
  return res;
}

boost::json::value text_or_null(const std::optional<std::string>& text) {
  return text ? boost::json::value(*text) : boost::json::value(nullptr);
}

response list_response(const request& req, boost::json::array items, const std::optional<std::string>& next_key) {
  boost::json::object body{{"items", std::move(items)}};
  body["next_cursor"] = next_key ? boost::json::value(encode_cursor(*next_key)) : nullptr;
  return json_response(req, status::ok, body);
}

engine::language preferred_language(const request& req) {
  const std::string_view accepted = req[beast_http::field::accept_language];
  const auto first = accepted.substr(0, accepted.find_first_of(",;"));
  const bool german = first.size() >= 2 && (first[0] == 'd' || first[0] == 'D') && (first[1] == 'e' || first[1] == 'E') &&
                      (first.size() == 2 || first[2] == '-');
  return german ? engine::language::de : engine::language::en;
}

void set_version_etag(response& res, int version) {
  std::string tag{'"'};
  tag += std::to_string(version);
  tag += '"';
  res.set(beast_http::field::etag, tag);
}

std::optional<int> if_match_version(const request& req) {
  const auto found = req.find(beast_http::field::if_match);
  if (found == req.end()) return std::nullopt;
  std::string_view tag = found->value();
  if (tag.starts_with("W/")) tag.remove_prefix(2);
  int version = 0;
  if (tag.size() >= 3 && tag.front() == '"' && tag.back() == '"') {
    const auto digits = tag.substr(1, tag.size() - 2);
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), version);
    if (ec == std::errc{} && end == digits.data() + digits.size() && version > 0) return version;
  }
  throw bad_request("If-Match must be the ETag of the resource, such as \"3\"", {query_error("If-Match", "not an ETag of this API", "ist kein ETag dieser Schnittstelle")})
      .with_german("If-Match muss das ETag des Datensatzes sein, etwa \"3\".");
}

}  // namespace jointbuy::http
