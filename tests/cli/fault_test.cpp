// The server killed in the middle of a load: after a restart every acknowledged intent is there,
// and clients retrying with their Idempotency-Key create nothing twice. Real processes, a real
// database (both backends), real HTTP.
#include <doctest/doctest.h>

#include <atomic>
#include <csignal>
#include <mutex>
#include <set>
#include <thread>

#include "api/store/tokens.hpp"
#include "tests/support/child_process.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/scratch_database.hpp"

using namespace jointbuy;
using namespace std::chrono_literals;
using boost::beast::http::verb;

namespace {

struct submission_log {
  std::mutex mutex;
  std::map<std::string, long long> acknowledged;  // key → id of the 201
  std::set<std::string> unanswered;                // keys sent without an answer (connection lost)
};

std::string intent_body(const std::string& key) {
  const int year = static_cast<int>(std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())}.year()) + 1;
  return R"({"organisation": "1059", "item": "monitor-24", "quantity": 2, "earliest": ")" + std::to_string(year) +
         R"(-03-01", "latest": ")" + std::to_string(year) + R"(-06-30", "note": ")" + key + R"("})";
}

// Sends one intent; records a 201 as acknowledged and a lost connection as unanswered. False when
// the connection was lost (a client then stops until the server is back).
bool submit(unsigned short port, const std::string& bearer, const std::string& key, submission_log& log) {
  try {
    const auto reply = test::http_request(port, verb::post, "/api/v1/intents", intent_body(key),
                                          {{"Authorization", "Bearer " + bearer}, {"Content-Type", "application/json"}, {"Idempotency-Key", key}});
    std::lock_guard lock{log.mutex};
    if (reply.status == 201) {
      log.acknowledged[key] = reply.json().at("id").as_int64();
      log.unanswered.erase(key);
    } else {
      log.unanswered.insert(key);
    }
    return true;
  } catch (const std::exception&) {
    std::lock_guard lock{log.mutex};
    log.unanswered.insert(key);
    return false;
  }
}

}  // namespace

TEST_CASE("SIGKILL under load loses no acknowledged intent, and retries with the same key create none twice") {
  test::scratch_database scratch;
  REQUIRE(test::run_jointbuy({"migrate", "--db", scratch.url()}).exit_code == 0);
  const auto bearer = [&] {
    auto db = scratch.open(1);
    return store::create_token(*db, {store::role::coordinator, std::nullopt, "Lasttest"}, "test").bearer;
  }();
  const auto port = test::free_port();
  const std::vector<std::string> serve{JOINTBUY_BINARY, "serve", "--db", scratch.url(), "--port", std::to_string(port)};

  submission_log log;
  std::atomic<int> next{0};
  std::atomic<bool> stop{false};
  {
    test::background_process server{serve, scratch.directory()};
    REQUIRE_MESSAGE(test::wait_for_port(port, 10s), server.output());
    std::vector<std::thread> clients;
    for (int c = 0; c < 8; ++c) {
      clients.emplace_back([&] {
        while (!stop && submit(port, bearer, "load-" + std::to_string(next++), log)) {
        }
      });
    }
    // Kill it once a good number of intents are acknowledged, in the middle of the traffic.
    for (int waited = 0; waited < 200; ++waited) {
      {
        std::lock_guard lock{log.mutex};
        if (log.acknowledged.size() >= 150) break;
      }
      std::this_thread::sleep_for(50ms);
    }
    server.signal(SIGKILL);
    CHECK(server.wait(10s) != 0);
    stop = true;
    for (auto& t : clients) t.join();
  }
  const auto sent = next.load();
  const auto acknowledged_before = log.acknowledged;
  REQUIRE(acknowledged_before.size() >= 150);
  MESSAGE(sent << " sent, " << acknowledged_before.size() << " acknowledged, " << log.unanswered.size() << " unanswered before the kill");

  // Restarted: every acknowledged intent is there, under the id it was acknowledged with.
  test::background_process server{serve, scratch.directory()};
  REQUIRE_MESSAGE(test::wait_for_port(port, 10s), server.output());
  for (const auto& [key, id] : acknowledged_before) {
    const auto reply = test::http_request(port, verb::get, "/api/v1/intents/" + std::to_string(id), {}, {{"Authorization", "Bearer " + bearer}});
    REQUIRE_MESSAGE(reply.status == 200, key);
    CHECK(reply.json().at("note").as_string() == key.c_str());
  }
  // Clients retry everything not acknowledged, and some acknowledged ones, with the same keys.
  std::vector<std::string> retries(log.unanswered.begin(), log.unanswered.end());
  for (const auto& [key, id] : acknowledged_before) {
    if (id % 5 == 0) retries.push_back(key);
  }
  for (const auto& key : retries) submit(port, bearer, key, log);
  for (const auto& [key, id] : acknowledged_before) CHECK(log.acknowledged.at(key) == id);  // a replay, not a new intent

  // Every key sent is stored exactly once, and nothing else is.
  auto db = scratch.open(1);
  const auto [rows, distinct] = db->with_session([](soci::session& session) {
    long long all = 0, keys = 0;
    session << "SELECT COUNT(*), COUNT(DISTINCT note) FROM intents", soci::into(all), soci::into(keys);
    return std::pair{all, keys};
  });
  CHECK(rows == distinct);
  CHECK(rows == static_cast<long long>(log.acknowledged.size()));
  CHECK(rows == sent);
}
