#include <boost/json.hpp>

#include "api/http/handlers/routes.hpp"
#include "api/http/problem.hpp"
#include "api/http/responses.hpp"
#include "engine/thresholds.hpp"

namespace jointbuy::http {

namespace {

boost::json::value thresholds_json(const engine::threshold_table& table) {
  boost::json::array periods;
  for (const auto& period : table.periods) {
    boost::json::object by_type;
    for (const auto& [type, limits] : period.by_type) {
      by_type[engine::to_string(type)] = {{"free_hand_below_chf", engine::chf_from_rappen(limits.free_hand_below)},
                                          {"invitation_below_chf", engine::chf_from_rappen(limits.invitation_below)},
                                          {"treaty_chf", engine::chf_from_rappen(limits.treaty_threshold)}};
    }
    boost::json::object json{{"valid_from", engine::format_iso_date(period.valid_from)},
                             {"source", period.source},
                             {"thresholds", std::move(by_type)}};
    json["valid_to"] = period.valid_to ? boost::json::value(engine::format_iso_date(*period.valid_to)) : nullptr;
    periods.push_back(std::move(json));
  }
  return {{"periods", std::move(periods)}};
}

boost::json::value cost_model_json(const engine::cost_model& model) {
  boost::json::object tiers;
  for (const auto& [category, list] : model.default_tiers) tiers[engine::to_string(category)] = catalog::tiers_to_json(list);
  return {{"overhead_chf",
           {{"free_hand", engine::chf_from_rappen(model.overhead_free_hand)},
            {"invitation", engine::chf_from_rappen(model.overhead_invitation)},
            {"open", engine::chf_from_rappen(model.overhead_open)},
            {"open_international", engine::chf_from_rappen(model.overhead_open_international)}}},
          {"coordination_per_buyer_chf", engine::chf_from_rappen(model.coordination_per_buyer)},
          {"discount_tiers", std::move(tiers)}};
}

}  // namespace

void add_rules_routes(router& routes, const catalog::reference_data& reference) {
  routes.add(beast_http::verb::get, "/api/v1/rules/thresholds", access::authenticated, [&reference](request_context& ctx) {
    return json_response(ctx.req, status::ok, thresholds_json(reference.thresholds));
  });

  routes.add(beast_http::verb::get, "/api/v1/rules/cost-model", access::authenticated, [&reference](request_context& ctx) {
    return json_response(ctx.req, status::ok, cost_model_json(reference.costs));
  });

  routes.add(beast_http::verb::get, "/api/v1/rules/procedure", access::authenticated, [&reference](request_context& ctx) {
    std::vector<field_error> errors;
    engine::rappen amount = 0;
    const auto value = engine::parse_chf(ctx.target.get("value_chf").value_or(""));
    if (value && *value >= 0) {
      amount = *value;
    } else {
      errors.push_back(query_error("value_chf", "must be an amount in CHF ≥ 0 with at most 2 decimals", "Wert muss ein Betrag in CHF ab 0 mit höchstens 2 Dezimalstellen sein"));
    }
    auto kind = engine::procurement_type::supply;
    if (const auto type = engine::parse_procurement_type(ctx.target.get("type").value_or(""))) {
      kind = *type;
    } else {
      errors.push_back(query_error("type", "must be supply, service, construction_main or construction_secondary", "Auftragsart muss supply (Lieferung), service (Dienstleistung), construction_main (Bauhauptgewerbe) oder construction_secondary (Baunebengewerbe) sein"));
    }
    auto on = engine::today_utc();
    if (const auto date_text = ctx.target.get("date")) {
      if (const auto day = engine::parse_iso_date(*date_text)) {
        on = *day;
      } else {
        errors.push_back(query_error("date", "must be a date YYYY-MM-DD", "Datum muss ein Datum JJJJ-MM-TT sein"));
      }
    }
    if (!errors.empty()) throw invalid_query(std::move(errors));
    const auto ruling = engine::required_procedure(reference.thresholds, amount, kind, on);
    if (!ruling) {
      throw unprocessable({{"date", "no thresholds are in force on " + engine::format_iso_date(on)}});
    }
    return json_response(ctx.req, status::ok,
                         {{"procedure", engine::to_string(ruling->required)},
                          {"international", ruling->international},
                          {"value_chf", engine::chf_from_rappen(amount)},
                          {"type", engine::to_string(kind)},
                          {"date", engine::format_iso_date(on)},
                          {"reason", engine::explain(*ruling, amount, kind, preferred_language(ctx.req))}});
  });
}

}  // namespace jointbuy::http
