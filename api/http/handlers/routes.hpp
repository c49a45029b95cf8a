#pragma once
// The API's routes, each group in the file named after it.

#include "api/http/router.hpp"
#include "api/store/database.hpp"

namespace jointbuy::http {

/// GET /healthz (the process answers) and GET /readyz (the database answers).
void add_health_routes(router& routes, store::database& db);

/// GET /api/v1/me: the caller behind the bearer token.
void add_me_routes(router& routes);

/// GET /api/v1/organisations and GET /api/v1/organisations/{id}.
void add_organisation_routes(router& routes, store::database& db);

/// A router with every route of the API, authenticating bearer tokens against `db`.
router make_api_router(store::database& db);

}  // namespace jointbuy::http
