// The HTTP server over real loopback connections, with the whole API on a real database.
#include <doctest/doctest.h>

#include <future>
#include <thread>

#include "api/http/responses.hpp"
#include "api/store/organisations.hpp"
#include "api/store/tokens.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/running_server.hpp"
#include "tests/support/scratch_database.hpp"

using namespace jointbuy;
using namespace std::chrono_literals;
using boost::beast::http::verb;

namespace {

struct api_fixture {
  test::scratch_database scratch;
  std::unique_ptr<store::database> db = scratch.open_migrated();
  std::string coordinator = store::create_token(*db, {store::role::coordinator, std::nullopt, "PMO"}, "test").bearer;
};

}  // namespace

TEST_CASE("health and readiness answer without a token") {
  api_fixture f;
  test::running_server server{*f.db};
  const auto health = test::http_get(server.port(), "/healthz");
  CHECK(health.status == 200);
  CHECK(health.json().at("status") == "alive");
  const auto ready = test::http_get(server.port(), "/readyz");
  CHECK(ready.status == 200);
  CHECK(ready.json().at("database").as_string() == store::to_string(f.db->kind()));
}

TEST_CASE("an unknown route is 404 problem+json") {
  api_fixture f;
  test::running_server server{*f.db};
  const auto reply = test::http_get(server.port(), "/api/v1/nothing");
  CHECK(reply.status == 404);
  CHECK(reply.header("Content-Type") == "application/problem+json");
  const auto body = reply.json().as_object();
  CHECK(body.at("status") == 404);
  CHECK(body.at("type") == "urn:jointbuy:problem:not-found");
  CHECK(body.contains("title"));
}

TEST_CASE("a token issued by the store works as a bearer token over HTTP, and stops when revoked") {
  api_fixture f;
  test::running_server server{*f.db};
  CHECK(test::http_get(server.port(), "/api/v1/me").status == 401);
  CHECK(test::http_get(server.port(), "/api/v1/me").header("WWW-Authenticate").starts_with("Bearer"));
  const auto me = test::http_get(server.port(), "/api/v1/me", f.coordinator);
  REQUIRE(me.status == 200);
  CHECK(me.json().at("role") == "coordinator");
  const auto id = std::string{me.json().at("token").as_string()};
  store::revoke_token(*f.db, id, "test");
  CHECK(test::http_get(server.port(), "/api/v1/me", f.coordinator).status == 401);
}

TEST_CASE("an oversized body is refused with 413 before it is read") {
  api_fixture f;
  http::server_config config;
  config.body_limit = 64 * 1024;
  test::running_server server{*f.db, config};
  const auto reply = test::http_request(server.port(), verb::post, "/api/v1/me", std::string(200 * 1024, 'x'),
                                        {{"Authorization", "Bearer " + f.coordinator}});
  CHECK(reply.status == 413);
  CHECK(reply.header("Content-Type") == "application/problem+json");
}

TEST_CASE("headers beyond the limit are refused with 431") {
  api_fixture f;
  http::server_config config;
  config.header_limit = 4096;
  test::running_server server{*f.db, config};
  const auto reply = test::http_request(server.port(), verb::get, "/healthz", {}, {{"X-Padding", std::string(8000, 'p')}});
  CHECK(reply.status == 431);
}

TEST_CASE("a malformed request line is answered 400 and the connection closed") {
  api_fixture f;
  test::running_server server{*f.db};
  for (const char* garbage : {"GARBAGE\r\n\r\n", "GET /healthz HTTP/9.9\r\n\r\n", "GET  HTTP/1.1\r\n\r\n",
                              "G\x01T /healthz HTTP/1.1\r\nHost: x\r\n\r\n"}) {
    CAPTURE(garbage);
    const auto started = std::chrono::steady_clock::now();
    const auto received = test::raw_exchange(server.port(), garbage, 5s);
    CHECK(received.starts_with("HTTP/1.1 400"));
    CHECK(received.find("application/problem+json") != std::string::npos);
    CHECK(received.find("Connection: close") != std::string::npos);
    // raw_exchange returns early only when the server closes the connection.
    CHECK(std::chrono::steady_clock::now() - started < 4s);
  }
}

TEST_CASE("no header can be injected: encoded CR LF stays in the body, raw CR in a header is refused") {
  api_fixture f;
  test::running_server server{*f.db};
  // Percent-encoded CR LF in the path: decoded into the problem's text, never into a header line.
  const auto encoded = test::raw_exchange(
      server.port(), "GET /api/v1/x%0d%0aSet-Cookie:%20stolen=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 5s);
  CHECK(encoded.starts_with("HTTP/1.1 404"));
  const auto head = encoded.substr(0, encoded.find("\r\n\r\n"));
  CHECK(head.find("Set-Cookie") == std::string::npos);
  CHECK(head.find("stolen") == std::string::npos);
  // A bare CR or LF inside a header value is a malformed request.
  for (const char* bytes : {"GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: b\rSet-Cookie: stolen=1\r\n\r\n",
                            "GET /healthz HTTP/1.1\r\nHost: x\r\nX-A: b\nSet-Cookie: stolen=1\r\n\r\n"}) {
    const auto reply = test::raw_exchange(server.port(), bytes, 5s);
    CHECK(reply.starts_with("HTTP/1.1 400"));
    CHECK(reply.find("stolen") == std::string::npos);
  }
}

TEST_CASE("keep-alive: several requests on one connection") {
  api_fixture f;
  test::running_server server{*f.db};
  test::http_connection connection{server.port()};
  for (int i = 0; i < 3; ++i) CHECK(connection.send(verb::get, "/healthz").status == 200);
  CHECK(connection.send(verb::get, "/api/v1/me", {}, {{"Authorization", "Bearer " + f.coordinator}}).status == 200);
  CHECK_FALSE(connection.closed_by_server(100ms));
}

TEST_CASE("a client that sends its request too slowly is cut off at the read timeout") {
  api_fixture f;
  http::server_config config;
  config.read_timeout = 300ms;
  test::running_server server{*f.db, config};
  test::http_connection connection{server.port()};
  boost::asio::write(connection.socket(), boost::asio::buffer(std::string{"GET /healthz HTTP/1.1\r\nHost: x\r\n"}));
  CHECK(connection.closed_by_server(3s));
}

TEST_CASE("connections beyond the limit get 503 and are closed") {
  api_fixture f;
  http::server_config config;
  config.max_connections = 1;
  test::running_server server{*f.db, config};
  test::http_connection first{server.port()};
  CHECK(first.send(verb::get, "/healthz").status == 200);
  const auto second = test::http_get(server.port(), "/healthz");
  CHECK(second.status == 503);
  CHECK(second.header("Retry-After") == "1");
  CHECK(first.send(verb::get, "/healthz").status == 200);
}

TEST_CASE("a graceful stop lets the request in flight finish and closes idle connections") {
  api_fixture f;
  auto routes = std::make_unique<http::router>([](std::string_view) { return std::nullopt; });
  std::promise<void> handler_started;
  routes->add(verb::get, "/slow", http::access::anyone, [&](http::request_context& ctx) {
    handler_started.set_value();
    std::this_thread::sleep_for(500ms);
    return http::json_response(ctx.req, http::status::ok, {{"finished", true}});
  });
  routes->add(verb::get, "/fast", http::access::anyone, [](http::request_context& ctx) {
    return http::json_response(ctx.req, http::status::ok, {{"finished", true}});
  });
  test::running_server server{std::move(routes), {}};

  test::http_connection idle{server.port()};
  CHECK(idle.send(verb::get, "/fast").status == 200);
  auto slow = std::async(std::launch::async, [port = server.port()] { return test::http_get(port, "/slow"); });
  handler_started.get_future().wait();
  const auto stop_started = std::chrono::steady_clock::now();
  server.stop_and_wait();
  const auto reply = slow.get();
  CHECK(reply.status == 200);
  CHECK(reply.json().at("finished") == true);
  CHECK(reply.header("Connection") == "close");
  CHECK(idle.closed_by_server(100ms));
  CHECK(std::chrono::steady_clock::now() - stop_started >= 300ms);  // it waited for the handler
}
