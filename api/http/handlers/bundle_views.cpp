#include "api/http/handlers/bundle_views.hpp"

#include <boost/json.hpp>

#include "api/http/problem.hpp"
#include "api/http/query.hpp"
#include "api/store/bundle_review.hpp"
#include "catalog/bundling_json.hpp"

namespace jointbuy::http {

boost::json::object bundle_view(const store::bundle_record& record, engine::language lang) {
  auto json = catalog::bundle_json(record.tender, lang);
  for (auto& member : json["members"].as_array()) {
    auto& m = member.as_object();
    const auto window = record.windows.find(m.at("intent").as_int64());
    if (window == record.windows.end()) continue;
    m["window"] = {{"from", engine::format_iso_date(window->second.first)}, {"to", engine::format_iso_date(window->second.second)}};
  }
  json["tender"] = record.tender.id;
  json["id"] = record.id;
  json["run"] = record.run;
  json["status"] = record.status;
  json["version"] = record.version;
  boost::json::object answers;
  for (const auto& [organisation, answer] : record.answers) answers[organisation] = answer;
  json["answers"] = std::move(answers);
  if (record.reference) json["reference"] = *record.reference;
  if (!record.review_reason.empty()) json["review_reason"] = record.review_reason;
  boost::json::array allowed;
  for (const auto& a : store::allowed_actions(record.status, record.tender.decision)) allowed.push_back(boost::json::string{a});
  json["allowed_actions"] = std::move(allowed);
  return json;
}

store::bundle_record visible_bundle(const request_context& ctx, store::database& db) {
  const auto id = positive_id(ctx.param("id"));
  auto bundle = id > 0 ? store::find_bundle(db, id) : std::nullopt;
  const bool visible = bundle && (!ctx.is_municipality() || bundle->answers.count(ctx.who().organisation.value_or("")) > 0);
  if (!visible) throw not_found("There is no bundle " + ctx.param("id") + ".");
  return std::move(*bundle);
}

}  // namespace jointbuy::http
