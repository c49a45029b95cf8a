#include <boost/json.hpp>

#include "api/http/handlers/routes.hpp"
#include "api/http/problem.hpp"
#include "api/http/responses.hpp"

namespace jointbuy::http {

void add_health_routes(router& routes, store::database& db) {
  routes.add(beast_http::verb::get, "/healthz", access::anyone, [](request_context& ctx) {
    return json_response(ctx.req, status::ok, {{"status", "alive"}});
  });
  routes.add(beast_http::verb::get, "/readyz", access::anyone, [&db](request_context& ctx) {
    if (!db.ping()) {
      throw problem(status::service_unavailable, "not-ready", "Not ready", "The database does not answer.")
          .with_header("Retry-After", "5");
    }
    return json_response(ctx.req, status::ok, {{"status", "ready"}, {"database", store::to_string(db.kind())}});
  });
}

}  // namespace jointbuy::http
