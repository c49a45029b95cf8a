#include "api/http/downloads.hpp"

#include <cctype>

#include "api/http/problem.hpp"
#include "api/http/responses.hpp"

namespace jointbuy::http {

catalog::schedule_format csv_format_from(const request_context& ctx) {
  catalog::schedule_format format;
  std::vector<field_error> errors;
  if (const auto separator = catalog::parse_separator(ctx.target.get("sep").value_or("comma"))) {
    format.separator = *separator;
  } else {
    errors.push_back(query_error("sep", "must be comma or semicolon", "Trennzeichen muss comma (Komma) oder semicolon (Strichpunkt) sein"));
  }
  const auto bom = ctx.target.get("bom").value_or("0");
  if (bom != "0" && bom != "1") errors.push_back(query_error("bom", "must be 0 or 1", "bom muss 0 oder 1 sein"));
  format.bom = bom == "1";
  format.lang = preferred_language(ctx.req);
  if (const auto lang = ctx.target.get("lang")) {
    if (*lang == "de") {
      format.lang = engine::language::de;
    } else if (*lang == "en") {
      format.lang = engine::language::en;
    } else {
      errors.push_back(query_error("lang", "must be en or de", "Sprache muss en oder de sein"));
    }
  }
  if (!errors.empty()) throw invalid_query(std::move(errors));
  return format;
}

std::string safe_file_name(std::string text) {
  for (auto& c : text) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '-';
  }
  return text;
}

response download(const request_context& ctx, std::string body, const std::string& content_type, const std::string& file_name) {
  response res{status::ok, ctx.req.version()};
  res.set(beast_http::field::content_type, content_type);
  res.set(beast_http::field::content_disposition, "attachment; filename=\"" + file_name + "\"");
  res.set(beast_http::field::cache_control, "no-store");
  res.keep_alive(ctx.req.keep_alive());
  res.body() = std::move(body);
  res.prepare_payload();
  return res;
}

}  // namespace jointbuy::http
