#include <algorithm>

#include <boost/json.hpp>

#include "api/http/audit_export.hpp"
#include "api/http/downloads.hpp"
#include "api/http/handlers/routes.hpp"
#include "api/http/problem.hpp"
#include "api/http/responses.hpp"
#include "api/store/audit_log.hpp"
#include "api/store/paging.hpp"
#include "api/store/timestamps.hpp"

namespace jointbuy::http {

namespace {

// At most this many entries in one CSV export: a longer period is asked for in parts.
constexpr long long max_exported_entries = 20000;
constexpr std::size_t max_search_text = 200;

boost::json::value parsed_or_null(const std::optional<std::string>& text) {
  if (!text) return nullptr;
  boost::system::error_code ec;
  auto value = boost::json::parse(*text, ec);
  return ec ? boost::json::value(*text) : value;
}

// ?entity, ?id (with entity), ?organisation, ?person, ?from, ?to: each narrows the search.
store::audit_search search_from(const request_context& ctx) {
  store::audit_search search;
  std::vector<field_error> errors;
  std::string entities;
  for (const auto* e : store::audited_entities) entities.append(entities.empty() ? "" : ", ").append(e);
  if (const auto entity = ctx.target.get("entity")) {
    if (std::none_of(std::begin(store::audited_entities), std::end(store::audited_entities),
                     [&](const char* e) { return *entity == e; })) {
      errors.push_back(query_error("entity", "must be one of " + entities, "Art des Datensatzes muss eine dieser sein: " + entities));
    }
    search.entity = entity;
  }
  if (const auto id = ctx.target.get("id")) {
    if (!search.entity) {
      errors.push_back(query_error("id", "needs entity, the kind of record", "braucht die Art des Datensatzes (entity)"));
    } else if (id->empty() || id->size() > max_search_text) {
      errors.push_back(query_error("id", "must have 1 to 200 characters", "Nr. muss 1 bis 200 Zeichen haben"));
    }
    search.entity_id = id;
  }
  const auto text = [&](const char* name, const char* de_name, std::optional<std::string>& into) {
    const auto value = ctx.target.get(name);
    if (!value) return;
    if (value->empty() || value->size() > max_search_text) {
      errors.push_back(query_error(name, "must have 1 to 200 characters", std::string{de_name} + " muss 1 bis 200 Zeichen haben"));
    }
    into = value;
  };
  text("organisation", "Organisation", search.organisation);
  text("person", "Person", search.person);
  const auto time = [&](const char* name, const char* de_name, std::optional<std::string>& into) {
    const auto value = ctx.target.get(name);
    if (!value) return;
    into = store::stored_timestamp(*value);
    if (!into) {
      errors.push_back(query_error(name, "must be a date (2026-12-01) or a UTC time (2026-12-01T23:00:00Z)",
                                   std::string{de_name} + " muss ein Datum (2026-12-01) oder eine UTC-Zeit (2026-12-01T23:00:00Z) sein"));
    }
  };
  if (const auto order = ctx.target.get("order")) {
    if (*order == "newest") {
      search.newest_first = true;
    } else if (*order != "oldest") {
      errors.push_back(query_error("order", "must be oldest or newest", "Reihenfolge muss oldest (älteste zuerst) oder newest (neueste zuerst) sein"));
    }
  }
  time("from", "Ab", search.from);
  time("to", "Bis", search.to);
  if (search.from && search.to && *search.to <= *search.from) {
    errors.push_back(query_error("to", "must be after from", "Bis muss nach Ab liegen"));
  }
  if (!errors.empty()) throw invalid_query(std::move(errors));
  return search;
}

boost::json::object entry_view(const store::audit_entry& e, engine::language lang) {
  return {{"id", e.id},
          {"occurred_at", e.occurred_at},
          {"actor", e.record.actor},
          {"actor_name", text_or_null(e.actor_name)},
          {"actor_person", text_or_null(e.actor_person)},
          {"actor_token_name", text_or_null(e.actor_token_name)},
          {"actor_organisation", text_or_null(e.actor_organisation)},
          {"actor_organisation_name", text_or_null(e.actor_organisation_name)},
          {"action", e.record.action},
          {"action_words", audit_action_words(e.record.action, lang)},
          {"entity", e.record.entity},
          {"entity_id", e.record.entity_id},
          {"organisation", text_or_null(e.organisation)},
          {"organisation_name", text_or_null(e.organisation_name)},
          {"before", parsed_or_null(e.record.before)},
          {"after", parsed_or_null(e.record.after)}};
}

}  // namespace

void add_audit_routes(router& routes, store::database& db) {
  routes.add(beast_http::verb::get, "/api/v1/audit", access::authenticated, [&db](request_context& ctx) {
    require_role(ctx, {store::role::coordinator, store::role::auditor});
    auto search = search_from(ctx);
    const auto page = parse_page(ctx.target);
    search.after = after_id(page);
    search.limit = page.limit;
    const auto lang = preferred_language(ctx.req);
    const auto entries = store::search_audit(db, search);
    boost::json::array items;
    for (const auto& e : entries.items) items.push_back(entry_view(e, lang));
    return list_response(ctx.req, std::move(items), entries.next_after);
  });

  routes.add(beast_http::verb::get, "/api/v1/audit.csv", access::authenticated, [&db](request_context& ctx) {
    require_role(ctx, {store::role::coordinator, store::role::auditor});
    auto search = search_from(ctx);
    const auto format = csv_format_from(ctx);
    if (const auto found = store::count_audit(db, search); found > max_exported_entries) {
      throw problem(status::unprocessable_entity, "too-many-entries", "Too many entries",
                    std::to_string(found) + " entries match; an export holds at most " +
                        std::to_string(max_exported_entries) + ". Choose a shorter period or a narrower search.")
          .with_german(std::to_string(found) + " Einträge passen; ein Export enthält höchstens " +
                       std::to_string(max_exported_entries) + ". Bitte einen kürzeren Zeitraum oder eine engere Suche wählen.");
    }
    search.limit = static_cast<int>(max_exported_entries);
    const auto entries = store::search_audit(db, search);
    return download(ctx, audit_csv(entries.items, format), "text/csv; charset=utf-8", "jointbuy-audit.csv");
  });
}

}  // namespace jointbuy::http
