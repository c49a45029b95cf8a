#include <doctest/doctest.h>

#include <boost/json.hpp>

#include "api/http/problem.hpp"
#include "api/http/responses.hpp"
#include "api/http/router.hpp"
#include "api/store/errors.hpp"

using namespace jointbuy;
using namespace jointbuy::http;

namespace {

// Routing is the subject here: tokens are checked by a plain rule instead of the database (the
// real verification is covered by the store and server tests).
router make_test_router() {
  router routes{[](std::string_view bearer) -> std::optional<store::principal> {
    if (bearer != "good") return std::nullopt;
    return store::principal{"t1", std::nullopt, "t1", "Tester", store::role::coordinator, std::nullopt};
  }};
  routes.add(beast_http::verb::get, "/items/{id}", access::anyone, [](request_context& ctx) {
    return json_response(ctx.req, status::ok, {{"id", ctx.param("id")}});
  });
  routes.add(beast_http::verb::put, "/items/{id}", access::authenticated, [](request_context& ctx) {
    return json_response(ctx.req, status::ok, {{"by", ctx.who().name}});
  });
  routes.add(beast_http::verb::get, "/boom", access::anyone, [](request_context&) -> response {
    throw std::runtime_error("secret internal detail");
  });
  routes.add(beast_http::verb::get, "/db-down", access::anyone, [](request_context&) -> response {
    throw store::unavailable("connection refused");
  });
  return routes;
}

request make_request(beast_http::verb method, std::string target, std::string bearer = {}) {
  request req{method, target, 11};
  if (!bearer.empty()) req.set(beast_http::field::authorization, "Bearer " + bearer);
  return req;
}

boost::json::object body_of(const response& res) { return boost::json::parse(res.body()).as_object(); }

}  // namespace

TEST_CASE("path parameters are matched and decoded") {
  const auto routes = make_test_router();
  const auto res = routes.handle(make_request(beast_http::verb::get, "/items/a%20b"));
  CHECK(res.result() == status::ok);
  CHECK(body_of(res).at("id") == "a b");
}

TEST_CASE("unknown paths are 404 and known paths with another method 405 with Allow") {
  const auto routes = make_test_router();
  const auto missing = routes.handle(make_request(beast_http::verb::get, "/nothing/here"));
  CHECK(missing.result() == status::not_found);
  CHECK(missing[beast_http::field::content_type] == "application/problem+json");
  CHECK(body_of(missing).at("status") == 404);
  const auto wrong = routes.handle(make_request(beast_http::verb::delete_, "/items/1"));
  CHECK(wrong.result() == status::method_not_allowed);
  CHECK(wrong[beast_http::field::allow] == "GET, PUT");
}

TEST_CASE("authenticated routes need a valid bearer token") {
  const auto routes = make_test_router();
  const auto none = routes.handle(make_request(beast_http::verb::put, "/items/1"));
  CHECK(none.result() == status::unauthorized);
  CHECK(std::string{none[beast_http::field::www_authenticate]}.starts_with("Bearer"));
  const auto bad = routes.handle(make_request(beast_http::verb::put, "/items/1", "bad"));
  CHECK(bad.result() == status::unauthorized);
  CHECK(std::string{bad[beast_http::field::www_authenticate]}.find("invalid_token") != std::string::npos);
  request basic = make_request(beast_http::verb::put, "/items/1");
  basic.set(beast_http::field::authorization, "Basic Z29vZA==");
  CHECK(routes.handle(basic).result() == status::unauthorized);
  const auto good = routes.handle(make_request(beast_http::verb::put, "/items/1", "good"));
  CHECK(good.result() == status::ok);
  CHECK(body_of(good).at("by") == "Tester");
}

TEST_CASE("internal errors are 500 without their message, an unavailable store is 503 with Retry-After") {
  const auto routes = make_test_router();
  const auto boom = routes.handle(make_request(beast_http::verb::get, "/boom"));
  CHECK(boom.result() == status::internal_server_error);
  CHECK(boom.body().find("secret internal detail") == std::string::npos);
  const auto down = routes.handle(make_request(beast_http::verb::get, "/db-down"));
  CHECK(down.result() == status::service_unavailable);
  CHECK(down[beast_http::field::retry_after] == "5");
  CHECK(down.body().find("connection refused") == std::string::npos);
}

TEST_CASE("HEAD answers like GET without a body") {
  const auto routes = make_test_router();
  const auto res = routes.handle(make_request(beast_http::verb::head, "/items/7"));
  CHECK(res.result() == status::ok);
  CHECK(res.body().empty());
  CHECK(res[beast_http::field::content_length] == "10");  // {"id":"7"}
}
