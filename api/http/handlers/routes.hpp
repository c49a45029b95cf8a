#pragma once
// The API's routes, each group in the file named after it.

#include <memory>
#include <optional>

#include "api/http/router.hpp"
#include "api/http/sign_in_settings.hpp"
#include "api/http/static_files.hpp"
#include "api/store/campaigns.hpp"
#include "api/store/database.hpp"
#include "catalog/reference_data.hpp"

namespace jointbuy::http {

/// What the campaigns' routes need: the canton whose organisations "all" invites, the words of their
/// mail, and whether mail is sent at all (no --smtp: it stays in the outbox, and the pages say so).
struct campaign_settings {
  std::string canton = "LU";
  store::mail_composer words;
  bool mail_sending = false;
};

/// GET /healthz (the process answers) and GET /readyz (the database answers).
void add_health_routes(router& routes, store::database& db);

/// GET /api/v1/me (the caller), PUT /api/v1/me/password, GET/POST /api/v1/me/tokens and DELETE
/// /api/v1/me/tokens/{id}: a person's own page.
void add_me_routes(router& routes, store::database& db);

/// POST/DELETE /api/v1/session (password sign-in and sign-out), GET/POST
/// /api/v1/invitations/{token} (an invitation link, and the password chosen on it).
void add_sign_in_routes(router& routes, store::database& db, const sign_in_settings& settings);

/// GET /api/v1/session/oidc (to the identity service) and /api/v1/session/oidc/callback (back).
void add_oidc_sign_in_routes(router& routes, store::database& db, const sign_in_settings& settings);

/// GET/POST /api/v1/people, GET /api/v1/people/{id}, POST /api/v1/people/{id}/deactivate and
/// /invitation: the coordinator's people page.
void add_people_routes(router& routes, store::database& db, const sign_in_settings& settings);

/// GET /api/v1/organisations and GET /api/v1/organisations/{id}.
void add_organisation_routes(router& routes, store::database& db);

/// GET/POST /api/v1/catalog/items, GET/PUT /api/v1/catalog/items/{id}.
void add_catalog_routes(router& routes, store::database& db, const catalog::reference_data& reference);

/// GET /api/v1/rules/thresholds, /api/v1/rules/cost-model and /api/v1/rules/procedure.
void add_rules_routes(router& routes, const catalog::reference_data& reference);

/// POST/GET /api/v1/intents, GET/PUT/DELETE /api/v1/intents/{id}, POST /api/v1/intents/import.
void add_intent_routes(router& routes, store::database& db);

/// GET /api/v1/audit?entity=&id= (coordinators and auditors).
void add_audit_routes(router& routes, store::database& db);

/// POST /api/v1/bundling-runs, GET /api/v1/bundling-runs/{id}, GET /api/v1/bundles, GET
/// /api/v1/tenders, GET /api/v1/bundles/{id}, GET /api/v1/flags.
void add_bundle_routes(router& routes, store::database& db, const catalog::reference_data& reference);

/// POST /api/v1/bundles/{id}/decision, /participation, /move-out and /merge; GET
/// /api/v1/bundles/{id}/decisions.
void add_bundle_review_routes(router& routes, store::database& db, const catalog::reference_data& reference);

/// GET /api/v1/bundles/{id}/schedule.csv, /api/v1/bundling-runs/{id}/schedule.csv and
/// /api/v1/bundles/{id}/ocds.json.
void add_export_routes(router& routes, store::database& db);

/// GET/POST /api/v1/campaigns, GET/PATCH /api/v1/campaigns/{id}, POST …/open, …/close, …/cancel and
/// …/answers, GET …/progress, …/progress.csv and …/mail: the needs-survey campaigns.
void add_campaign_routes(router& routes, store::database& db, const catalog::reference_data& reference, const campaign_settings& settings);

/// GET/POST /api/v1/framework-agreements, GET/PUT …/{id}, POST/GET …/{id}/call-offs, GET
/// …/{id}/call-offs.csv, GET /api/v1/call-offs/{id}/ocds.json and GET /api/v1/agreement-opportunities.
void add_agreement_routes(router& routes, store::database& db);

/// POST /api/v1/framework-tenders (a framework tender on an opportunity) and POST
/// /api/v1/bundles/{id}/agreement (its award: the framework agreement it becomes).
void add_framework_tender_routes(router& routes, store::database& db, const catalog::reference_data& reference);

/// GET /api/v1/events?since=: what changed for the caller.
void add_event_routes(router& routes, store::database& db);

/// A router with every route of the API, authenticating bearer tokens and session cookies against
/// `db` as `sign_in` says, and the web pages `pages` (if any) for every other GET; each caller's
/// requests limited by `limits` when set. `reference` (thresholds, cost model, CPV list) must
/// outlive the router.
router make_api_router(store::database& db, const catalog::reference_data& reference,
                       std::shared_ptr<const static_files> pages = nullptr, std::optional<rate_limits> limits = std::nullopt,
                       sign_in_settings sign_in = {}, campaign_settings campaigns = {});

}  // namespace jointbuy::http
