#include <boost/json.hpp>

#include "api/http/handlers/routes.hpp"
#include "api/http/json_body.hpp"
#include "api/http/problem.hpp"
#include "api/http/responses.hpp"
#include "api/store/catalog_items.hpp"

namespace jointbuy::http {

namespace {

response item_response(const request& req, status code, const catalog::item& value) {
  auto res = json_response(req, code, boost::json::value_from(value));
  set_version_etag(res, value.version);
  return res;
}

// Parses and checks an item body: the schema, the amounts, the CPV list, the contract years, the
// tiers, and that items sharing its compatibility key share its category and procurement type.
catalog::item item_from_body(const boost::json::value& body, store::database& db, const catalog::reference_data& reference,
                             engine::language lang) {
  require_schema("catalog-item", body, lang);
  std::vector<catalog::json_error> errors;
  auto value = catalog::item_from_json(body.as_object(), errors);
  auto checks = catalog::check_item(value, reference.cpv);
  errors.insert(errors.end(), checks.begin(), checks.end());
  for (const auto& other : store::items_with_key(db, value.compatibility_key, value.id)) {
    if (other.category != value.category || other.procurement_type != value.procurement_type) {
      errors.push_back({"/compatibility_key", "'" + value.compatibility_key + "' is the key of " + other.id +
                                                  ", which has another category or procurement type"});
      break;
    }
  }
  require_no_errors(errors, lang);
  return value;
}

}  // namespace

void add_catalog_routes(router& routes, store::database& db, const catalog::reference_data& reference) {
  routes.add(beast_http::verb::get, "/api/v1/catalog/items", access::authenticated, [&db](request_context& ctx) {
    const auto page = parse_page(ctx.target);
    store::item_query query;
    query.text = ctx.target.get("q").value_or("");
    query.cpv = ctx.target.get("cpv").value_or("");
    query.after = page.after;
    query.limit = page.limit;
    if (query.text.size() > 200) throw invalid_query({query_error("q", "at most 200 characters", "Suchtext darf höchstens 200 Zeichen haben")});
    if (!query.cpv.empty() && !catalog::is_cpv_format(query.cpv)) {
      throw invalid_query({query_error("cpv", "must be a CPV code NNNNNNNN-C", "CPV muss ein CPV-Code NNNNNNNN-P sein")});
    }
    if (const auto category = ctx.target.get("category")) {
      query.category = engine::parse_category(*category);
      if (!query.category) throw invalid_query({query_error("category", "must be hardware, software or service", "Kategorie muss hardware, software oder service (Dienstleistung) sein")});
    }
    const auto result = store::search_items(db, query);
    boost::json::array items;
    for (const auto& value : result.items) items.push_back(boost::json::value_from(value));
    return list_response(ctx.req, std::move(items), result.next_after);
  });

  routes.add(beast_http::verb::get, "/api/v1/catalog/items/{id}", access::authenticated, [&db](request_context& ctx) {
    const auto value = store::find_item(db, ctx.param("id"));
    if (!value) throw store::not_found({store::record::catalogue_item, ctx.param("id")});
    return item_response(ctx.req, status::ok, *value);
  });

  routes.add(beast_http::verb::post, "/api/v1/catalog/items", access::authenticated, [&db, &reference](request_context& ctx) {
    require_role(ctx, {store::role::coordinator});
    auto value = item_from_body(parse_json_body(ctx.req), db, reference, preferred_language(ctx.req));
    const auto stored = store::create_item(db, value, ctx.who().actor);
    auto res = item_response(ctx.req, status::created, stored);
    res.set(beast_http::field::location, "/api/v1/catalog/items/" + stored.id);
    return res;
  });

  routes.add(beast_http::verb::put, "/api/v1/catalog/items/{id}", access::authenticated, [&db, &reference](request_context& ctx) {
    require_role(ctx, {store::role::coordinator});
    const auto body = parse_json_body(ctx.req);
    auto value = item_from_body(body, db, reference, preferred_language(ctx.req));
    if (value.id != ctx.param("id")) {
      throw unprocessable({{"id", "must be the id in the URL, '" + ctx.param("id") + "'; ids do not change"}});
    }
    // The expected version comes from If-Match (412 when stale, as HTTP has it) or from the
    // body's version field (409 when stale: the edit conflicts with another one).
    const auto if_match = if_match_version(ctx.req);
    const bool body_has_version = body.as_object().contains("version");
    if (!if_match && !body_has_version) {
      throw problem(status::precondition_required, "version-required", "The item's version is required",
                    "Send If-Match with the item's ETag, or its version in the body, so that no edit is lost.");
    }
    try {
      return item_response(ctx.req, status::ok, store::update_item(db, value, if_match.value_or(value.version), ctx.who().actor));
    } catch (const store::stale_version& e) {
      if (if_match) throw;
      throw stale_version_problem(e, status::conflict);
    }
  });
}

}  // namespace jointbuy::http
