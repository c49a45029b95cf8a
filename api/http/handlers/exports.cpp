#include <boost/json.hpp>

#include "api/http/downloads.hpp"
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

// The rows of bundle `b` that the caller may read: a municipality sees its co-buyers' names,
// quantities and windows, never their price estimates or notes (catalog::as_seen_by).
std::vector<catalog::schedule_row> rows_for_caller(const request_context& ctx, const store::bundle_record& b,
                                                   std::vector<catalog::schedule_row> rows) {
  if (!ctx.is_municipality()) return rows;
  return catalog::as_seen_by(std::move(rows), *ctx.who().organisation, b.bundle.verdict == engine::verdict::joint_tender);
}

}  // namespace

void add_export_routes(router& routes, store::database& db) {
  routes.add(beast_http::verb::get, "/api/v1/bundles/{id}/schedule.csv", access::authenticated, [&db](request_context& ctx) {
    const auto format = csv_format_from(ctx);
    const auto b = visible_bundle(ctx, db);
    const auto rows = rows_for_caller(ctx, b, store::schedule_of_bundle(db, b.id, format.lang));
    return download(ctx, catalog::schedule_csv(rows, format), "text/csv; charset=utf-8",
                    "jointbuy-bundle-" + std::to_string(b.id) + "-" + safe_file_name(b.bundle.id) + ".csv");
  });

  routes.add(beast_http::verb::get, "/api/v1/bundling-runs/{id}/schedule.csv", access::authenticated, [&db](request_context& ctx) {
    require_role(ctx, {store::role::coordinator, store::role::auditor});
    auto format = csv_format_from(ctx);
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
