#include "api/http/handlers/routes.hpp"

#include "api/store/tokens.hpp"

namespace jointbuy::http {

router make_api_router(store::database& db, const catalog::reference_data& reference, std::shared_ptr<const static_files> pages,
                       std::optional<rate_limits> limits) {
  router routes{[&db](std::string_view bearer) { return store::verify_token(db, bearer); }};
  if (limits) routes.limit_rate(*limits);
  add_health_routes(routes, db);
  add_me_routes(routes);
  add_organisation_routes(routes, db);
  add_catalog_routes(routes, db, reference);
  add_rules_routes(routes, reference);
  add_intent_routes(routes, db);
  add_audit_routes(routes, db);
  add_bundle_routes(routes, db, reference);
  add_bundle_review_routes(routes, db, reference);
  add_export_routes(routes, db);
  add_event_routes(routes, db);
  if (pages) routes.set_fallback([pages](const request& req, std::string_view path) { return pages->serve(req, path); });
  return routes;
}

}  // namespace jointbuy::http
