// PostgreSQL goes away under a running server: requests fail fast with 503 and Retry-After,
// /readyz says so, and when PostgreSQL is back the same server process works again. The test
// starts its own PostgreSQL 15 cluster (the shared one of scripts/test must not be stopped).
#include <doctest/doctest.h>

#include <unistd.h>

#include <regex>
#include <thread>

#include "tests/support/child_process.hpp"
#include "tests/support/http_client.hpp"

using namespace jointbuy;
using namespace std::chrono_literals;
using boost::beast::http::verb;

namespace {

const std::string pg_bin = "/usr/lib/postgresql/15/bin/";

// A PostgreSQL cluster of its own in a temporary directory, on a unix socket there; as root it
// runs as the 'postgres' user (initdb refuses root).
class private_postgres {
 public:
  private_postgres() {
    char pattern[] = "/tmp/jointbuy-outage.XXXXXX";
    REQUIRE(::mkdtemp(pattern) != nullptr);
    directory_ = pattern;
    if (::getuid() == 0) REQUIRE(test::run_command({"/usr/bin/chown", "postgres:", directory_}).exit_code == 0);
    const auto init = as_owner({pg_bin + "initdb", "-D", directory_ + "/data", "-U", "jointbuy", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"});
    REQUIRE_MESSAGE(init.exit_code == 0, init.err);
    start();
  }
  ~private_postgres() {
    as_owner({pg_bin + "pg_ctl", "-D", directory_ + "/data", "-m", "immediate", "stop"});
    std::filesystem::remove_all(directory_);
  }
  private_postgres(const private_postgres&) = delete;
  private_postgres& operator=(const private_postgres&) = delete;

  void start() {
    const auto started = as_owner({pg_bin + "pg_ctl", "-D", directory_ + "/data", "-l", directory_ + "/server.log", "-w", "-t", "60", "-o",
                                   "-c listen_addresses='' -c unix_socket_directories='" + directory_ + "' -p 5432 -c fsync=off", "start"});
    REQUIRE_MESSAGE(started.exit_code == 0, started.err);
  }
  void stop() {
    const auto stopped = as_owner({pg_bin + "pg_ctl", "-D", directory_ + "/data", "-m", "fast", "-w", "stop"});
    REQUIRE_MESSAGE(stopped.exit_code == 0, stopped.err);
  }
  std::string url() const { return "postgresql://jointbuy@/postgres?host=" + directory_ + "&port=5432"; }
  const std::string& directory() const { return directory_; }

 private:
  static test::command_result as_owner(std::vector<std::string> args) {
    if (::getuid() == 0) args.insert(args.begin(), {"/usr/sbin/runuser", "-u", "postgres", "--"});
    return test::run_command(args);
  }
  std::string directory_;
};

}  // namespace

TEST_CASE("PostgreSQL stopped under a running server: 503 at once with Retry-After, then recovery without a restart") {
  private_postgres postgres;
  const auto migrated = test::run_jointbuy({"migrate", "--db", postgres.url()});
  REQUIRE_MESSAGE(migrated.exit_code == 0, migrated.err);
  const auto token = test::run_jointbuy({"token", "create", "--role", "municipality", "--org", "1059", "--db", postgres.url()});
  std::smatch found;
  REQUIRE(std::regex_search(token.out, found, std::regex{"jb_[A-Za-z0-9_.-]+"}));
  const test::header_list headers{{"Authorization", "Bearer " + found.str()}, {"Content-Type", "application/json"}};
  const std::string intent = R"({"item": "monitor-24", "quantity": 2, "earliest": "2030-03-01", "latest": "2030-06-30"})";

  const auto port = test::free_port();
  test::background_process server{{JOINTBUY_BINARY, "serve", "--db", postgres.url(), "--port", std::to_string(port)},
                                  std::filesystem::path{postgres.directory()}};
  REQUIRE_MESSAGE(test::wait_for_port(port, 10s), server.output());
  REQUIRE(test::http_request(port, verb::post, "/api/v1/intents", intent, headers).status == 201);

  postgres.stop();
  for (int attempt = 0; attempt < 3; ++attempt) {
    const auto started = std::chrono::steady_clock::now();
    const auto refused = test::http_request(port, verb::post, "/api/v1/intents", intent, headers);
    const auto took = std::chrono::steady_clock::now() - started;
    CHECK_MESSAGE(refused.status == 503, refused.body);
    CHECK(refused.header("Retry-After") != "");
    CHECK(refused.header("Content-Type") == "application/problem+json");
    CHECK(took < 2s);  // fails fast, no hanging on a dead server
  }
  const auto not_ready = test::http_get(port, "/readyz");
  CHECK(not_ready.status == 503);
  CHECK(not_ready.header("Retry-After") != "");
  CHECK(test::http_get(port, "/healthz").status == 200);  // the process itself is fine

  postgres.start();
  bool ready = false;
  for (int waited = 0; waited < 100 && !ready; ++waited) {
    ready = test::http_get(port, "/readyz").status == 200;
    if (!ready) std::this_thread::sleep_for(100ms);
  }
  CHECK(ready);
  CHECK(test::http_request(port, verb::post, "/api/v1/intents", intent, headers).status == 201);
  const auto list = test::http_request(port, verb::get, "/api/v1/intents", {}, headers);
  REQUIRE(list.status == 200);
  CHECK(list.json().at("items").as_array().size() == 2);  // the refused requests stored nothing
}
