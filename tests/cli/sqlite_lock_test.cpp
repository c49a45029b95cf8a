// SQLite's file locked by another process: writes wait out the busy timeout, then fail with 503
// and Retry-After; nothing is half-written, and once the lock is gone the same write succeeds.
#include <doctest/doctest.h>

#include "api/store/tokens.hpp"
#include "tests/support/child_process.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/scratch_database.hpp"
#include "tests/support/store_helpers.hpp"

using namespace jointbuy;
using namespace std::chrono_literals;
using boost::beast::http::verb;

TEST_CASE("a SQLite file locked by another process: 503 with Retry-After, no corruption, then recovery") {
  test::scratch_database scratch{store::backend::sqlite};
  REQUIRE(test::run_jointbuy({"migrate", "--db", scratch.url()}).exit_code == 0);
  auto db = scratch.open(1);
  const auto bearer = store::create_token(*db, {store::role::municipality, "1059", "IT Kriens"}, "test").bearer;
  const auto port = test::free_port();
  test::background_process server{{JOINTBUY_BINARY, "serve", "--db", scratch.url(), "--port", std::to_string(port)}, scratch.directory()};
  REQUIRE_MESSAGE(test::wait_for_port(port, 10s), server.output());
  const test::header_list headers{{"Authorization", "Bearer " + bearer}, {"Content-Type", "application/json"}};
  const std::string body = R"({"item": "monitor-24", "quantity": 2, "earliest": "2030-03-01", "latest": "2030-06-30"})";

  db->with_session([&](soci::session& other_process) {
    // This test process is the other process: it takes the write lock and keeps it.
    other_process << "BEGIN EXCLUSIVE";
    const auto started = std::chrono::steady_clock::now();
    const auto refused = test::http_request(port, verb::post, "/api/v1/intents", body, headers);
    const auto waited = std::chrono::steady_clock::now() - started;
    CHECK(refused.status == 503);
    CHECK(refused.header("Content-Type") == "application/problem+json");
    CHECK(refused.header("Retry-After") == "5");
    CHECK(waited < 15s);  // the busy timeout (10 s), not forever
    // Reads go on: WAL readers do not wait for the writer.
    CHECK(test::http_request(port, verb::get, "/api/v1/intents", {}, headers).status == 200);
    other_process << "ROLLBACK";
  });

  const auto stored = test::http_request(port, verb::post, "/api/v1/intents", body, headers);
  CHECK(stored.status == 201);
  CHECK(test::count_rows(*db, "intents") == 1);
  const auto integrity = db->with_session([](soci::session& session) {
    std::string result;
    session << "PRAGMA integrity_check", soci::into(result);
    return result;
  });
  CHECK(integrity == "ok");
}
