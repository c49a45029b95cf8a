#include <algorithm>
#include <map>

#include <boost/json.hpp>

#include "api/http/downloads.hpp"
#include "api/http/handlers/agreement_views.hpp"
#include "api/http/handlers/bundle_views.hpp"
#include "api/http/handlers/routes.hpp"
#include "api/http/json_body.hpp"
#include "api/http/problem.hpp"
#include "api/http/responses.hpp"
#include "api/store/bundling_runs.hpp"
#include "api/store/catalog_items.hpp"
#include "api/store/display_names.hpp"
#include "api/store/framework_agreements.hpp"
#include "api/store/organisations.hpp"
#include "catalog/bundling_json.hpp"
#include "catalog/call_off_release.hpp"
#include "catalog/json_text.hpp"
#include "catalog/tender_schedule.hpp"

namespace jointbuy::http {

namespace {

long long id_of(const request_context& ctx, store::record kind) {
  const auto id = positive_id(ctx.param("id"));
  if (id <= 0) throw store::not_found({kind, ctx.param("id")});
  return id;
}

// Item names as a person reads them, looked up once per answer.
class item_names {
 public:
  item_names(store::database& db, engine::language lang) : db_(db), lang_(lang) {}
  const std::string& operator()(const std::string& id) {
    auto found = names_.find(id);
    if (found == names_.end()) {
      const auto item = store::find_item(db_, id);
      found = names_.emplace(id, item ? (lang_ == engine::language::de ? item->name_de : item->name_en) : id).first;
    }
    return found->second;
  }

 private:
  store::database& db_;
  engine::language lang_;
  std::map<std::string, std::string> names_;
};

// The agreement `{id}` if the caller may see it: a municipality only one it may call off from.
catalog::framework_agreement visible_agreement(const request_context& ctx, store::database& db) {
  const auto id = id_of(ctx, store::record::framework_agreement);
  auto found = store::find_agreement(db, id);
  if (!found || (ctx.is_municipality() && !engine::eligible(catalog::engine_agreement(*found), *ctx.who().organisation))) {
    throw store::not_found({store::record::framework_agreement, ctx.param("id")});
  }
  return *found;
}

boost::json::object agreement_view(const catalog::framework_agreement& a, item_names& items, const store::display_names& names) {
  auto json = catalog::agreement_to_json(a);
  for (auto& entry : json["items"].as_array()) {
    auto& o = entry.as_object();
    o["item_name"] = items(std::string{o["item"].as_string()});
  }
  if (!a.all_eligible) {
    boost::json::array eligible_names;
    for (const auto& o : a.eligible) eligible_names.push_back(boost::json::string{names.organisation(o)});
    json["eligible_names"] = std::move(eligible_names);
  }
  json["used_percent"] = a.ceiling > 0 ? static_cast<double>(a.consumed * 1000 / a.ceiling) / 10.0 : 0.0;
  return json;
}


boost::json::object call_off_view(const store::call_off_record& c, item_names& items, const store::display_names& names) {
  return {{"id", c.id},
          {"agreement", c.agreement},
          {"agreement_title", names.agreement(std::to_string(c.agreement))},
          {"organisation", c.organisation},
          {"organisation_name", names.organisation(c.organisation)},
          {"item", c.item},
          {"item_name", items(c.item)},
          {"quantity", c.quantity},
          {"unit_price_chf", engine::chf_from_rappen(c.unit_price)},
          {"value_chf", engine::chf_from_rappen(c.value)},
          {"date", c.date},
          {"intent", c.intent ? boost::json::value(*c.intent) : nullptr},
          {"created_by", c.created_by},
          {"created_by_name", names.person(c.created_by)},
          {"created_at", c.created_at}};
}

// An agreement body, checked field by field against the catalogue and the organisations.
catalog::framework_agreement agreement_from_body(const boost::json::value& body, store::database& db, engine::language lang) {
  require_schema("framework-agreement", body, lang);
  std::vector<catalog::input_problem> problems;
  const catalog::agreement_lookups lookups{[&db](const std::string& id) { return store::find_item(db, id).has_value(); },
                                           [&db](const std::string& id) { return store::find_organisation(db, id).has_value(); }};
  auto value = catalog::agreement_from_json(body.as_object(), lookups, problems);
  if (body.as_object().contains("consumed_chf") || body.as_object().contains("consumed_quantity")) {
    // The store keeps what call-offs took; a body cannot set it (it may echo it back unchanged).
    value.consumed = 0;
    value.consumed_quantity = 0;
    problems.erase(std::remove_if(problems.begin(), problems.end(), [](const auto& p) { return p.field == "consumed_chf"; }), problems.end());
  }
  require_no_problems(problems, lang);
  return value;
}

store::call_off_request call_off_from_body(const request_context& ctx, long long agreement, engine::language lang) {
  const auto body = parse_json_body(ctx.req);
  require_schema("call-off", body, lang);
  const auto& o = body.as_object();
  store::call_off_request request;
  request.agreement = agreement;
  request.date = engine::today_utc();
  if (const auto* day = o.if_contains("date")) {
    const auto parsed = engine::parse_iso_date(day->as_string());
    if (!parsed) throw unprocessable({{"date", "must be a calendar date YYYY-MM-DD", 0, "muss ein Kalenderdatum JJJJ-MM-TT sein"}});
    request.date = *parsed;
  }
  if (const auto* intent = o.if_contains("intent")) request.intent = intent->as_int64();
  if (const auto* item = o.if_contains("item")) request.item = std::string{item->as_string()};
  if (const auto* quantity = o.if_contains("quantity")) request.quantity = quantity->as_int64();
  const auto* organisation = o.if_contains("organisation");
  if (ctx.is_municipality()) {
    if (organisation != nullptr && organisation->as_string() != *ctx.who().organisation) {
      throw forbidden("A municipality calls off for its own organisation only.", "Eine Gemeinde ruft nur für sich selbst ab.");
    }
    request.organisation = *ctx.who().organisation;
  } else if (organisation != nullptr) {
    request.organisation = std::string{organisation->as_string()};
  } else if (!request.intent) {
    throw unprocessable({{"organisation", "is required: whose call-off it is", 0, "fehlt: für wen der Abruf ist"}});
  }
  return request;
}

std::string call_offs_csv(const std::vector<store::call_off_record>& call_offs, item_names& items, const store::display_names& names,
                          const catalog::schedule_format& format) {
  const bool de = format.lang == engine::language::de;
  const char sep = format.separator;
  std::string csv = format.bom ? "\xEF\xBB\xBF" : "";
  const auto line = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) csv.push_back(sep);
      csv.append(catalog::csv_cell(cells[i], sep));
    }
    csv.append("\r\n");
  };
  line(de ? std::vector<std::string>{"Abruf", "Rahmenvertrag", "BFS-Nr./Kanton", "Organisation", "Artikel", "Bezeichnung", "Menge",
                                     "Preis CHF", "Wert CHF", "Abrufdatum", "Absicht", "Abgerufen von", "Erfasst am"}
       : std::vector<std::string>{"call_off", "agreement", "organisation_id", "organisation", "item", "item_name", "quantity",
                                  "unit_price_chf", "value_chf", "date", "intent", "created_by", "created_at"});
  engine::rappen total = 0;
  std::int64_t quantity = 0;
  for (const auto& c : call_offs) {
    total += c.value;
    quantity += c.quantity;
    line({std::to_string(c.id), names.agreement(std::to_string(c.agreement)), c.organisation, names.organisation(c.organisation), c.item,
          items(c.item), std::to_string(c.quantity), engine::format_chf(c.unit_price), engine::format_chf(c.value), c.date,
          c.intent ? std::to_string(*c.intent) : "", names.person(c.created_by), c.created_at});
  }
  line({de ? "Total" : "total", "", "", "", "", "", std::to_string(quantity), "", engine::format_chf(total), "", "", "", ""});
  return csv;
}

// The latest run's (or `run`'s) FRAMEWORK_AGREEMENT_OPPORTUNITY flags, one entry per horizon.
boost::json::array opportunities(store::database& db, long long run, engine::language lang) {
  const auto names = store::read_display_names(db);
  const auto words = reason_names_of(names);
  std::map<std::string, boost::json::object> by_horizon;
  store::flag_filter filter;
  filter.run = run;
  filter.code = std::string{engine::codes::agreement_opportunity.view()};
  filter.limit = 500;
  for (;;) {
    const auto page = store::list_flags(db, filter);
    for (const auto& f : page.items) {
      const auto& r = f.flag.reason;
      const auto horizon = r.texts.at("horizon");
      auto& entry = by_horizon[horizon];
      if (entry.empty()) {
        entry = {{"horizon", horizon},
                 {"run", f.run},
                 {"compatibility_key", r.texts.at("key")},
                 {"item_name", lang == engine::language::de ? f.item_name_de : f.item_name_en},
                 {"first", r.texts.at("first")},
                 {"last", r.texts.at("last")},
                 {"procedure", r.texts.at("procedure")},
                 {"international", r.amounts.at("international") == 1},
                 {"value_chf", engine::chf_from_rappen(r.amounts.at("value"))},
                 {"quantity", r.amounts.at("quantity")},
                 {"buyers", r.amounts.at("buyers")},
                 {"savings_chf", engine::chf_from_rappen(r.amounts.at("savings"))},
                 {"reason", engine::describe(r, lang, words)},
                 {"members", boost::json::array{}}};
      }
      entry["members"].as_array().push_back({{"intent", f.flag.intent},
                                             {"organisation", f.flag.organisation},
                                             {"organisation_name", names.organisation(f.flag.organisation)},
                                             {"item", f.item},
                                             {"value_chf", engine::chf_from_rappen(r.amounts.at("own_value"))}});
    }
    if (!page.next_after) break;
    filter.after = std::stoll(*page.next_after);
  }
  boost::json::array list;
  for (auto& [horizon, entry] : by_horizon) list.push_back(std::move(entry));
  return list;
}

}  // namespace

response agreement_response(const request_context& ctx, store::database& db, status code, const catalog::framework_agreement& a) {
  item_names items{db, preferred_language(ctx.req)};
  auto res = json_response(ctx.req, code, agreement_view(a, items, store::read_display_names(db)));
  set_version_etag(res, a.version);
  return res;
}

void add_agreement_routes(router& routes, store::database& db) {
  routes.add(beast_http::verb::get, "/api/v1/framework-agreements", access::authenticated, [&db](request_context& ctx) {
    item_names items{db, preferred_language(ctx.req)};
    const auto names = store::read_display_names(db);
    boost::json::array list;
    for (const auto& a : store::all_agreements(db)) {
      if (ctx.is_municipality() && !engine::eligible(catalog::engine_agreement(a), *ctx.who().organisation)) continue;
      list.push_back(agreement_view(a, items, names));
    }
    return list_response(ctx.req, std::move(list), std::nullopt);
  });

  routes.add(beast_http::verb::post, "/api/v1/framework-agreements", access::authenticated, [&db](request_context& ctx) {
    require_role(ctx, {store::role::coordinator});
    auto value = agreement_from_body(parse_json_body(ctx.req), db, preferred_language(ctx.req));
    const auto stored = store::create_agreement(db, value, ctx.who().actor);
    auto res = agreement_response(ctx, db, status::created, stored);
    res.set(beast_http::field::location, "/api/v1/framework-agreements/" + std::to_string(stored.id));
    return res;
  });

  routes.add(beast_http::verb::get, "/api/v1/framework-agreements/{id}", access::authenticated, [&db](request_context& ctx) {
    return agreement_response(ctx, db, status::ok, visible_agreement(ctx, db));
  });

  routes.add(beast_http::verb::put, "/api/v1/framework-agreements/{id}", access::authenticated, [&db](request_context& ctx) {
    require_role(ctx, {store::role::coordinator});
    const auto id = id_of(ctx, store::record::framework_agreement);
    const auto body = parse_json_body(ctx.req);
    auto value = agreement_from_body(body, db, preferred_language(ctx.req));
    if (body.as_object().contains("id") && value.id != id) {
      throw unprocessable({{"id", "must be the id in the URL, " + std::to_string(id) + "; ids do not change", 0,
                            "muss die Nummer in der Adresse sein (" + std::to_string(id) + "); Nummern ändern sich nicht"}});
    }
    value.id = id;
    const auto if_match = if_match_version(ctx.req);
    const bool body_has_version = body.as_object().contains("version");
    if (!if_match && !body_has_version) {
      throw problem(status::precondition_required, "version-required", "The version is required",
                    "Send If-Match with the agreement's ETag, or its version in the body, so that no edit is lost.")
          .with_german("Bitte If-Match mit dem ETag des Rahmenvertrags oder seine Version im Inhalt mitschicken, damit keine Änderung verloren geht.");
    }
    try {
      return agreement_response(ctx, db, status::ok, store::update_agreement(db, value, if_match.value_or(value.version), ctx.who().actor));
    } catch (const store::stale_version& e) {
      if (if_match) throw;
      throw stale_version_problem(e, status::conflict);
    }
  });

  routes.add(beast_http::verb::post, "/api/v1/framework-agreements/{id}/call-offs", access::authenticated, [&db](request_context& ctx) {
    require_role(ctx, {store::role::coordinator, store::role::municipality});
    const auto lang = preferred_language(ctx.req);
    const auto agreement = visible_agreement(ctx, db);
    auto request = call_off_from_body(ctx, agreement.id, lang);
    if (!request.organisation.empty() && !store::find_organisation(db, request.organisation)) {
      throw unprocessable({{"organisation", "'" + request.organisation + "' is not a known organisation", 0,
                            "'" + request.organisation + "' ist keine bekannte Organisation"}});
    }
    const auto stored = store::call_off(db, request, ctx.who().actor);
    item_names items{db, lang};
    auto res = json_response(ctx.req, status::created, call_off_view(stored, items, store::read_display_names(db)));
    res.set(beast_http::field::location, "/api/v1/call-offs/" + std::to_string(stored.id));
    return res;
  });

  routes.add(beast_http::verb::get, "/api/v1/framework-agreements/{id}/call-offs", access::authenticated, [&db](request_context& ctx) {
    const auto agreement = visible_agreement(ctx, db);
    const auto own = ctx.is_municipality() ? ctx.who().organisation : std::nullopt;
    item_names items{db, preferred_language(ctx.req)};
    const auto names = store::read_display_names(db);
    boost::json::array list;
    for (const auto& c : store::list_call_offs(db, agreement.id, own)) list.push_back(call_off_view(c, items, names));
    return list_response(ctx.req, std::move(list), std::nullopt);
  });

  routes.add(beast_http::verb::get, "/api/v1/framework-agreements/{id}/call-offs.csv", access::authenticated, [&db](request_context& ctx) {
    const auto format = csv_format_from(ctx);
    const auto agreement = visible_agreement(ctx, db);
    const auto own = ctx.is_municipality() ? ctx.who().organisation : std::nullopt;
    item_names items{db, format.lang};
    const auto csv = call_offs_csv(store::list_call_offs(db, agreement.id, own), items, store::read_display_names(db), format);
    return download(ctx, csv, "text/csv; charset=utf-8", safe_file_name("abrufe-rahmenvertrag-" + std::to_string(agreement.id)) + ".csv");
  });

  routes.add(beast_http::verb::get, "/api/v1/call-offs/{id}/ocds.json", access::authenticated, [&db](request_context& ctx) {
    const auto id = id_of(ctx, store::record::framework_agreement);
    const auto c = store::find_call_off(db, id);
    if (!c || (ctx.is_municipality() && c->organisation != *ctx.who().organisation)) {
      throw problem(status::not_found, "not-found", "Not found", "There is no call-off " + std::to_string(id) + ".")
          .with_german("Es gibt keinen Abruf " + std::to_string(id) + ".");
    }
    const auto agreement = *store::find_agreement(db, c->agreement);
    const auto item = store::find_item(db, c->item);
    const auto names = store::read_display_names(db);
    const auto buyer = store::find_organisation(db, c->organisation);
    catalog::call_off_facts facts{c->id,        c->organisation, buyer ? buyer->name : c->organisation,
                                  c->item,      item ? item->name_de : c->item,
                                  item ? item->cpv : "", item ? item->unit : "", c->quantity, c->unit_price, c->value, c->date, c->created_at};
    return download(ctx, catalog::json_text(catalog::call_off_release(facts, agreement)), "application/json",
                    "abruf-" + std::to_string(c->id) + "-ocds.json");
  });

  routes.add(beast_http::verb::get, "/api/v1/agreement-opportunities", access::authenticated, [&db](request_context& ctx) {
    require_role(ctx, {store::role::coordinator, store::role::auditor});
    long long run = 0;
    if (const auto text = ctx.target.get("run")) {
      run = positive_id(*text);
      if (run <= 0) throw invalid_query({query_error("run", "must be a run's id", "muss die Nummer eines Bündelungslaufs sein")});
      if (!store::find_run(db, run)) throw store::not_found({store::record::bundling_run, *text});
    } else if (const auto latest = store::find_run(db, 0)) {
      run = latest->id;
    } else {
      return list_response(ctx.req, boost::json::array{}, std::nullopt);
    }
    return list_response(ctx.req, opportunities(db, run, preferred_language(ctx.req)), std::nullopt);
  });
}

}  // namespace jointbuy::http
