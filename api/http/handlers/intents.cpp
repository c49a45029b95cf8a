#include <algorithm>

#include <boost/json.hpp>

#include "api/http/handlers/intent_views.hpp"
#include "api/http/handlers/routes.hpp"
#include "api/http/json_body.hpp"
#include "api/http/media_type.hpp"
#include "api/http/problem.hpp"
#include "api/http/responses.hpp"
#include "api/store/intents.hpp"
#include "api/store/token_secret.hpp"
#include "catalog/intent_intake.hpp"

namespace jointbuy::http {

namespace {

constexpr std::size_t max_idempotency_key = 200;

// The intent `{id}` if the caller may see it; a municipality does not learn that other
// organisations' intents exist (404, as for ids that do not).
store::intent_record visible_intent(const request_context& ctx, soci::session& session) {
  const auto id = positive_id(ctx.param("id"));
  auto record = id > 0 ? store::find_intent(session, id) : std::nullopt;
  if (!record || (ctx.is_municipality() && record->fields.organisation != ctx.who().organisation)) {
    throw store::not_found({store::record::intent, ctx.param("id")});
  }
  return *record;
}

// The intent with the tender it belongs to now.
// The intent as the API shows it, in `tender` (none: in no current tender).
response intent_response(const request& req, status code, const store::intent_record& record,
                         std::optional<store::current_tender> tender) {
  auto res = json_response(req, code, intent_view(record, std::move(tender)));
  set_version_etag(res, record.version);
  return res;
}

response intent_response(soci::session& session, const request& req, status code, const store::intent_record& record) {
  const auto current = store::current_tenders(session, {record.id});
  const auto tender = current.find(record.id);
  return intent_response(req, code, record, tender == current.end() ? std::nullopt : std::optional{tender->second});
}

// The request's Idempotency-Key, if it sent one: stored with what it created, so visible ASCII only,
// that no byte of it can be misread later.
std::optional<std::string> idempotency_key(const request_context& ctx) {
  const auto found = ctx.req.find("Idempotency-Key");
  if (found == ctx.req.end()) return std::nullopt;
  std::string key{found->value()};
  const bool visible = std::all_of(key.begin(), key.end(), [](char c) { return c > ' ' && c < '\x7f'; });
  if (key.empty() || key.size() > max_idempotency_key || !visible) {
    throw bad_request("Idempotency-Key must have 1 to 200 visible ASCII characters",
                      {query_error("Idempotency-Key", "1 to 200 visible ASCII characters", "1 bis 200 sichtbare ASCII-Zeichen")})
        .with_german("Der Idempotency-Key muss 1 bis 200 sichtbare ASCII-Zeichen haben.");
  }
  return key;
}

// The answer to an import: what it stored, and whether it is an earlier import's.
response import_response(const request& req, const store::import_receipt& receipt) {
  boost::json::array ids;
  for (const auto id : receipt.ids) ids.push_back(id);
  auto res = json_response(req, status::created,
                           {{"imported", receipt.ids.size()},
                            {"ids", std::move(ids)},
                            {"value_chf", engine::chf_from_rappen(receipt.value)},
                            {"replayed", receipt.replayed}});
  if (receipt.replayed) res.set("Idempotent-Replayed", "true");
  return res;
}

// A municipality naming another organisation than its own: a matter of access.
problem foreign_organisation(const request_context& ctx) {
  const auto own = ctx.who().organisation.value_or("");
  return forbidden("A municipality submits intents for its own organisation, " + own + ".",
                   "Eine Gemeinde erfasst Absichten nur für sich selbst, " + own + ".");
}

// Whose intents the caller submits: a municipality its own, a coordinator those it names, or
// `organisation`'s when an entry names none.
catalog::intake_scope caller_scope(const request_context& ctx, std::optional<std::string> organisation) {
  catalog::intake_scope scope;
  scope.today = engine::today_utc();
  if (ctx.is_municipality()) {
    if (organisation && organisation != ctx.who().organisation) {
      throw foreign_organisation(ctx);
    }
    scope.rule = catalog::organisation_rule::own_only;
    scope.organisation = ctx.who().organisation;
  } else {
    scope.organisation = std::move(organisation);
  }
  return scope;
}

// The intake's verdict as the API gives it: 403 for another organisation's intents, 422 with
// every problem in the caller's language.
void require_accepted(const request_context& ctx, const catalog::intake_result& intake) {
  if (intake.foreign_organisation) {
    throw foreign_organisation(ctx);
  }
  require_no_problems(intake.problems, preferred_language(ctx.req), intake.problems_not_listed);
}

// The one checked entry of a JSON body: its draft and its item's terms.
catalog::prepared_intent checked_entry(const request_context& ctx, soci::session& session, const catalog::intake_scope& scope) {
  auto intake = catalog::intake_json(parse_json_body(ctx.req), scope, store::intake_lookups_in(session));
  require_accepted(ctx, intake);
  return std::move(intake.intents.front());
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
      throw forbidden("A municipality lists only its own intents.", "Eine Gemeinde sieht nur ihre eigenen Absichten.");
    }
    filter.organisation = ctx.who().organisation;
  }
  filter.item = ctx.target.get("item");
  if (const auto category = ctx.target.get("category")) {
    filter.category = engine::parse_category(*category);
    if (!filter.category) errors.push_back(query_error("category", "must be hardware, software or service", "Kategorie muss hardware, software oder service (Dienstleistung) sein"));
  }
  filter.status = ctx.target.get("status");
  if (filter.status && *filter.status != "submitted" && *filter.status != "withdrawn") {
    errors.push_back(query_error("status", "must be submitted or withdrawn", "Status muss submitted (erfasst) oder withdrawn (zurückgezogen) sein"));
  }
  for (const char* name : {"from", "to"}) {
    if (const auto text = ctx.target.get(name)) {
      const auto day = engine::parse_iso_date(*text);
      if (!day) errors.push_back(query_error(name, "must be a date YYYY-MM-DD", std::string{std::string_view{name} == "from" ? "Ab" : "Bis"} + " muss ein Datum JJJJ-MM-TT sein"));
      (std::string_view{name} == "from" ? filter.from : filter.to) = day;
    }
  }
  if (!errors.empty()) throw invalid_query(std::move(errors));
  return filter;
}

}  // namespace

void add_intent_routes(router& routes, store::database& db) {
  routes.add(beast_http::verb::post, "/api/v1/intents", access::authenticated, [&db](request_context& ctx) {
    require_role(ctx, {store::role::municipality, store::role::coordinator});
    const auto key = idempotency_key(ctx);
    return db.with_session([&](soci::session& session) {
      const auto entry = checked_entry(ctx, session, caller_scope(ctx, std::nullopt));
      const auto created =
          store::create_intent(session, entry.draft, entry.terms, ctx.who().actor, key, store::sha256_hex(ctx.req.body()));
      // A new intent is in no tender yet; an earlier request's may be by now.
      auto res = created.replayed ? intent_response(session, ctx.req, status::created, created.intent)
                                  : intent_response(ctx.req, status::created, created.intent, std::nullopt);
      res.set(beast_http::field::location, "/api/v1/intents/" + std::to_string(created.intent.id));
      if (created.replayed) res.set("Idempotent-Replayed", "true");
      return res;
    });
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
    return db.with_session(
        [&](soci::session& session) { return intent_response(session, ctx.req, status::ok, visible_intent(ctx, session)); });
  });

  routes.add(beast_http::verb::put, "/api/v1/intents/{id}", access::authenticated, [&db](request_context& ctx) {
    require_role(ctx, {store::role::municipality, store::role::coordinator});
    const auto expected = if_match_version(ctx.req);
    return db.with_session([&](soci::session& session) {
      const auto current = visible_intent(ctx, session);
      if (!expected) {
        throw problem(status::precondition_required, "version-required", "If-Match is required",
                      "Send If-Match with the intent's ETag, so that no change is lost.")
            .with_german("Bitte If-Match mit dem ETag der Absicht senden, damit keine Änderung verloren geht.");
      }
      catalog::intake_scope scope;
      scope.rule = catalog::organisation_rule::unchangeable;
      scope.organisation = current.fields.organisation;
      scope.today = engine::today_utc();
      const auto draft = checked_entry(ctx, session, scope).draft;
      const auto changed = store::update_intent(session, current.id, draft, *expected, ctx.who().actor);
      return intent_response(session, ctx.req, status::ok, changed);
    });
  });

  routes.add(beast_http::verb::delete_, "/api/v1/intents/{id}", access::authenticated, [&db](request_context& ctx) {
    require_role(ctx, {store::role::municipality, store::role::coordinator});
    return db.with_session([&](soci::session& session) {
      const auto current = visible_intent(ctx, session);
      const auto withdrawn = store::withdraw_intent(session, current.id, if_match_version(ctx.req), ctx.who().actor);
      return intent_response(session, ctx.req, status::ok, withdrawn);
    });
  });

  routes.add(beast_http::verb::post, "/api/v1/intents/import", access::authenticated, [&db](request_context& ctx) {
    require_role(ctx, {store::role::municipality, store::role::coordinator});
    require_body_type(ctx.req, "text/csv", "CSV");
    const auto scope = caller_scope(ctx, ctx.target.get("organisation"));
    const auto key = idempotency_key(ctx);
    // The organisation the rows default to is part of the request.
    const auto hash = store::sha256_hex(ctx.target.get("organisation").value_or("") + "\n" + ctx.req.body());
    return db.with_session([&](soci::session& session) {
      // The same file again: the first import's answer, before the rows are checked against today.
      if (key) {
        if (auto earlier = store::earlier_import(session, ctx.who().actor, *key, hash)) return import_response(ctx.req, *earlier);
      }
      const auto intake = catalog::intake_csv(ctx.req.body(), scope, store::intake_lookups_in(session));
      require_accepted(ctx, intake);
      std::vector<catalog::intent_draft> drafts;
      for (const auto& entry : intake.intents) drafts.push_back(entry.draft);
      return import_response(ctx.req, store::import_intents(session, drafts, ctx.who().actor, key, hash));
    });
  });
}

}  // namespace jointbuy::http
