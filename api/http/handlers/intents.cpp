#include <algorithm>

#include <boost/json.hpp>

#include "api/http/handlers/intent_views.hpp"
#include "api/http/handlers/routes.hpp"
#include "api/http/json_body.hpp"
#include "api/http/media_type.hpp"
#include "api/http/problem.hpp"
#include "api/http/responses.hpp"
#include "api/store/catalog_items.hpp"
#include "api/store/intents.hpp"
#include "api/store/organisations.hpp"
#include "api/store/token_secret.hpp"
#include "catalog/intent_import.hpp"

namespace jointbuy::http {

namespace {

constexpr std::size_t max_idempotency_key = 200;

// The intent `{id}` if the caller may see it; a municipality does not learn that other
// organisations' intents exist (404, as for ids that do not).
store::intent_record visible_intent(const request_context& ctx, store::database& db) {
  const auto id = positive_id(ctx.param("id"));
  auto record = id > 0 ? store::find_intent(db, id) : std::nullopt;
  if (!record || (ctx.is_municipality() && record->fields.organisation != ctx.who().organisation)) {
    throw not_found("There is no intent " + ctx.param("id") + ".");
  }
  return *record;
}

// The intent with the tender it belongs to now.
response intent_response(store::database& db, const request& req, status code, const store::intent_record& record) {
  const auto current = store::current_tenders(db, {record.id});
  const auto tender = current.find(record.id);
  auto res = json_response(req, code,
                           intent_view(record, tender == current.end() ? std::nullopt : std::optional{tender->second}));
  set_version_etag(res, record.version);
  return res;
}

// Decodes and checks a body into a draft for `organisation_for_caller`, or throws the problems.
catalog::intent_draft checked_draft(const request_context& ctx, store::database& db, const boost::json::value& body,
                                    const std::optional<std::string>& fixed_organisation) {
  const auto lang = preferred_language(ctx.req);
  std::vector<catalog::input_problem> problems;
  auto draft = catalog::decode_intent_json(body, problems);
  if (ctx.is_municipality()) {
    if (!draft.organisation.empty() && draft.organisation != ctx.who().organisation) {
      throw forbidden("A municipality submits intents for its own organisation, " + ctx.who().organisation.value_or("") + ".");
    }
    draft.organisation = *ctx.who().organisation;
  }
  if (fixed_organisation) {
    if (!draft.organisation.empty() && draft.organisation != *fixed_organisation) {
      problems.push_back({"organisation", {"cannot change; withdraw the intent and submit a new one",
                                           "kann nicht geändert werden; Absicht zurückziehen und neu erfassen"}, 0});
    }
    draft.organisation = *fixed_organisation;
  }
  // A municipality's own organisation exists: its token references it. Anything else is looked up.
  const bool own_organisation = ctx.is_municipality() && draft.organisation == ctx.who().organisation;
  if (draft.organisation.empty()) {
    problems.push_back({"organisation", {"is required for a coordinator", "ist für die Koordination erforderlich"}, 0});
  } else if (!own_organisation && !store::find_organisation(db, draft.organisation)) {
    problems.push_back({"organisation", {"'" + draft.organisation + "' is not a known organisation",
                                         "'" + draft.organisation + "' ist keine bekannte Organisation"}, 0});
  }
  const auto item = draft.item.empty() ? std::nullopt : store::find_item(db, draft.item);
  catalog::check_intent(draft, item ? &*item : nullptr, engine::today_utc(), 0, problems);
  require_no_problems(problems, lang);
  return draft;
}

store::intent_filter filter_from(const request_context& ctx) {
  const auto page = parse_page(ctx.target);
  store::intent_filter filter;
  filter.limit = page.limit;
  filter.after = after_id(page);
  std::vector<field_error> errors;
  filter.organisation = ctx.target.get("organisation");
  if (ctx.is_municipality()) {
    if (filter.organisation && filter.organisation != ctx.who().organisation) {
      throw forbidden("A municipality lists only its own intents.");
    }
    filter.organisation = ctx.who().organisation;
  }
  filter.item = ctx.target.get("item");
  if (const auto category = ctx.target.get("category")) {
    filter.category = engine::parse_category(*category);
    if (!filter.category) errors.push_back({"category", "must be hardware, software or service"});
  }
  filter.status = ctx.target.get("status");
  if (filter.status && *filter.status != "submitted" && *filter.status != "withdrawn") {
    errors.push_back({"status", "must be submitted or withdrawn"});
  }
  for (const char* name : {"from", "to"}) {
    if (const auto text = ctx.target.get(name)) {
      const auto day = engine::parse_iso_date(*text);
      if (!day) errors.push_back({name, "must be a date YYYY-MM-DD"});
      (std::string_view{name} == "from" ? filter.from : filter.to) = day;
    }
  }
  if (!errors.empty()) throw bad_request("The query parameters are invalid.", std::move(errors));
  return filter;
}

}  // namespace

void add_intent_routes(router& routes, store::database& db) {
  routes.add(beast_http::verb::post, "/api/v1/intents", access::authenticated, [&db](request_context& ctx) {
    require_role(ctx, {store::role::municipality, store::role::coordinator});
    std::optional<std::string> key;
    if (const auto found = ctx.req.find("Idempotency-Key"); found != ctx.req.end()) {
      key = std::string{found->value()};
      // Stored with the intent: visible ASCII only, so that no byte of it can be misread later.
      const bool visible = std::all_of(key->begin(), key->end(), [](char c) { return c > ' ' && c < '\x7f'; });
      if (key->empty() || key->size() > max_idempotency_key || !visible) {
        throw bad_request("Idempotency-Key must have 1 to 200 visible ASCII characters",
                          {{"Idempotency-Key", "1 to 200 visible ASCII characters"}});
      }
    }
    const auto body = parse_json_body(ctx.req);
    const auto draft = checked_draft(ctx, db, body, std::nullopt);
    const auto created = store::create_intent(db, draft, ctx.who().token_id, key, store::sha256_hex(ctx.req.body()));
    auto res = intent_response(db, ctx.req, status::created, created.intent);
    res.set(beast_http::field::location, "/api/v1/intents/" + std::to_string(created.intent.id));
    if (created.replayed) res.set("Idempotent-Replayed", "true");
    return res;
  });

  routes.add(beast_http::verb::get, "/api/v1/intents", access::authenticated, [&db](request_context& ctx) {
    const auto page = store::list_intents(db, filter_from(ctx));
    boost::json::array items;
    std::vector<long long> ids;
    for (const auto& record : page.items) ids.push_back(record.id);
    const auto current = store::current_tenders(db, ids);
    for (const auto& record : page.items) {
      const auto tender = current.find(record.id);
      items.push_back(intent_view(record, tender == current.end() ? std::nullopt : std::optional{tender->second}));
    }
    return list_response(ctx.req, std::move(items), page.next_after);
  });

  routes.add(beast_http::verb::get, "/api/v1/intents/{id}", access::authenticated, [&db](request_context& ctx) {
    return intent_response(db, ctx.req, status::ok, visible_intent(ctx, db));
  });

  routes.add(beast_http::verb::put, "/api/v1/intents/{id}", access::authenticated, [&db](request_context& ctx) {
    require_role(ctx, {store::role::municipality, store::role::coordinator});
    const auto current = visible_intent(ctx, db);
    const auto expected = if_match_version(ctx.req);
    if (!expected) {
      throw problem(status::precondition_required, "version-required", "If-Match is required",
                    "Send If-Match with the intent's ETag, so that no change is lost.");
    }
    const auto draft = checked_draft(ctx, db, parse_json_body(ctx.req), current.fields.organisation);
    store::intent_record result;
    switch (store::update_intent(db, current.id, draft, *expected, ctx.who().token_id, result)) {
      case store::change_outcome::changed:
      case store::change_outcome::unchanged: return intent_response(db, ctx.req, status::ok, result);
      case store::change_outcome::not_found: throw not_found("There is no intent " + ctx.param("id") + ".");
      case store::change_outcome::withdrawn:
        throw problem(status::conflict, "withdrawn", "The intent is withdrawn", "A withdrawn intent cannot be changed.");
      case store::change_outcome::stale_version: break;
    }
    throw problem(status::precondition_failed, "stale-version", "The intent has changed",
                  "The intent is at version " + std::to_string(result.version) + ", not " + std::to_string(*expected) +
                      ". Reload it and apply your change again.");
  });

  routes.add(beast_http::verb::delete_, "/api/v1/intents/{id}", access::authenticated, [&db](request_context& ctx) {
    require_role(ctx, {store::role::municipality, store::role::coordinator});
    const auto current = visible_intent(ctx, db);
    store::intent_record result;
    const auto outcome = store::withdraw_intent(db, current.id, if_match_version(ctx.req), ctx.who().token_id, result);
    if (outcome == store::change_outcome::stale_version) {
      throw problem(status::precondition_failed, "stale-version", "The intent has changed",
                    "The intent is at version " + std::to_string(result.version) + ". Reload it first.");
    }
    return intent_response(db, ctx.req, status::ok, result);
  });

  routes.add(beast_http::verb::post, "/api/v1/intents/import", access::authenticated, [&db](request_context& ctx) {
    require_role(ctx, {store::role::municipality, store::role::coordinator});
    require_body_type(ctx.req, "text/csv", "CSV");
    catalog::import_scope scope;
    if (ctx.is_municipality()) {
      scope.organisation = ctx.who().organisation;
      scope.organisation_is_fixed = true;
    } else {
      scope.organisation = ctx.target.get("organisation");
    }
    const catalog::import_lookups lookups{[&db](const std::string& id) { return store::find_item(db, id); },
                                          [&db](const std::string& id) { return store::find_organisation(db, id).has_value(); }};
    const auto prepared = catalog::prepare_import(ctx.req.body(), scope, lookups, engine::today_utc());
    require_no_problems(prepared.problems, preferred_language(ctx.req), prepared.problems_not_listed);
    const auto records = store::import_intents(db, prepared.drafts, ctx.who().token_id);
    boost::json::array ids;
    engine::rappen total = 0;
    for (const auto& record : records) {
      ids.push_back(record.id);
      total += record.value;
    }
    return json_response(ctx.req, status::created,
                         {{"imported", records.size()}, {"ids", std::move(ids)}, {"value_chf", engine::chf_from_rappen(total)}});
  });
}

}  // namespace jointbuy::http
