#include "api/http/json_text.hpp"

#include <boost/json/serialize.hpp>

#include "catalog/utf8.hpp"

namespace jointbuy::http {

std::string json_text(const boost::json::value& value) {
  // JSON's own syntax is ASCII, so invalid bytes can only stand inside strings, where U+FFFD is fine.
  auto text = boost::json::serialize(value);
  if (catalog::is_valid_utf8(text)) return text;
  return catalog::to_valid_utf8(text);
}

}  // namespace jointbuy::http
