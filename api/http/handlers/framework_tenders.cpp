// Framework tenders (DOMAIN.md §4.8, from opportunity to agreement): a coordinator starts one on an
// opportunity's horizon, it is reviewed like a joint tender, and once tendered it is awarded into a
// framework agreement with the supplier's prices.
#include <set>

#include <boost/json.hpp>

#include "api/http/handlers/agreement_views.hpp"
#include "api/http/handlers/bundle_views.hpp"
#include "api/http/handlers/routes.hpp"
#include "api/http/json_body.hpp"
#include "api/http/problem.hpp"
#include "api/http/responses.hpp"
#include "api/store/display_names.hpp"
#include "api/store/framework_agreements.hpp"
#include "api/store/catalog_items.hpp"
#include "api/store/framework_tenders.hpp"
#include "api/store/tenders.hpp"
#include "catalog/framework_agreement.hpp"

namespace jointbuy::http {

namespace {

std::string comment_of(const boost::json::object& body, std::string fallback) {
  const auto* comment = body.if_contains("comment");
  return comment != nullptr && !comment->as_string().empty() ? std::string{comment->as_string()} : fallback;
}

// The award body as an agreement body (framework-agreement's shape), with what the tender gives.
boost::json::object agreement_body(const boost::json::object& award, const store::bundle_record& tender) {
  boost::json::object body = award;
  body.erase("comment");
  body["source"] = "own_tender";
  body["eligible_organisations"] = "all";  // the store sets the tender's buyers
  if (!body.contains("title")) {
    std::string title = "Rahmenvertrag ";
    title.append(tender.title.de.empty() ? tender.bundle.id : tender.title.de);
    body["title"] = title;
  }
  if (!body.contains("legal_basis")) body["legal_basis"] = "Art. 25 IVöB";
  if (!body.contains("ceiling_chf")) body["ceiling_chf"] = engine::chf_from_rappen(tender.bundle.value);
  return body;
}

// Every item of the tender must have its price in the award.
void require_every_item(const store::bundle_record& tender, const catalog::framework_agreement& value) {
  std::set<std::string> priced;
  for (const auto& p : value.prices) priced.insert(p.item);
  std::set<std::string> items;
  for (const auto& [intent, item] : tender.items) items.insert(item);
  std::vector<field_error> missing;
  for (const auto& item : items) {
    if (priced.count(item) > 0) continue;
    missing.push_back({"items", "must give a price for '" + item + "', an item of the tender", 0,
                       "muss einen Preis für '" + item + "' nennen, einen Artikel der Ausschreibung"});
  }
  if (!missing.empty()) throw unprocessable(std::move(missing));
}

}  // namespace

void add_framework_tender_routes(router& routes, store::database& db, const catalog::reference_data& reference) {
  routes.add(beast_http::verb::post, "/api/v1/framework-tenders", access::authenticated, [&db, &reference](request_context& ctx) {
    require_role(ctx, {store::role::coordinator});
    const auto lang = preferred_language(ctx.req);
    const auto body = parse_json_body(ctx.req);
    require_schema("framework-tender", body, lang);
    const auto& o = body.as_object();
    const std::string horizon{o.at("horizon").as_string()};
    const long long run = o.contains("run") ? o.at("run").as_int64() : 0;
    std::string fallback = "Framework tender on the opportunity ";
    fallback.append(horizon);
    const auto who = review_actor(ctx);
    const auto started = store::start_framework_tender(db, {reference, who}, horizon, run, comment_of(o, fallback));
    auto res = json_response(ctx.req, status::created, bundle_view(started, lang, who, store::read_display_names(db)));
    set_version_etag(res, started.version);
    std::string location = "/api/v1/bundles/";
    location.append(std::to_string(started.id));
    res.set(beast_http::field::location, location);
    return res;
  });

  routes.add(beast_http::verb::post, "/api/v1/bundles/{id}/agreement", access::authenticated, [&db](request_context& ctx) {
    require_role(ctx, {store::role::coordinator});
    const auto lang = preferred_language(ctx.req);
    const auto tender = visible_bundle(ctx, db);
    const auto body = parse_json_body(ctx.req);
    require_schema("framework-award", body, lang);
    const store::record_ref subject{store::record::bundle, std::to_string(tender.id)};
    if (tender.kind != review::tender_kind::framework || tender.status != review::status::tendered) {
      throw store::conflict(store::conflict::reason::not_tendered, subject, "award");
    }
    if (tender.agreement) throw store::conflict(store::conflict::reason::awarded, subject, "award");
    std::vector<catalog::input_problem> problems;
    const catalog::agreement_lookups lookups{[&db](const std::string& id) { return store::find_item(db, id).has_value(); },
                                             [](const std::string&) { return true; }};
    auto value = catalog::agreement_from_json(agreement_body(body.as_object(), tender), lookups, problems);
    require_no_problems(problems, lang);
    require_every_item(tender, value);
    const auto stored = store::award_framework_tender(db, tender.id, std::move(value), ctx.who().actor);
    auto res = agreement_response(ctx, db, status::created, stored);
    std::string location = "/api/v1/framework-agreements/";
    location.append(std::to_string(stored.id));
    res.set(beast_http::field::location, location);
    return res;
  });
}

}  // namespace jointbuy::http
