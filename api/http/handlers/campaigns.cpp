#include <boost/json.hpp>

#include "api/http/downloads.hpp"
#include "api/http/campaign_words.hpp"
#include "api/http/handlers/campaign_views.hpp"
#include "api/http/handlers/routes.hpp"
#include "api/http/json_body.hpp"
#include "api/http/problem.hpp"
#include "api/http/responses.hpp"
#include "api/store/campaigns.hpp"
#include "api/store/catalog_items.hpp"
#include "api/store/intents.hpp"
#include "api/store/mail_outbox.hpp"
#include "api/store/organisations.hpp"
#include "api/store/timestamps.hpp"
#include "catalog/intent_intake.hpp"
#include "catalog/tender_schedule.hpp"
#include "engine/campaign/durations.hpp"

namespace jointbuy::http {

namespace {

std::string text_field(const boost::json::object& o, const char* name) {
  const auto* v = o.if_contains(name);
  return v != nullptr && v->is_string() ? std::string{v->as_string()} : std::string{};
}

// A request's campaign fields over `base` (a PATCH's: the stored ones), checked against the
// catalogue, the organisations and the calendar.
store::campaign_request read_campaign(store::database& db, const boost::json::object& o,
                                      store::campaign_request base) {
  std::vector<field_error> errors;
  if (o.contains("title")) base.title = text_field(o, "title");
  if (o.contains("description")) base.description = text_field(o, "description");
  if (base.title.find_first_not_of(" \t\r\n") == std::string::npos) errors.push_back({"title", "must not be blank", 0, "darf nicht leer sein"});
  if (const auto* items = o.if_contains("items")) {
    base.items.clear();
    for (std::size_t i = 0; i < items->as_array().size(); ++i) {
      const std::string id{items->as_array()[i].as_string()};
      if (!store::find_item(db, id)) {
        errors.push_back({"items[" + std::to_string(i) + "]", "'" + id + "' is not in the catalogue", 0, "'" + id + "' ist nicht im Katalog"});
      }
      base.items.push_back(id);
    }
  }
  if (const auto* invited = o.if_contains("invited")) {
    base.organisations.clear();
    base.invite_all = invited->is_string();
    if (invited->is_array()) {
      for (std::size_t i = 0; i < invited->as_array().size(); ++i) {
        const std::string id{invited->as_array()[i].as_string()};
        if (!store::find_organisation(db, id)) {
          errors.push_back({"invited[" + std::to_string(i) + "]", "'" + id + "' is not a known organisation", 0,
                            "'" + id + "' ist keine bekannte Organisation"});
        }
        base.organisations.push_back(id);
      }
    }
  }
  for (const char* name : {"opens", "closes"}) {
    if (!o.contains(name)) continue;
    const auto stored = store::stored_timestamp(text_field(o, name));
    if (!stored) {
      errors.push_back({name, "must be a UTC time such as 2027-03-01T07:00:00Z, or a date", 0,
                        "muss eine Zeit in UTC wie 2027-03-01T07:00:00Z oder ein Datum sein"});
      continue;
    }
    (std::string_view{name} == "opens" ? base.opens_at : base.closes_at) = *stored;
  }
  if (const auto* reminders = o.if_contains("reminders")) {
    base.reminders.clear();
    for (std::size_t i = 0; i < reminders->as_array().size(); ++i) {
      const std::string text{reminders->as_array()[i].as_string()};
      if (!campaign::parse_offset(text)) {
        errors.push_back({"reminders[" + std::to_string(i) + "]",
                          "must be an ISO 8601 duration of weeks, days, hours, minutes or seconds up to a year (P7D, PT12H)", 0,
                          "muss eine Dauer nach ISO 8601 in Wochen, Tagen, Stunden, Minuten oder Sekunden bis ein Jahr sein (P7D, PT12H)"});
      }
      base.reminders.push_back(text);
    }
  }
  if (const auto* binding = o.if_contains("binding")) base.binding = binding->as_bool();
  if (!base.opens_at.empty() && !base.closes_at.empty() && base.closes_at <= base.opens_at &&
      std::none_of(errors.begin(), errors.end(), [](const auto& e) { return e.field == "closes" || e.field == "opens"; })) {
    errors.push_back({"closes", "must be after opens", 0, "muss nach dem Beginn liegen"});
  }
  if (!errors.empty()) throw unprocessable(std::move(errors));
  return base;
}

long long campaign_id(const request_context& ctx) {
  const auto id = positive_id(ctx.param("id"));
  if (id <= 0) throw store::not_found({store::record::campaign, ctx.param("id")});
  return id;
}

// The campaign `{id}` if the caller may see it: a municipality only one it is invited to and that
// opened (for others it does not exist).
store::campaign_record visible_campaign(const request_context& ctx, store::database& db) {
  const auto id = campaign_id(ctx);
  auto c = store::find_campaign(db, id);
  if (!c) throw store::not_found({store::record::campaign, ctx.param("id")});
  if (ctx.is_municipality() && !store::invited_to(db, id, *ctx.who().organisation)) {
    throw store::not_found({store::record::campaign, ctx.param("id")});
  }
  return *c;
}

campaign_context context_for(const request_context& ctx, store::database& db, const store::display_names& names,
                             const std::vector<store::campaign_record>& campaigns) {
  campaign_context context;
  context.names = &names;
  context.lang = preferred_language(ctx.req);
  context.coordinator = ctx.who().role == store::role::coordinator;
  for (const auto& c : campaigns) {
    for (const auto& id : c.fields.items) {
      if (std::any_of(context.items.begin(), context.items.end(), [&](const auto& p) { return p.first == id; })) continue;
      const auto item = store::find_item(db, id);
      context.items.emplace_back(id, item ? (context.lang == engine::language::de ? item->name_de : item->name_en) : id);
    }
  }
  return context;
}

// The caller's own answer, for a municipality.
std::optional<store::campaign_buyer> own_answer(const request_context& ctx, store::database& db, long long id) {
  if (!ctx.is_municipality()) return std::nullopt;
  for (auto& b : store::campaign_buyers(db, id)) {
    if (b.organisation == ctx.who().organisation) return b;
  }
  return std::nullopt;
}

std::vector<store::intent_record> own_intents(store::database& db, long long id, const std::string& organisation) {
  return db.with_session([&](soci::session& session) {
    auto all = store::campaign_intents(session, id);
    std::erase_if(all, [&](const auto& i) { return i.fields.organisation != organisation; });
    return all;
  });
}

boost::json::object full_view(const request_context& ctx, store::database& db, const store::campaign_record& c) {
  const auto names = store::read_display_names(db);
  auto view = campaign_view(c, context_for(ctx, db, names, {c}));
  if (const auto answer = own_answer(ctx, db, c.id)) {
    view["answer"] = answer_view(*answer, own_intents(db, c.id, answer->organisation), names, preferred_language(ctx.req));
    view["awaits_answer"] = c.state == campaign::state::open && answer->state == campaign::answer_state::invited;
  }
  return view;
}

response campaign_response(const request_context& ctx, store::database& db, const store::campaign_record& c, status code) {
  auto res = json_response(ctx.req, code, full_view(ctx, db, c));
  set_version_etag(res, c.version);
  return res;
}

// The answer in a body: intents for the campaign's items (checked like any intent, for the
// caller's own organisation), or no need with an optional reason.
store::campaign_answer read_answer(const request_context& ctx, store::database& db, const store::campaign_record& c) {
  const auto body = parse_json_body(ctx.req);
  const auto lang = preferred_language(ctx.req);
  require_schema("campaign-answer", body, lang);
  const auto& o = body.as_object();
  store::campaign_answer answer;
  answer.no_need = o.contains("no_need");
  answer.reason = text_field(o, "reason");
  if (answer.no_need == o.contains("intents")) {
    throw unprocessable({{"intents", "give either intents or no_need, not both and not neither", 0,
                          "entweder Absichten (intents) oder kein Bedarf (no_need) angeben, nicht beides und nicht keines"}});
  }
  if (answer.no_need) return answer;
  if (!answer.reason.empty()) throw unprocessable({{"reason", "is only for an answer of no need", 0, "gibt es nur bei «kein Bedarf»"}});
  catalog::intake_scope scope;
  scope.rule = catalog::organisation_rule::own_only;
  scope.organisation = ctx.who().organisation;
  scope.today = engine::today_utc();
  scope.max_entries = 200;
  auto intake = db.with_session([&](soci::session& session) {
    return catalog::intake_json_list(o.at("intents"), scope, store::intake_lookups_in(session));
  });
  if (intake.foreign_organisation) {
    throw forbidden("A municipality answers for its own organisation only.", "Eine Gemeinde antwortet nur für sich selbst.");
  }
  for (auto& p : intake.problems) p.field = "intents" + p.field;
  for (std::size_t i = 0; i < intake.intents.size(); ++i) {
    const auto& item = intake.intents[i].draft.item;
    if (std::find(c.fields.items.begin(), c.fields.items.end(), item) == c.fields.items.end()) {
      intake.problems.push_back({"intents[" + std::to_string(i) + "].item",
                                 {"'" + item + "' is not an item of this needs survey", "'" + item + "' gehört nicht zu dieser Bedarfserhebung"}});
    }
  }
  require_no_problems(intake.problems, lang, intake.problems_not_listed);
  for (auto& prepared : intake.intents) answer.intents.push_back(std::move(prepared.draft));
  return answer;
}

std::string progress_csv(const store::campaign_record& c, const std::vector<store::campaign_buyer>& buyers, const store::display_names& names,
                         const catalog::schedule_format& format) {
  const bool de = format.lang == engine::language::de;
  const char sep = format.separator;
  std::string csv = format.bom ? "\xEF\xBB\xBF" : "";
  const std::vector<std::string> headers =
      de ? std::vector<std::string>{"Erhebung", "BFS-Nr./Kanton", "Organisation", "Stand", "Menge", "Wert CHF", "Begründung", "Geantwortet am", "Geantwortet von"}
         : std::vector<std::string>{"campaign", "organisation_id", "organisation", "state", "quantity", "value_chf", "reason", "answered_at", "answered_by"};
  const auto line = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) csv.push_back(sep);
      csv.append(catalog::csv_cell(cells[i], sep));
    }
    csv.append("\r\n");
  };
  line(headers);
  for (const auto& b : buyers) {
    std::string amount = std::to_string(b.value / 100);
    amount.append(".").append(b.value % 100 < 10 ? "0" : "").append(std::to_string(b.value % 100));
    line({std::to_string(c.id), b.organisation, b.organisation_name,
          de ? answer_state_name(b.state, engine::language::de) : std::string{campaign::to_string(b.state)}, std::to_string(b.quantity), amount,
          b.reason, b.answered_at.value_or(""), b.answered_by ? names.person(*b.answered_by) : ""});
  }
  return csv;
}

}  // namespace

void add_campaign_routes(router& routes, store::database& db, const catalog::reference_data& reference, const campaign_settings& settings) {
  routes.add(beast_http::verb::post, "/api/v1/campaigns", access::authenticated, [&db, settings](request_context& ctx) {
    require_role(ctx, {store::role::coordinator});
    const auto body = parse_json_body(ctx.req);
    require_schema("campaign", body, preferred_language(ctx.req));
    auto request = read_campaign(db, body.as_object(), {});
    if (request.closes_at <= store::utc_timestamp_now()) throw unprocessable({{"closes", "must be in the future", 0, "muss in der Zukunft liegen"}});
    const auto c = store::create_campaign(db, request, settings.canton, ctx.who().actor);
    auto res = campaign_response(ctx, db, c, status::created);
    res.set(beast_http::field::location, "/api/v1/campaigns/" + std::to_string(c.id));
    return res;
  });

  routes.add(beast_http::verb::get, "/api/v1/campaigns", access::authenticated, [&db](request_context& ctx) {
    const auto campaigns = store::list_campaigns(db, ctx.is_municipality() ? ctx.who().organisation : std::nullopt);
    const auto names = store::read_display_names(db);
    const auto context = context_for(ctx, db, names, campaigns);
    boost::json::array items;
    for (const auto& c : campaigns) {
      auto view = campaign_view(c, context);
      if (const auto answer = own_answer(ctx, db, c.id)) {
        view["answer"] = answer_view(*answer, {}, names, context.lang);
        view["answer"].as_object().erase("intents");
        view["awaits_answer"] = c.state == campaign::state::open && answer->state == campaign::answer_state::invited;
      }
      items.push_back(std::move(view));
    }
    return list_response(ctx.req, std::move(items), std::nullopt);
  });

  routes.add(beast_http::verb::get, "/api/v1/campaigns/{id}", access::authenticated, [&db](request_context& ctx) {
    return campaign_response(ctx, db, visible_campaign(ctx, db), status::ok);
  });

  routes.add(beast_http::verb::patch, "/api/v1/campaigns/{id}", access::authenticated, [&db, settings](request_context& ctx) {
    require_role(ctx, {store::role::coordinator});
    const auto current = visible_campaign(ctx, db);
    const auto body = parse_json_body(ctx.req);
    require_schema("campaign-change", body, preferred_language(ctx.req));
    const auto& o = body.as_object();
    if (current.state == campaign::state::open) {
      for (const auto& field : o) {
        if (field.key() != "closes" && field.key() != "reminders") {
          throw unprocessable({{std::string{field.key()}, "cannot change once the survey is open (only closes and reminders can)", 0,
                                "lässt sich nach der Eröffnung nicht mehr ändern (nur der Schluss und die Erinnerungen)"}});
        }
      }
    }
    const auto changes = read_campaign(db, o, current.fields);
    const auto c = store::edit_campaign(db, current.id, changes, if_match_version(ctx.req), ctx.who().actor, settings.words);
    return campaign_response(ctx, db, c, status::ok);
  });

  for (const auto& [name, what] : {std::pair{"open", campaign::action::open}, std::pair{"close", campaign::action::close},
                                   std::pair{"cancel", campaign::action::cancel}}) {
    routes.add(beast_http::verb::post, std::string{"/api/v1/campaigns/{id}/"} + name, access::authenticated,
               [&db, settings, what = what](request_context& ctx) {
                 require_role(ctx, {store::role::coordinator});
                 const auto current = visible_campaign(ctx, db);
                 return campaign_response(ctx, db, store::act_on_campaign(db, current.id, what, ctx.who().actor, settings.words, if_match_version(ctx.req)), status::ok);
               });
  }

  routes.add(beast_http::verb::post, "/api/v1/campaigns/{id}/answers", access::authenticated, [&db](request_context& ctx) {
    require_role(ctx, {store::role::municipality});
    const auto c = visible_campaign(ctx, db);
    const auto answer = read_answer(ctx, db, c);
    const auto buyer = store::answer_campaign(db, c.id, *ctx.who().organisation, answer, ctx.who().actor);
    const auto names = store::read_display_names(db);
    return json_response(ctx.req, status::ok, answer_view(buyer, own_intents(db, c.id, buyer.organisation), names, preferred_language(ctx.req)));
  });

  routes.add(beast_http::verb::get, "/api/v1/campaigns/{id}/progress", access::authenticated, [&db, &reference, settings](request_context& ctx) {
    require_role(ctx, {store::role::coordinator, store::role::auditor});
    const auto c = visible_campaign(ctx, db);
    const auto names = store::read_display_names(db);
    return json_response(ctx.req, status::ok,
                         progress_view(c, store::campaign_buyers(db, c.id), store::read_campaign_answers(db, c.id), context_for(ctx, db, names, {c}),
                                       reference.thresholds, store::count_mail(db, c.id), settings.mail_sending));
  });

  routes.add(beast_http::verb::get, "/api/v1/campaigns/{id}/progress.csv", access::authenticated, [&db](request_context& ctx) {
    require_role(ctx, {store::role::coordinator, store::role::auditor});
    const auto format = csv_format_from(ctx);
    const auto c = visible_campaign(ctx, db);
    return download(ctx, progress_csv(c, store::campaign_buyers(db, c.id), store::read_display_names(db), format), "text/csv; charset=utf-8",
                    safe_file_name("bedarfserhebung-" + std::to_string(c.id)) + ".csv");
  });

  routes.add(beast_http::verb::get, "/api/v1/campaigns/{id}/mail", access::authenticated, [&db, settings](request_context& ctx) {
    require_role(ctx, {store::role::coordinator, store::role::auditor});
    const auto c = visible_campaign(ctx, db);
    const auto counts = store::count_mail(db, c.id);
    boost::json::array items;
    for (const auto& m : store::list_mail(db, c.id, 500)) items.push_back(mail_view(m));
    return json_response(ctx.req, status::ok,
                         {{"sending", settings.mail_sending},
                          {"waiting", counts.waiting},
                          {"sent", counts.sent},
                          {"failed", counts.failed},
                          {"items", std::move(items)}});
  });
}

}  // namespace jointbuy::http
