// Faults with real processes on a real database (both backends), over real HTTP: the server killed
// in the middle of a load, and two servers sharing one database.
#include <doctest/doctest.h>

#include <atomic>
#include <csignal>
#include <mutex>
#include <set>
#include <thread>

#include "api/store/bundling_runs.hpp"
#include "api/store/intents.hpp"
#include "api/store/tokens.hpp"
#include "tests/support/child_process.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/reference_data.hpp"
#include "tests/support/scratch_database.hpp"
#include "tests/support/store_helpers.hpp"

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
  // Load from one token: no rate limit, which would answer 429 long before the load is heavy.
  const std::vector<std::string> serve{JOINTBUY_BINARY, "serve", "--db", scratch.url(), "--port", std::to_string(port), "--rate-limit", "0"};

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

TEST_CASE("two serve processes on one database: one of two simultaneous approvals wins, every intent sent through either is stored") {
  test::scratch_database scratch;
  REQUIRE(test::run_jointbuy({"migrate", "--db", scratch.url()}).exit_code == 0);
  auto db = scratch.open(2);
  const auto coordinator = store::create_token(*db, {store::role::coordinator, std::nullopt, "Programmbüro"}, "test").bearer;
  const char* schools[] = {"1059", "1024", "1054", "1058", "1040", "1103", "1031", "1062", "1063", "1151", "1093", "1098"};
  for (int k = 0; k < 12; ++k) {
    catalog::intent_draft d;
    d.organisation = schools[k];
    d.item = "school-administration-software";
    d.quantity = 400 + 60 * k;
    d.earliest = engine::date{std::chrono::year{2030} / 1 / 1} + std::chrono::days{3 * k};
    d.latest = engine::date{std::chrono::year{2030} / 6 / 19};
    store::create_intent(*db, d, "test", std::nullopt, "");
  }
  const auto run = store::create_run(*db, test::shipped_reference_data(), "test");
  store::bundle_filter joint;
  joint.run = run.id;
  joint.verdict = engine::verdict::joint_tender;
  const auto tenders = store::list_bundles(*db, joint).items;
  REQUIRE(tenders.size() == 1);
  const auto target = "/api/v1/bundles/" + std::to_string(tenders[0].id) + "/decision";

  const auto first_port = test::free_port();
  test::background_process first{{JOINTBUY_BINARY, "serve", "--db", scratch.url(), "--port", std::to_string(first_port), "--rate-limit", "0"},
                                 scratch.directory()};
  REQUIRE_MESSAGE(test::wait_for_port(first_port, 10s), first.output());
  const auto second_port = test::free_port();
  test::background_process second{{JOINTBUY_BINARY, "serve", "--db", scratch.url(), "--port", std::to_string(second_port), "--rate-limit", "0"},
                                  scratch.directory()};
  REQUIRE_MESSAGE(test::wait_for_port(second_port, 10s), second.output());
  const unsigned short servers[] = {first_port, second_port};
  const test::header_list headers{{"Authorization", "Bearer " + coordinator}, {"Content-Type", "application/json"}, {"If-Match", "\"1\""}};

  // Both coordinators approve version 1 at the same moment, each through its own server.
  std::atomic<int> ready{0};
  unsigned statuses[2] = {0, 0};
  std::vector<std::thread> deciders;
  for (int s = 0; s < 2; ++s) {
    deciders.emplace_back([&, s] {
      ++ready;
      while (ready < 2) std::this_thread::yield();
      statuses[s] = test::http_request(servers[s], verb::post, target, R"({"decision": "approve", "comment": "ok"})", headers).status;
    });
  }
  for (auto& t : deciders) t.join();
  CAPTURE(statuses[0]);
  CAPTURE(statuses[1]);
  CHECK(std::count(std::begin(statuses), std::end(statuses), 200u) == 1);
  CHECK((statuses[0] == 412 || statuses[1] == 412 || statuses[0] == 409 || statuses[1] == 409));
  const auto decided = db->with_session([&](soci::session& session) {
    long long n = 0;
    session << "SELECT COUNT(*) FROM decisions WHERE bundle_id = :id", soci::use(tenders[0].id, "id"), soci::into(n);
    return n;
  });
  CHECK(decided == 1);

  // Intents through both servers at once: every 201 is a row, and there are no others.
  std::atomic<int> created{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < 8; ++c) {
    clients.emplace_back([&, c] {
      submission_log own;
      for (int i = 0; i < 25; ++i) {
        const auto key = "both-" + std::to_string(c) + "-" + std::to_string(i);
        if (submit(servers[c % 2], coordinator, key, own)) created += static_cast<int>(own.acknowledged.count(key));
      }
    });
  }
  for (auto& t : clients) t.join();
  CHECK(created == 200);
  CHECK(test::count_rows(*db, "intents") == 12 + 200);
}
