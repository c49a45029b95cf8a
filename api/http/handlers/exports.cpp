#include <boost/json.hpp>

#include "api/http/handlers/bundle_views.hpp"
#include "api/store/bundling_runs.hpp"
#include "api/http/handlers/routes.hpp"
#include "api/http/problem.hpp"
#include "api/http/query.hpp"
#include "api/http/responses.hpp"
#include "api/store/tender_documents.hpp"
#include "catalog/json_text.hpp"
#include "catalog/ocds_release.hpp"

namespace jointbuy::http {

namespace {

// ?sep=comma|semicolon, ?bom=0|1, ?lang=en|de (else Accept-Language).
catalog::schedule_format format_from(const request_context& ctx) {
  catalog::schedule_format format;
  std::vector<field_error> errors;
  if (const auto separator = catalog::parse_separator(ctx.target.get("sep").value_or("comma"))) {
    format.separator = *separator;
  } else {
    errors.push_back({"sep", "must be comma or semicolon"});
  }
  const auto bom = ctx.target.get("bom").value_or("0");
  if (bom != "0" && bom != "1") errors.push_back({"bom", "must be 0 or 1"});
  format.bom = bom == "1";
  format.lang = preferred_language(ctx.req);
  if (const auto lang = ctx.target.get("lang")) {
    if (*lang == "de") {
      format.lang = engine::language::de;
    } else if (*lang == "en") {
      format.lang = engine::language::en;
    } else {
      errors.push_back({"lang", "must be en or de"});
    }
  }
  if (!errors.empty()) throw bad_request("The query parameters are invalid.", std::move(errors));
  return format;
}

// A file name made of letters, digits and dashes only: nothing a header or a file system misreads.
std::string safe_name(std::string text) {
  for (auto& c : text) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '-';
  }
  return text;
}

// The rows of bundle `b` that the caller may read: a municipality sees its co-buyers' names,
// quantities and windows, never their price estimates or notes (catalog::as_seen_by).
std::vector<catalog::schedule_row> rows_for_caller(const request_context& ctx, const store::bundle_record& b,
                                                   std::vector<catalog::schedule_row> rows) {
  if (!ctx.is_municipality()) return rows;
  return catalog::as_seen_by(std::move(rows), *ctx.who().organisation, b.bundle.verdict == engine::verdict::joint_tender);
}

response download(const request_context& ctx, std::string body, const std::string& content_type, const std::string& file_name) {
  response res{status::ok, ctx.req.version()};
  res.set(beast_http::field::content_type, content_type);
  res.set(beast_http::field::content_disposition, "attachment; filename=\"" + file_name + "\"");
  res.set(beast_http::field::cache_control, "no-store");
  res.keep_alive(ctx.req.keep_alive());
  res.body() = std::move(body);
  res.prepare_payload();
  return res;
}

}  // namespace

void add_export_routes(router& routes, store::database& db) {
  routes.add(beast_http::verb::get, "/api/v1/bundles/{id}/schedule.csv", access::authenticated, [&db](request_context& ctx) {
    const auto format = format_from(ctx);
    const auto b = visible_bundle(ctx, db);
    const auto rows = rows_for_caller(ctx, b, store::schedule_of_bundle(db, b.id, format.lang));
    return download(ctx, catalog::schedule_csv(rows, format), "text/csv; charset=utf-8",
                    "jointbuy-bundle-" + std::to_string(b.id) + "-" + safe_name(b.bundle.id) + ".csv");
  });

  routes.add(beast_http::verb::get, "/api/v1/bundling-runs/{id}/schedule.csv", access::authenticated, [&db](request_context& ctx) {
    require_role(ctx, {store::role::coordinator, store::role::auditor});
    auto format = format_from(ctx);
    format.grand_total = true;
    const auto wanted = ctx.param("id");
    const auto id = run_selector(wanted);
    const auto run = id ? store::find_run(db, *id) : std::nullopt;
    if (!run) throw store::not_found({store::record::bundling_run, wanted});
    const auto rows = store::schedule_of_run(db, run->id, format.lang);
    return download(ctx, catalog::schedule_csv(rows, format), "text/csv; charset=utf-8",
                    "jointbuy-run-" + std::to_string(run->id) + "-schedule.csv");
  });

  routes.add(beast_http::verb::get, "/api/v1/bundles/{id}/ocds.json", access::authenticated, [&db](request_context& ctx) {
    const auto b = visible_bundle(ctx, db);
    if (b.bundle.verdict != engine::verdict::joint_tender) {
      throw problem(status::conflict, "not-a-joint-tender", "Not a joint tender",
                    "Bundle " + std::to_string(b.id) + " is bought individually; OCDS releases describe joint tenders.");
    }
    auto tender = store::ocds_tender_of(db, b.id);
    if (!tender) throw store::not_found({store::record::bundle, ctx.param("id")});
    tender->rows = rows_for_caller(ctx, b, std::move(tender->rows));
    return download(ctx, catalog::json_text(catalog::ocds_release(*tender)), "application/json",
                    "jointbuy-bundle-" + std::to_string(b.id) + "-ocds.json");
  });
}

}  // namespace jointbuy::http
