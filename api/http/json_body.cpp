#include "api/http/json_body.hpp"

#include <boost/json.hpp>

#include "api/http/media_type.hpp"
#include "api/http/problem.hpp"

namespace jointbuy::http {

boost::json::value parse_json_body(const request& req) {
  require_body_type(req, "application/json", "JSON");
  auto parsed = catalog::parse_json_text(req.body(), 32);
  if (!parsed.error) return std::move(parsed.value);
  throw bad_request("The body is " + parsed.error->reason + ".", {{"body", parsed.error->reason}});
}

void require_no_errors(const std::vector<catalog::json_error>& errors) {
  if (errors.empty()) return;
  std::vector<field_error> fields;
  for (const auto& e : errors) fields.push_back({e.path.empty() ? "body" : e.path.substr(1), e.reason});
  throw unprocessable(std::move(fields));
}

void require_no_problems(const std::vector<catalog::input_problem>& problems, engine::language lang, std::size_t not_listed) {
  if (problems.empty()) return;
  std::vector<field_error> fields;
  for (const auto& p : problems) fields.push_back({p.field, p.why.in(lang), p.row});
  throw unprocessable(std::move(fields)).with_more_errors(not_listed);
}

void require_schema(std::string_view schema_name, const boost::json::value& body) {
  require_no_errors(catalog::validate_against_schema(schema_name, body));
}

}  // namespace jointbuy::http
