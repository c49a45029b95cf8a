#include "catalog/bundling_json.hpp"

#include <boost/json.hpp>

namespace jointbuy::catalog {

namespace {

// Figures whose names say they are money are shown in CHF; counts (quantity, remaining_quantity),
// days and yes/no stay whole numbers.
bool is_money(std::string_view name) {
  return name != "buyers" && name.find("quantity") == std::string_view::npos && name != "purchases" && name != "shift_days" &&
         name != "international";
}

boost::json::object details_of(const engine::reason& r) {
  boost::json::object details;
  for (const auto& [name, value] : r.amounts) {
    if (is_money(name)) {
      details[std::string{name.view()} + "_chf"] = engine::chf_from_rappen(value);
    } else {
      details[name.view()] = value;
    }
  }
  for (const auto& [name, text] : r.texts) details[name.view()] = text;
  return details;
}

boost::json::value reason_json(const engine::reason& r, engine::language lang, const engine::reason_names& names) {
  return {{"code", r.code}, {"message", engine::describe(r, lang, names)}};
}

}  // namespace

std::map<std::string, engine::item_terms> engine_terms(const std::vector<item>& items) {
  std::map<std::string, engine::item_terms> terms;
  for (const auto& i : items) {
    terms[i.id] = {i.compatibility_key.empty() ? i.id : i.compatibility_key,
                   i.category,
                   i.procurement_type,
                   i.cpv,
                   i.billing,
                   i.default_contract_years,
                   i.reference_price,
                   i.discount_tiers};
  }
  return terms;
}

boost::json::object bundle_json(const engine::bundle& b, engine::language lang, const engine::reason_names& names) {
  boost::json::array members;
  for (const auto& m : b.members) {
    members.push_back({{"intent", m.intent},
                       {"organisation", m.organisation},
                       {"quantity", m.quantity},
                       {"value_chf", engine::chf_from_rappen(m.value)},
                       {"lead", m.lead},
                       {"own_procedure", engine::to_string(m.own_procedure)}});
  }
  boost::json::array reasons;
  for (const auto& r : b.reasons) reasons.push_back(reason_json(r, lang, names));
  return {{"id", b.id},
          {"compatibility_key", b.compatibility_key},
          {"category", engine::to_string(b.category)},
          {"procurement_type", engine::to_string(b.procurement_type)},
          {"cpv", b.cpv},
          {"decision", engine::to_string(b.verdict)},
          {"award_window", {{"from", engine::format_iso_date(b.award_from)}, {"to", engine::format_iso_date(b.award_to)}}},
          {"members", std::move(members)},
          {"buyers", b.buyers},
          {"quantity", b.quantity},
          {"value_chf", engine::chf_from_rappen(b.value)},
          {"procedure", engine::to_string(b.procedure)},
          {"international", b.international},
          {"estimated_savings_chf", engine::chf_from_rappen(b.estimated_savings)},
          {"reasons", std::move(reasons)}};
}

boost::json::object flag_json(const engine::flag& f, engine::language lang, const engine::reason_names& names) {
  return {{"intent", f.intent},
          {"organisation", f.organisation},
          {"code", f.reason.code},
          {"message", engine::describe(f.reason, lang, names)},
          {"details", details_of(f.reason)}};
}

boost::json::value reason_to_storage(const engine::reason& r) {
  boost::json::object amounts, texts;
  for (const auto& [name, value] : r.amounts) amounts[name.view()] = value;
  for (const auto& [name, text] : r.texts) texts[name.view()] = text;
  return {{"code", r.code}, {"amounts", std::move(amounts)}, {"texts", std::move(texts)}};
}

engine::reason reason_from_storage(const boost::json::value& stored) {
  engine::reason r;
  const auto& object = stored.as_object();
  r.code = engine::static_name::intern(object.at("code").as_string());
  for (const auto& [name, value] : object.at("amounts").as_object()) r.amounts[engine::static_name::intern(name)] = value.to_number<std::int64_t>();
  for (const auto& [name, text] : object.at("texts").as_object()) r.texts[engine::static_name::intern(name)] = std::string{text.as_string()};
  return r;
}

boost::json::value bundling_result_json(const engine::bundling_result& result, engine::language lang,
                                         const engine::reason_names& names) {
  boost::json::array bundles;
  for (const auto& b : result.bundles) bundles.push_back(bundle_json(b, lang, names));
  boost::json::array flags;
  for (const auto& f : result.flags) flags.push_back(flag_json(f, lang, names));
  return {{"bundles", std::move(bundles)}, {"flags", std::move(flags)}, {"summary", summary_json(result.summary)}};
}

boost::json::object summary_json(const engine::bundling_summary& s) {
  boost::json::object by_code;
  for (const auto& [code, count] : s.flags_by_code) by_code[code] = count;
  return {{"intents", s.intents},
          {"bundles", s.bundles},
          {"joint_tenders", s.joint_tenders},
          {"intents_in_joint_tenders", s.intents_in_joint_tenders},
          {"value_in_joint_tenders_chf", engine::chf_from_rappen(s.value_in_joint_tenders)},
          {"estimated_savings_chf", engine::chf_from_rappen(s.estimated_savings)},
          {"flags_by_code", std::move(by_code)}};
}

}  // namespace jointbuy::catalog
