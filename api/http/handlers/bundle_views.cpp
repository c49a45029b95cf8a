#include "api/http/handlers/bundle_views.hpp"

#include <algorithm>

#include <boost/json.hpp>

#include "api/http/problem.hpp"
#include "api/http/query.hpp"
#include "catalog/bundling_json.hpp"

namespace jointbuy::http {

void restrict_to_viewer(boost::json::object& json, const std::string& viewer) {
  const bool joint_tender = json["decision"] == "joint_tender";
  auto& members = json["members"].as_array();
  if (!joint_tender) {
    members.erase(std::remove_if(members.begin(), members.end(),
                                 [&](const boost::json::value& m) { return m.at("organisation").as_string() != viewer; }),
                  members.end());
    auto& answers = json["answers"].as_object();
    for (auto it = answers.begin(); it != answers.end();) it = it->key() == viewer ? std::next(it) : answers.erase(it);
    return;
  }
  for (auto& member : members) {
    auto& m = member.as_object();
    if (m.at("organisation").as_string() == viewer) continue;
    m.erase("value_chf");
    m.erase("own_procedure");
  }
}

std::optional<std::string> bundle_viewer(const request_context& ctx) {
  return ctx.is_municipality() ? ctx.who().organisation : std::nullopt;
}

review::actor review_actor(const request_context& ctx) {
  const auto& who = ctx.who();
  switch (who.role) {
    case store::role::coordinator: return {who.actor, review::role::coordinator, {}};
    case store::role::municipality: return {who.actor, review::role::buyer, who.organisation.value_or("")};
    case store::role::auditor: break;
  }
  return {who.actor, review::role::observer, {}};
}

engine::reason_names reason_names_of(const store::display_names& names) {
  return {[&names](const std::string& id) { return names.organisation(id); },
          [&names](const std::string& id) { return names.person(id); },
          [&names](const std::string& id) { return names.agreement(id); }};
}

boost::json::object bundle_view(const store::bundle_record& record, engine::language lang, const review::actor& who,
                                const store::display_names& names) {
  auto json = catalog::bundle_json(record.bundle, lang, reason_names_of(names));
  for (auto& member : json["members"].as_array()) {
    auto& m = member.as_object();
    const auto window = record.windows.find(m.at("intent").as_int64());
    if (window == record.windows.end()) continue;
    m["window"] = {{"from", engine::format_iso_date(window->second.first)}, {"to", engine::format_iso_date(window->second.second)}};
    if (const auto item = record.items.find(window->first); item != record.items.end()) m["item"] = item->second;
  }
  json["tender"] = record.bundle.id;
  if (!record.title_item.empty()) json["title"] = lang == engine::language::de ? record.title.de : record.title.en;
  json["id"] = record.id;
  json["run"] = record.run;
  json["campaign"] = record.campaign ? boost::json::value(*record.campaign) : boost::json::value(nullptr);
  json["status"] = review::to_string(record.status);
  json["kind"] = review::to_string(record.kind);
  json["agreement"] = record.agreement ? boost::json::value(*record.agreement) : boost::json::value(nullptr);
  json["version"] = record.version;
  json["superseded"] = record.superseded;
  boost::json::object answers;
  for (const auto& [organisation, answer] : record.answers) answers[organisation] = review::to_string(answer);
  json["answers"] = std::move(answers);
  if (record.reference) json["reference"] = *record.reference;
  if (!record.review_reason.empty()) json["review_reason"] = record.review_reason;
  boost::json::array allowed;
  for (const auto a : review::allowed_actions(record, who)) allowed.push_back(boost::json::string{review::to_string(a)});
  json["allowed_actions"] = std::move(allowed);
  if (who.role == review::role::buyer) restrict_to_viewer(json, who.organisation);
  return json;
}

store::bundle_record visible_bundle(const request_context& ctx, store::database& db) {
  const auto id = positive_id(ctx.param("id"));
  auto bundle = id > 0 ? store::find_bundle(db, id) : std::nullopt;
  const bool visible = bundle && (!ctx.is_municipality() || bundle->answers.count(ctx.who().organisation.value_or("")) > 0);
  if (!visible) throw store::not_found({store::record::bundle, ctx.param("id")});
  return std::move(*bundle);
}

}  // namespace jointbuy::http
