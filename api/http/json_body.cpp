#include "api/http/json_body.hpp"

#include <boost/json.hpp>

#include "api/http/media_type.hpp"
#include "api/http/problem.hpp"

namespace jointbuy::http {

boost::json::value parse_json_body(const request& req) {
  require_body_type(req, "application/json", "JSON");
  auto parsed = catalog::parse_json_text(req.body(), 32);
  if (!parsed.error) return std::move(parsed.value);
  std::string where = "Zeile ";
  where.append(std::to_string(parsed.line)).append(", Spalte ").append(std::to_string(parsed.column));
  std::string reason_de = "ist kein gültiges JSON (";
  reason_de.append(where).append(")");
  std::string detail_de = "Der Inhalt der Anfrage ";
  detail_de.append(reason_de).append(".");
  throw bad_request("The body is " + parsed.error->reason + ".", {query_error("body", parsed.error->reason, reason_de)})
      .with_german(std::move(detail_de));
}

void require_no_errors(const std::vector<catalog::json_error>& errors, engine::language lang) {
  require_no_problems(catalog::localise(errors), lang);
}

void require_no_problems(const std::vector<catalog::input_problem>& problems, engine::language lang, std::size_t not_listed) {
  if (problems.empty()) return;
  std::vector<field_error> fields;
  for (const auto& p : problems) fields.push_back({p.field, p.why.in(lang), p.row});
  // The reasons are in `lang`: so is the detail (a German client gets a German problem throughout).
  auto refusal = unprocessable(std::move(fields)).with_more_errors(not_listed);
  if (lang == engine::language::de) refusal.with_german("Unter errors steht jedes fehlerhafte Feld mit dem Grund.");
  throw refusal;
}

void require_schema(std::string_view schema_name, const boost::json::value& body, engine::language lang) {
  require_no_errors(catalog::validate_against_schema(schema_name, body), lang);
}

}  // namespace jointbuy::http
