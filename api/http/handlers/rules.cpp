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
    const auto value_text = ctx.target.get("value_chf");
    const auto value = value_text ? engine::parse_chf(*value_text) : std::nullopt;
    if (!value || *value < 0) errors.push_back({"value_chf", "must be an amount in CHF ≥ 0 with at most 2 decimals"});
    const auto type_text = ctx.target.get("type");
    const auto type = type_text ? engine::parse_procurement_type(*type_text) : std::nullopt;
    if (!type) errors.push_back({"type", "must be supply, service, construction_main or construction_secondary"});
    auto day = std::optional{engine::today_utc()};
    if (const auto date_text = ctx.target.get("date")) {
      day = engine::parse_iso_date(*date_text);
      if (!day) errors.push_back({"date", "must be a date YYYY-MM-DD"});
    }
    if (!errors.empty()) throw bad_request("The query parameters are invalid.", std::move(errors));
    const auto ruling = engine::required_procedure(reference.thresholds, *value, *type, *day);
    if (!ruling) {
      throw unprocessable({{"date", "no thresholds are in force on " + engine::format_iso_date(*day)}});
    }
    return json_response(ctx.req, status::ok,
                         {{"procedure", engine::to_string(ruling->required)},
                          {"international", ruling->international},
                          {"value_chf", engine::chf_from_rappen(*value)},
                          {"type", engine::to_string(*type)},
                          {"date", engine::format_iso_date(*day)},
                          {"reason", engine::explain(*ruling, *value, *type, preferred_language(ctx.req))}});
  });
}

}  // namespace jointbuy::http
