#include <boost/json.hpp>

#include "api/http/handlers/routes.hpp"
#include "api/http/responses.hpp"

namespace jointbuy::http {

void add_me_routes(router& routes) {
  routes.add(beast_http::verb::get, "/api/v1/me", access::authenticated, [](request_context& ctx) {
    const auto& who = ctx.who();
    boost::json::object body{{"token", who.token_id}, {"name", who.name}, {"role", store::to_string(who.role)}};
    body["organisation"] = who.organisation ? boost::json::value(*who.organisation) : nullptr;
    return json_response(ctx.req, status::ok, body);
  });
}

}  // namespace jointbuy::http
