#include <algorithm>
#include <memory>

#include <boost/json.hpp>

#include "api/http/handlers/bundle_views.hpp"
#include "api/http/handlers/routes.hpp"
#include "api/http/json_body.hpp"
#include "api/store/campaigns.hpp"
#include "api/http/problem.hpp"
#include "api/http/response_cache.hpp"
#include "api/http/responses.hpp"
#include "api/store/bundling_runs.hpp"
#include "api/store/paging.hpp"
#include "catalog/bundling_json.hpp"

namespace jointbuy::http {

namespace {

boost::json::object run_json(const store::run_record& run, const store::display_names& names) {
  return {{"id", run.id},
          {"created_by", run.created_by},
          {"created_by_name", names.person(run.created_by)},
          {"started_at", run.started_at},
          {"finished_at", run.finished_at},
          {"intents", run.intents},
          {"campaign", run.campaign ? boost::json::value(*run.campaign) : boost::json::value(nullptr)},
          {"summary", boost::json::parse(run.summary)}};
}

// A run's body: none (every intent outside campaigns) or {"campaign": ID} (that closed campaign's answers).
std::optional<long long> campaign_of_run(const request_context& ctx, store::database& db) {
  if (ctx.req.body().empty()) return std::nullopt;
  const auto body = parse_json_body(ctx.req);
  require_schema("bundling-run", body, preferred_language(ctx.req));
  const auto* campaign = body.as_object().if_contains("campaign");
  if (campaign == nullptr) return std::nullopt;
  const auto id = campaign->as_int64();
  if (!store::find_campaign(db, id)) throw store::not_found({store::record::campaign, std::to_string(id)});
  return id;
}

// ?run=latest (the default) or ?run=ID: the run's id; 0 (no run, so an empty list) when no run has
// been made yet; 404 for a run id that does not exist.
long long run_from(const request_context& ctx, store::database& db) {
  const auto wanted = ctx.target.get("run").value_or("latest");
  const auto id = run_selector(wanted);
  if (!id) throw invalid_query({query_error("run", "must be latest or a run id", "Lauf muss latest (der letzte) oder die Nummer eines Laufs sein")});
  const auto run = store::find_run(db, *id);
  if (!run && *id != 0) throw store::not_found({store::record::bundling_run, wanted});
  return run ? run->id : 0;
}

// ?status=: a review status into `filter` (`proposed` only where `with_proposed`: a run's proposals,
// not the tenders under way), else the reason in `errors`.
void read_status(const request_context& ctx, bool with_proposed, store::bundle_filter& filter, std::vector<field_error>& errors) {
  const auto status = ctx.target.get("status");
  if (!status) return;
  filter.status = review::parse_status(*status);
  if (filter.status && (with_proposed || *filter.status != review::status::proposed)) return;
  errors.push_back(with_proposed
                       ? query_error("status", "must be proposed, approved, rejected, tendered, withdrawn or needs_review",
                                     "Status muss proposed (vorgeschlagen), approved (genehmigt), rejected (abgelehnt), tendered "
                                     "(ausgeschrieben), withdrawn (zurückgezogen) oder needs_review (neu zu prüfen) sein")
                       : query_error("status", "must be approved, rejected, tendered, withdrawn or needs_review",
                                     "Status muss approved (genehmigt), rejected (abgelehnt), tendered (ausgeschrieben), withdrawn "
                                     "(zurückgezogen) oder needs_review (neu zu prüfen) sein"));
}

// One page of tenders by `filter` plus the query's verdict and category, as the caller sees them;
// a municipality only those it takes part in.
response bundle_list(const request_context& ctx, store::database& db, store::bundle_filter filter) {
  const auto page = parse_page(ctx.target);
  filter.after = after_id(page);
  filter.limit = page.limit;
  std::vector<field_error> errors;
  if (const auto verdict = ctx.target.get("decision")) {
    filter.verdict = engine::parse_verdict(*verdict);
    if (!filter.verdict) errors.push_back(query_error("decision", "must be joint_tender or individual", "Entscheid muss joint_tender (gemeinsame Ausschreibung) oder individual (einzeln) sein"));
  }
  if (const auto category = ctx.target.get("category")) {
    filter.category = engine::parse_category(*category);
    if (!filter.category) errors.push_back(query_error("category", "must be hardware, software or service", "Kategorie muss hardware, software oder service (Dienstleistung) sein"));
  }
  if (!errors.empty()) throw invalid_query(std::move(errors));
  if (ctx.is_municipality()) filter.organisation = ctx.who().organisation;
  const auto bundles = store::list_bundles(db, filter);
  boost::json::array items;
  const auto lang = preferred_language(ctx.req);
  const auto who = review_actor(ctx);
  const auto names = store::read_display_names(db);
  for (const auto& b : bundles.items) items.push_back(bundle_view(b, lang, who, names));
  return list_response(ctx.req, std::move(items), bundles.next_after);
}

}  // namespace

void add_bundle_routes(router& routes, store::database& db, const catalog::reference_data& reference) {
  // Pages of tenders are made once per state of the database, language and caller.
  auto lists = std::make_shared<response_cache>(db);
  routes.add(beast_http::verb::post, "/api/v1/bundling-runs", access::authenticated, [&db, &reference](request_context& ctx) {
    require_role(ctx, {store::role::coordinator});
    const auto run = store::create_run(db, reference, ctx.who().actor, campaign_of_run(ctx, db));
    auto res = json_response(ctx.req, status::created, run_json(run, store::read_display_names(db)));
    res.set(beast_http::field::location, "/api/v1/bundling-runs/" + std::to_string(run.id));
    return res;
  });

  // Every run, newest first: who ran it, when, on how many intents, with what result.
  routes.add(beast_http::verb::get, "/api/v1/bundling-runs", access::authenticated, [&db](request_context& ctx) {
    require_role(ctx, {store::role::coordinator, store::role::auditor});
    const auto page = parse_page(ctx.target);
    const auto runs = store::list_runs(db, after_id(page), page.limit);
    const auto names = store::read_display_names(db);
    boost::json::array items;
    for (const auto& r : runs.items) items.push_back(run_json(r, names));
    return list_response(ctx.req, std::move(items), runs.next_after);
  });

  routes.add(beast_http::verb::get, "/api/v1/bundling-runs/{id}", access::authenticated, [&db](request_context& ctx) {
    require_role(ctx, {store::role::coordinator, store::role::auditor});
    const auto wanted = ctx.param("id");
    const auto id = run_selector(wanted);
    const auto run = id ? store::find_run(db, *id) : std::nullopt;
    if (!run) throw store::not_found({store::record::bundling_run, wanted});
    return json_response(ctx.req, status::ok, run_json(*run, store::read_display_names(db)));
  });

  routes.add(beast_http::verb::get, "/api/v1/bundles", access::authenticated, [&db, lists](request_context& ctx) {
    return lists->answer(ctx, [&] {
      store::bundle_filter filter;
      filter.run = run_from(ctx, db);
      std::vector<field_error> errors;
      read_status(ctx, true, filter, errors);
      if (!errors.empty()) throw invalid_query(std::move(errors));
      return bundle_list(ctx, db, std::move(filter));
    });
  });

  // Every tender a coordinator acted on, whichever run proposed it: what is under way.
  routes.add(beast_http::verb::get, "/api/v1/tenders", access::authenticated, [&db, lists](request_context& ctx) {
    return lists->answer(ctx, [&] {
      store::bundle_filter filter;
      filter.acted_on = true;
      std::vector<field_error> errors;
      read_status(ctx, false, filter, errors);
      if (const auto organisation = ctx.target.get("organisation")) {
        if (ctx.is_municipality() && organisation != ctx.who().organisation) {
          throw forbidden("A municipality sees only the tenders it takes part in.", "Eine Gemeinde sieht nur die Ausschreibungen, an denen sie teilnimmt.");
        }
        filter.organisation = *organisation;
      }
      if (!errors.empty()) throw invalid_query(std::move(errors));
      return bundle_list(ctx, db, std::move(filter));
    });
  });

  routes.add(beast_http::verb::get, "/api/v1/bundles/{id}", access::authenticated, [&db](request_context& ctx) {
    const auto bundle = visible_bundle(ctx, db);
    auto res = json_response(ctx.req, status::ok, bundle_view(bundle, preferred_language(ctx.req), review_actor(ctx), store::read_display_names(db)));
    set_version_etag(res, bundle.version);
    return res;
  });

  routes.add(beast_http::verb::get, "/api/v1/flags", access::authenticated, [&db](request_context& ctx) {
    const auto page = parse_page(ctx.target);
    store::flag_filter filter;
    filter.run = run_from(ctx, db);
    filter.after = after_id(page);
    filter.limit = page.limit;
    filter.organisation = ctx.target.get("organisation");
    filter.code = ctx.target.get("code");
    if (filter.code && std::none_of(std::begin(engine::codes::of_flags), std::end(engine::codes::of_flags),
                                    [&](const engine::static_name& c) { return c.view() == *filter.code; })) {
      std::string known;
      for (const auto& c : engine::codes::of_flags) known.append(known.empty() ? "" : ", ").append(c.view());
      throw invalid_query({query_error("code", "must be one of " + known, "Hinweis muss einer dieser Codes sein: " + known)});
    }
    if (ctx.is_municipality()) {
      if (filter.organisation && filter.organisation != ctx.who().organisation) {
        throw forbidden("A municipality sees only the flags on its own intents.", "Eine Gemeinde sieht nur die Hinweise zu ihren eigenen Absichten.");
      }
      filter.organisation = ctx.who().organisation;
    }
    const auto flags = store::list_flags(db, filter);
    boost::json::array items;
    const auto lang = preferred_language(ctx.req);
    const auto names = store::read_display_names(db);
    const auto words = reason_names_of(names);
    for (const auto& f : flags.items) {
      auto json = catalog::flag_json(f.flag, lang, words);
      json["id"] = f.id;
      json["run"] = f.run;
      json["item"] = f.item;
      json["item_name"] = lang == engine::language::de ? f.item_name_de : f.item_name_en;
      items.push_back(std::move(json));
    }
    return list_response(ctx.req, std::move(items), flags.next_after);
  });
}

}  // namespace jointbuy::http
