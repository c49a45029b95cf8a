// What a hostile client sends, over real loopback connections to the whole API: each request is
// answered or its connection closed, the server goes on, and what it writes stays valid UTF-8 JSON.
#include <doctest/doctest.h>

#include <string>

#include "catalog/utf8.hpp"
#include "tests/support/api_fixture.hpp"

using namespace jointbuy;
using namespace std::chrono_literals;
using boost::beast::http::verb;
using test::api_fixture;

namespace {

std::string status_line(const std::string& received) { return received.substr(0, received.find("\r\n")); }

// The server still answers a plain request on a new connection.
void check_still_serving(const api_fixture& f) {
  CHECK(test::http_get(f.port(), "/healthz").status == 200);
  CHECK(test::http_get(f.port(), "/api/v1/me", f.kriens).status == 200);
}

std::string chunked_post(const std::string& after_last_chunk) {
  return "POST /api/v1/intents HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n"
         "2\r\n{}\r\n0\r\n" +
         after_last_chunk;
}

}  // namespace

TEST_CASE("a trailer field of 65'535 bytes is refused with 431, and the server goes on") {
  api_fixture f;
  // Before: Beast threw std::length_error out of the read path and the process aborted.
  const auto received = test::raw_exchange(f.port(), chunked_post("X-Trailer: " + std::string(65535, 'a') + "\r\n\r\n"), 5s);
  CHECK(status_line(received) == "HTTP/1.1 431 Request Header Fields Too Large");
  check_still_serving(f);
}

TEST_CASE("trailers, chunk lines and chunk counts are bounded like headers") {
  api_fixture f;
  SUBCASE("many small trailer fields") {
    std::string trailers;
    for (int k = 0; k < 5000; ++k) trailers += "X-" + std::to_string(k) + ": v\r\n";
    CHECK(status_line(test::raw_exchange(f.port(), chunked_post(trailers + "\r\n"), 5s)) ==
          "HTTP/1.1 431 Request Header Fields Too Large");
  }
  SUBCASE("a trailer that never ends") {
    CHECK(status_line(test::raw_exchange(f.port(), chunked_post("X-Trailer: " + std::string(200'000, 'a')), 5s)) ==
          "HTTP/1.1 431 Request Header Fields Too Large");
  }
  SUBCASE("a chunk extension of 100'000 bytes") {
    const std::string bytes = "POST /api/v1/intents HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2;" +
                              std::string(100'000, 'e') + "\r\n{}\r\n0\r\n\r\n";
    const auto line = status_line(test::raw_exchange(f.port(), bytes, 5s));
    CHECK((line == "HTTP/1.1 431 Request Header Fields Too Large" || line == "HTTP/1.1 400 Bad Request"));
  }
  SUBCASE("a chunk extension within the line limit but longer than 256 bytes") {
    const std::string bytes = "POST /api/v1/intents HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2;x=" +
                              std::string(300, 'e') + "\r\n{}\r\n0\r\n\r\n";
    CHECK(status_line(test::raw_exchange(f.port(), bytes, 5s)) == "HTTP/1.1 400 Bad Request");
  }
  SUBCASE("twenty thousand chunks of one byte") {
    std::string bytes = "POST /api/v1/intents HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (int k = 0; k < 20'000; ++k) bytes += "1\r\n \r\n";
    bytes += "0\r\n\r\n";
    CHECK(status_line(test::raw_exchange(f.port(), bytes, 5s)) == "HTTP/1.1 400 Bad Request");
  }
  SUBCASE("a small trailer is read like any request") {
    const auto received = test::raw_exchange(f.port(), chunked_post("X-Checksum: 1\r\n\r\n"), 5s);
    CHECK(status_line(received) == "HTTP/1.1 401 Unauthorized");
  }
  check_still_serving(f);
}

TEST_CASE("a header field Beast cannot store is answered 400 even where the header limit would allow it") {
  test::api_fixture f{[] {
    http::server_config config;
    config.header_limit = 256 * 1024;
    return config;
  }()};
  const auto received =
      test::raw_exchange(f.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(70'000, 'b') + "\r\n\r\n", 5s);
  CHECK(status_line(received) == "HTTP/1.1 400 Bad Request");
  check_still_serving(f);
}

TEST_CASE("raw bytes that are not UTF-8 in a request line: a 400 whose JSON is valid UTF-8") {
  api_fixture f;
  for (const char* target : {"/api/v1/intents/\xff\xfe", "/api/v1/intents?status=\xc0\xaf", "/api/v1/x%ff%fe", "/\xed\xa0\x80"}) {
    CAPTURE(target);
    const auto received = test::raw_exchange(
        f.port(), std::string{"GET "} + target + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + f.kriens + "\r\nConnection: close\r\n\r\n", 5s);
    CHECK(status_line(received) == "HTTP/1.1 400 Bad Request");
    const auto body = received.substr(received.find("\r\n\r\n") + 4);
    CHECK(catalog::is_valid_utf8(received));
    CHECK_NOTHROW((void)boost::json::parse(body));
  }
  check_still_serving(f);
}

TEST_CASE("every response says nosniff: API answers, problems, pages and refusals") {
  api_fixture f;
  CHECK(test::http_get(f.port(), "/api/v1/me", f.kriens).header("X-Content-Type-Options") == "nosniff");
  CHECK(test::http_get(f.port(), "/api/v1/me").header("X-Content-Type-Options") == "nosniff");
  CHECK(test::http_get(f.port(), "/healthz").header("X-Content-Type-Options") == "nosniff");
  CHECK(test::http_get(f.port(), "/").header("X-Content-Type-Options") == "nosniff");
  const auto refused = test::raw_exchange(f.port(), "GARBAGE\r\n\r\n", 5s);
  CHECK(refused.find("X-Content-Type-Options: nosniff") != std::string::npos);
}

TEST_CASE("Content-Type is compared as a media type, not as a prefix") {
  api_fixture f;
  const std::string intent = R"({"item": "monitor-24", "quantity": 2, "earliest": "2030-03-01", "latest": "2030-06-30"})";
  const auto post = [&](const std::string& type) {
    return test::http_request(f.port(), verb::post, "/api/v1/intents", intent, api_fixture::auth(f.kriens, {{"Content-Type", type}})).status;
  };
  CHECK(post("application/json") == 201);
  CHECK(post("Application/JSON; charset=UTF-8") == 201);
  CHECK(post(" application/json ;charset=\"utf-8\"") == 201);
  CHECK(post("application/jsonp") == 415);
  CHECK(post("application/json-seq") == 415);
  CHECK(post("application/json; charset=iso-8859-1") == 415);
  CHECK(post("text/plain") == 415);
  const auto import = [&](const std::string& type) {
    return test::http_request(f.port(), verb::post, "/api/v1/intents/import", "item,quantity,earliest,latest\nmonitor-24,1,2030-03-01,2030-06-30\n",
                              api_fixture::auth(f.kriens, {{"Content-Type", type}}))
        .status;
  };
  CHECK(import("text/csvx") == 415);
  CHECK(import("text/csv; charset=windows-1252") == 415);
  CHECK(import("TEXT/CSV; header=present") == 201);
}

TEST_CASE("one token beyond its rate gets 429 with Retry-After; other tokens go on") {
  test::api_fixture f{http::server_config{}, http::rate_limits{2, 5}};
  unsigned last = 0;
  int served = 0;
  for (int k = 0; k < 20 && last != 429; ++k) {
    last = test::http_get(f.port(), "/api/v1/me", f.kriens).status;
    if (last == 200) ++served;
  }
  CHECK(last == 429);
  CHECK(served >= 5);
  CHECK(served < 20);
  const auto refused = test::http_get(f.port(), "/api/v1/me", f.kriens);
  CHECK(refused.status == 429);
  CHECK(refused.header("Content-Type") == "application/problem+json");
  CHECK(std::stoi(refused.header("Retry-After")) >= 1);
  CHECK(test::http_get(f.port(), "/api/v1/me", f.emmen).status == 200);
  CHECK(test::http_get(f.port(), "/healthz").status == 200);  // no token, no bucket
}

TEST_CASE("a record stored before input was checked still gives valid UTF-8 JSON to everyone who lists it") {
  api_fixture f;
  const auto id = f.add_intent("1059", "monitor-24", 2, 30, 90, "before");
  // PostgreSQL refuses such bytes itself; SQLite kept whatever the import gave it.
  if (f.db->kind() != store::backend::sqlite) return;
  f.db->with_session([&](soci::session& s) {
    const std::string bytes = "\xff\xfe\xc0\xaf";
    s << "UPDATE intents SET note = :note WHERE id = :id", soci::use(bytes, "note"), soci::use(id, "id");
  });
  for (const auto& target : {std::string{"/api/v1/intents"}, "/api/v1/intents/" + std::to_string(id)}) {
    const auto reply = test::http_get(f.port(), target, f.kriens);
    CHECK(reply.status == 200);
    CHECK(catalog::is_valid_utf8(reply.body));
    CHECK(reply.body.find("\xEF\xBF\xBD") != std::string::npos);  // shown as U+FFFD
  }
}
