// The jointbuy command as a newcomer and CI use it: real processes on a real database.
#include <doctest/doctest.h>

#include <csignal>
#include <fstream>
#include <thread>

#include <boost/beast/core/flat_buffer.hpp>

#include "api/store/bundling_runs.hpp"
#include "api/store/migrations.hpp"
#include "api/store/tender_documents.hpp"
#include "catalog/json_schema.hpp"
#include "tests/support/child_process.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/reference_data.hpp"
#include "tests/support/schema_files.hpp"
#include "tests/support/scratch_database.hpp"
#include "tests/support/store_helpers.hpp"

using namespace jointbuy;
using namespace std::chrono_literals;
using jointbuy::test::count_rows;

namespace {

std::string last_line(const std::string& text) {
  auto trimmed = text.substr(0, text.find_last_not_of('\n') + 1);
  return trimmed.substr(trimmed.find_last_of('\n') + 1);
}

}  // namespace

TEST_CASE("migrate loads Lucerne's 80 buyers, and again changes nothing") {
  test::scratch_database scratch;
  const auto first = test::run_jointbuy({"migrate", "--db", scratch.url()});
  REQUIRE_MESSAGE(first.exit_code == 0, first.err);
  CHECK(first.out.find("80 added") != std::string::npos);
  const auto second = test::run_jointbuy({"migrate", "--db", scratch.url()});
  REQUIRE(second.exit_code == 0);
  CHECK(second.out.find("already current") != std::string::npos);
  CHECK(second.out.find("0 added, 0 updated, 80 unchanged") != std::string::npos);
  CHECK(first.out.find("catalogue from") != std::string::npos);
  CHECK(second.out.find(": 0 items added") != std::string::npos);
  auto db = scratch.open();
  CHECK(count_rows(*db, "organisations") == 80);
  CHECK(count_rows(*db, "catalog_items") >= 40);
  CHECK(count_rows(*db, "cpv_codes") == 9458);
}

TEST_CASE("validate-catalog passes the shipped catalogue and names file and path of each defect") {
  const auto good = test::run_jointbuy({"validate-catalog", JOINTBUY_DEFAULT_CATALOG_DIR});
  CHECK_MESSAGE(good.exit_code == 0, good.err);
  CHECK(good.out.find("9458 CPV codes") != std::string::npos);

  test::scratch_database scratch;
  for (const auto& entry : std::filesystem::directory_iterator{JOINTBUY_DEFAULT_CATALOG_DIR}) {
    std::filesystem::copy(entry.path(), scratch.directory());
  }
  std::ofstream{scratch.directory() / "thresholds.json"} << "{\"periods\": []}";
  const auto bad = test::run_jointbuy({"validate-catalog", scratch.directory().string()});
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find("thresholds.json /periods") != std::string::npos);
  const auto refused = test::run_jointbuy({"migrate", "--db", scratch.url(), "--catalog", scratch.directory().string()});
  CHECK(refused.exit_code == 1);
  CHECK(refused.err.find("thresholds.json") != std::string::npos);
}

TEST_CASE("the database URL can come from JOINTBUY_DB") {
  test::scratch_database scratch;
  const auto result = test::run_jointbuy({"migrate"}, {{"JOINTBUY_DB", scratch.url()}});
  REQUIRE_MESSAGE(result.exit_code == 0, result.err);
  auto db = scratch.open();
  CHECK(count_rows(*db, "organisations") == 80);
}

TEST_CASE("migrate refuses a database with a newer schema, with a clear message") {
  test::scratch_database scratch;
  {
    auto db = scratch.open_migrated();
    db->with_session([](soci::session& session) {
      session << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'now')";
    });
  }
  const auto result = test::run_jointbuy({"migrate", "--db", scratch.url()});
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("newer") != std::string::npos);
  const auto serve = test::run_jointbuy({"serve", "--db", scratch.url(), "--port", "1"});
  CHECK(serve.exit_code == 1);
  CHECK(serve.err.find("newer") != std::string::npos);
}

TEST_CASE("serve and seed-demo refuse an unmigrated database and say what to do") {
  test::scratch_database scratch;
  const auto result = test::run_jointbuy({"seed-demo", "--db", scratch.url()});
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("jointbuy migrate") != std::string::npos);
}

TEST_CASE("seed-demo twice keeps three demo tokens, and only the last printed ones work") {
  test::scratch_database scratch;
  REQUIRE(test::run_jointbuy({"migrate", "--db", scratch.url()}).exit_code == 0);
  const auto first = test::run_jointbuy({"seed-demo", "--db", scratch.url()});
  REQUIRE_MESSAGE(first.exit_code == 0, first.err);
  const auto second = test::run_jointbuy({"seed-demo", "--db", scratch.url()});
  REQUIRE(second.exit_code == 0);
  CHECK(second.out.find("jb_demo-coordinator.") != std::string::npos);
  CHECK(first.out != second.out);
  CHECK(first.out.find(" added, 0 kept") != std::string::npos);
  CHECK(second.out.find(": 0 added, ") != std::string::npos);
  // The demo people with their passwords: each printed password signs its person in.
  CHECK(second.out.find("anna.muster@kriens.example  password ") != std::string::npos);
  auto db = scratch.open();
  CHECK(count_rows(*db, "api_tokens") == 3);
  CHECK(count_rows(*db, "people") == 3);
  const auto intents = count_rows(*db, "intents");
  CHECK(intents >= 100);
  const auto buyers = db->with_session([](soci::session& session) {
    long long n = 0;
    session << "SELECT COUNT(DISTINCT organisation_id) FROM intents", soci::into(n);
    return n;
  });
  CHECK(buyers >= 32);
}

TEST_CASE("import-intents stores a whole file for one organisation, or nothing with every bad row named") {
  test::scratch_database scratch;
  REQUIRE(test::run_jointbuy({"migrate", "--db", scratch.url()}).exit_code == 0);
  const auto good = scratch.directory() / "good.csv";
  std::ofstream{good} << "\xEF\xBB\xBF" "Artikel;Menge;Stückpreis CHF;Von;Bis\r\nmonitor-24;12;229.90;01.03.2027;30.06.2027\r\n"
                         "office-suite;80;;01.01.2027;31.03.2027\r\n";
  const auto imported = test::run_jointbuy({"import-intents", good.string(), "--org", "1061", "--db", scratch.url()});
  REQUIRE_MESSAGE(imported.exit_code == 0, imported.err);
  CHECK(imported.out.find("2 intents imported") != std::string::npos);
  const auto bad = scratch.directory() / "bad.csv";
  std::ofstream{bad} << "item,quantity,earliest,latest\nmonitor-24,1,2027-03-01,2027-06-30\nflying-car,1,2027-03-01,2027-06-30\n"
                        "monitor-24,0,2027-03-01,2027-06-30\n";
  const auto refused = test::run_jointbuy({"import-intents", bad.string(), "--org", "1061", "--db", scratch.url()});
  CHECK(refused.exit_code == 1);
  CHECK(refused.err.find("bad.csv:3: item") != std::string::npos);
  CHECK(refused.err.find("bad.csv:4: quantity") != std::string::npos);
  auto db = scratch.open();
  CHECK(count_rows(*db, "intents") == 2);
}

TEST_CASE("usage errors exit 2 and every command has --help") {
  for (const char* command : {"serve", "migrate", "seed-demo", "import-organisations", "import-intents", "token",
                              "validate-catalog", "bundle", "demo-intents", "export"}) {
    CAPTURE(command);
    const auto help = test::run_jointbuy({command, "--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("usage: jointbuy") != std::string::npos);
    CHECK(test::run_jointbuy({command, "--no-such-option"}).exit_code == 2);
  }
  CHECK(test::run_jointbuy({"frobnicate"}).exit_code == 2);
  CHECK(test::run_jointbuy({"token", "create", "--role", "mayor"}).exit_code == 2);
  CHECK(test::run_jointbuy({"token", "create", "--role", "municipality"}).exit_code == 2);
}

TEST_CASE("import-organisations loads another canton and reports every bad line") {
  test::scratch_database scratch;
  REQUIRE(test::run_jointbuy({"migrate", "--db", scratch.url()}).exit_code == 0);
  const auto zug = test::run_jointbuy({"import-organisations", std::string{JOINTBUY_DEFAULT_CATALOG_DIR} + "/municipalities-ch-2026.csv",
                                       "--canton", "ZG", "--db", scratch.url()});
  REQUIRE_MESSAGE(zug.exit_code == 0, zug.err);
  CHECK(zug.out.find("12 added") != std::string::npos);  // 11 municipalities and the canton

  const auto bad_file = scratch.directory() / "bad.csv";
  std::ofstream{bad_file} << "bfs_number,name,canton,district\nx1,A,ZG,Zug\n1701,,ZG,Zug\n";
  const auto bad = test::run_jointbuy({"import-organisations", bad_file.string(), "--db", scratch.url()});
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find("bad.csv:2:") != std::string::npos);
  CHECK(bad.err.find("bad.csv:3:") != std::string::npos);
  auto db = scratch.open();
  CHECK(count_rows(*db, "organisations") == 80 + 12);
}

TEST_CASE("token create prints a bearer token that the server accepts, until token revoke") {
  test::scratch_database scratch;
  REQUIRE(test::run_jointbuy({"migrate", "--db", scratch.url()}).exit_code == 0);
  const auto created = test::run_jointbuy({"token", "create", "--role", "municipality", "--org", "1061", "--name", "IT Stadt Luzern",
                                           "--db", scratch.url()});
  REQUIRE_MESSAGE(created.exit_code == 0, created.err);
  const std::string bearer = last_line(created.out);
  CHECK(bearer.starts_with("jb_"));

  const auto port = test::free_port();
  test::background_process server({JOINTBUY_BINARY, "serve", "--db", scratch.url(), "--port", std::to_string(port)},
                                  scratch.directory());
  REQUIRE_MESSAGE(test::wait_for_port(port, 10s), server.output());
  const auto me = test::http_get(port, "/api/v1/me", bearer);
  REQUIRE(me.status == 200);
  CHECK(me.json().at("organisation") == "1061");
  CHECK(me.json().at("name") == "IT Stadt Luzern");

  const std::string id = bearer.substr(3, bearer.find('.') - 3);
  const auto listed = test::run_jointbuy({"token", "list", "--db", scratch.url()});
  CHECK(listed.out.find(id) != std::string::npos);
  CHECK(listed.out.find(bearer.substr(bearer.find('.') + 1)) == std::string::npos);  // never the secret
  REQUIRE(test::run_jointbuy({"token", "revoke", id, "--db", scratch.url()}).exit_code == 0);
  CHECK(test::http_get(port, "/api/v1/me", bearer).status == 401);
  // The access log names requests, never the token.
  server.signal(SIGTERM);
  CHECK(server.wait(10s) == 0);
  CHECK(server.output().find(bearer.substr(bearer.find('.') + 1)) == std::string::npos);
  CHECK(server.output().find("\"path\":\"/api/v1/me\"") != std::string::npos);
}

TEST_CASE("SIGTERM during a slow request lets it finish, then the server exits cleanly") {
  test::scratch_database scratch;
  REQUIRE(test::run_jointbuy({"migrate", "--db", scratch.url()}).exit_code == 0);
  const auto port = test::free_port();
  test::background_process server({JOINTBUY_BINARY, "serve", "--db", scratch.url(), "--port", std::to_string(port)},
                                  scratch.directory());
  REQUIRE_MESSAGE(test::wait_for_port(port, 10s), server.output());

  // The request arrives slowly: headers and half the body, then the signal, then the rest.
  test::http_connection connection{port};
  const std::string head = "POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n";
  boost::asio::write(connection.socket(), boost::asio::buffer(head + "{\"a\":"));
  std::this_thread::sleep_for(200ms);
  server.signal(SIGTERM);
  std::this_thread::sleep_for(300ms);
  CHECK(test::wait_for_port(port, 100ms) == false);  // no longer accepting
  boost::asio::write(connection.socket(), boost::asio::buffer(std::string{"12345"}));
  boost::beast::flat_buffer buffer;
  boost::beast::http::response<boost::beast::http::string_body> res;
  boost::beast::http::read(connection.socket(), buffer, res);
  CHECK(res.result_int() == 405);  // answered in full: /healthz allows GET only
  CHECK(res[boost::beast::http::field::connection] == "close");
  CHECK(server.wait(10s) == 0);
}

TEST_CASE("bundle on the demo data: joint tenders for software, small hardware flagged, in both languages") {
  test::scratch_database scratch;
  const auto demo = test::run_jointbuy({"demo-intents", "--year", "2027"});
  REQUIRE(demo.exit_code == 0);
  const auto file = scratch.directory() / "demo.json";
  std::ofstream{file} << demo.out;
  const auto english = test::run_jointbuy({"bundle", "--intents", file.string()});
  REQUIRE_MESSAGE(english.exit_code == 0, english.err);
  const auto result = boost::json::parse(english.out);
  // The whole schema, "format": "date" included (the server leaves formats to its decoders).
  CHECK(catalog::validate_against(test::schema_document("bundling-result.schema.json"), result).empty());
  bool school_joint = false;
  for (const auto& b : result.at("bundles").as_array()) {
    if (b.at("compatibility_key") == "school-administration-software" && b.at("decision") == "joint_tender") {
      school_joint = b.at("buyers").as_int64() >= 10 && b.at("procedure") == "open";
    }
  }
  CHECK(school_joint);
  int small_laptops = 0;
  for (const auto& f : result.at("flags").as_array()) {
    if (f.at("code") == "HARDWARE_TOO_SMALL_FOR_PUBLIC_TENDER") ++small_laptops;
  }
  CHECK(small_laptops >= 5);
  const auto german = test::run_jointbuy({"bundle", "--intents", file.string(), "--lang", "de"});
  CHECK(german.out.find("eine öffentliche Ausschreibung lohnt sich nicht") != std::string::npos);
  CHECK(german.out.find("gemeinsame Beschaffung") != std::string::npos);
  const auto csv = test::run_jointbuy({"bundle", "--intents", file.string(), "--format", "csv"});
  CHECK(csv.out.starts_with("bundle,decision,compatibility_key"));
}

TEST_CASE("bundle lists every bad intent of a file and computes nothing") {
  test::scratch_database scratch;
  const auto file = scratch.directory() / "bad.json";
  std::ofstream{file} << R"([{"id":1,"organisation":"1059","item":"monitor-24","quantity":2,"earliest":"2027-01-01","latest":"2027-02-01"},
                             {"id":2,"organisation":"1059","item":"flying-car","quantity":2,"earliest":"2027-01-01","latest":"2027-02-01"},
                             {"id":3,"item":"monitor-24","quantity":-2,"earliest":"2027-01-01","latest":"2027-02-01"}])";
  const auto result = test::run_jointbuy({"bundle", "--intents", file.string()});
  CHECK(result.exit_code == 1);
  CHECK(result.out.empty());
  CHECK(result.err.find("[1].item") != std::string::npos);
  CHECK(result.err.find("[2].quantity") != std::string::npos);
  CHECK(result.err.find("[2].organisation") != std::string::npos);
}

TEST_CASE("bundle refuses a reversed window, a duplicate id or an unknown item, naming the entry, exit 1, no signal") {
  // Before: a reversed window crashed the engine (segmentation fault), a duplicate id was accepted.
  test::scratch_database scratch;
  const std::string good = R"({"id":1,"organisation":"1059","item":"monitor-24","quantity":2,"earliest":"2027-01-01","latest":"2027-02-01"})";
  const struct {
    const char* what;
    std::string json;
    std::string csv;
    const char* json_place;
    const char* csv_place;
  } cases[] = {
      {"reversed window", "[" + good + R"(,{"id":2,"organisation":"1024","item":"monitor-24","quantity":2,"earliest":"2027-05-01","latest":"2027-02-01"}])",
       "id,organisation,item,quantity,earliest,latest\n1,1059,monitor-24,2,2027-01-01,2027-02-01\n2,1024,monitor-24,2,2027-05-01,2027-02-01\n",
       "[1].latest", ":3: latest"},
      {"duplicate id", "[" + good + "," + good + "]",
       "id,organisation,item,quantity,earliest,latest\n1,1059,monitor-24,2,2027-01-01,2027-02-01\n1,1024,monitor-24,2,2027-01-01,2027-02-01\n",
       "[1].id", ":3: id"},
      {"unknown item", "[" + good + R"(,{"id":2,"organisation":"1024","item":"flying-car","quantity":2,"earliest":"2027-01-01","latest":"2027-02-01"}])",
       "id,organisation,item,quantity,earliest,latest\n1,1059,monitor-24,2,2027-01-01,2027-02-01\n2,1024,flying-car,2,2027-01-01,2027-02-01\n",
       "[1].item", ":3: item"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    const auto json = scratch.directory() / "bad.json";
    std::ofstream{json} << c.json;
    const auto from_json = test::run_jointbuy({"bundle", "--intents", json.string()});
    CHECK(from_json.exit_code == 1);  // a signal would give 128 + its number
    CHECK(from_json.out.empty());
    CHECK_MESSAGE(from_json.err.find(json.string() + ": " + c.json_place) != std::string::npos, from_json.err);
    const auto csv = scratch.directory() / "bad.csv";
    std::ofstream{csv} << c.csv;
    const auto from_csv = test::run_jointbuy({"bundle", "--intents", csv.string()});
    CHECK(from_csv.exit_code == 1);
    CHECK_MESSAGE(from_csv.err.find(csv.string() + c.csv_place) != std::string::npos, from_csv.err);
  }
}

TEST_CASE("export writes a run's quantity schedule and one OCDS release per joint tender") {
  test::scratch_database scratch;
  REQUIRE(test::run_jointbuy({"migrate", "--db", scratch.url()}).exit_code == 0);
  REQUIRE(test::run_jointbuy({"seed-demo", "--db", scratch.url()}).exit_code == 0);
  auto db = scratch.open();
  const auto run = store::create_run(*db, test::shipped_reference_data(), "cli-test");
  const auto out = scratch.directory() / "documents";

  const auto csv = test::run_jointbuy({"export", "--run", std::to_string(run.id), "--format", "csv", "--out", out.string(),
                                       "--sep", "semicolon", "--bom", "--lang", "de", "--db", scratch.url()});
  REQUIRE_MESSAGE(csv.exit_code == 0, csv.err);
  const auto csv_path = out / ("jointbuy-run-" + std::to_string(run.id) + "-schedule.csv");
  CHECK(csv.out == csv_path.string() + "\n");
  std::ifstream csv_file{csv_path, std::ios::binary};
  const std::string written{std::istreambuf_iterator<char>{csv_file}, {}};
  CHECK(written.starts_with("\xEF\xBB\xBF" "Ausschreibung;Titel;CPV;"));
  // The same bytes the API serves for GET /api/v1/bundling-runs/ID/schedule.csv?sep=semicolon&bom=1&lang=de.
  CHECK(written == catalog::schedule_csv(store::schedule_of_run(*db, run.id, engine::language::de), {';', true, engine::language::de, true}));
  const auto document = catalog::read_csv(written.substr(3), ';');
  REQUIRE_FALSE(document.error);
  CHECK(document.records.size() > 10);

  const auto ocds = test::run_jointbuy({"export", "--run", "latest", "--format", "ocds", "--out", out.string(), "--db", scratch.url()});
  REQUIRE_MESSAGE(ocds.exit_code == 0, ocds.err);
  const auto schema = test::schema_document("ocds-1.1-release-schema.json");
  std::size_t releases = 0;
  for (const auto& entry : std::filesystem::directory_iterator{out}) {
    if (entry.path().extension() != ".json") continue;
    ++releases;
    std::ifstream file{entry.path()};
    const auto release = boost::json::parse(std::string{std::istreambuf_iterator<char>{file}, {}});
    CAPTURE(entry.path());
    CHECK(catalog::validate_against(schema, release).empty());
    CHECK(ocds.out.find(entry.path().string()) != std::string::npos);
  }
  store::bundle_filter joint;
  joint.run = run.id;
  joint.verdict = engine::verdict::joint_tender;
  joint.limit = 500;
  CHECK(releases == store::list_bundles(*db, joint).items.size());
  CHECK(releases >= 2);

  CHECK(test::run_jointbuy({"export", "--run", "999", "--format", "csv", "--out", out.string(), "--db", scratch.url()}).exit_code == 1);
  CHECK(test::run_jointbuy({"export", "--run", "x1", "--format", "csv", "--out", out.string(), "--db", scratch.url()}).exit_code == 2);
  CHECK(test::run_jointbuy({"export", "--run", "1", "--format", "pdf", "--out", out.string(), "--db", scratch.url()}).exit_code == 2);
}

TEST_CASE("user invite prints a one-time link; no password, session id, invitation or token appears in any log line") {
  test::scratch_database scratch;
  REQUIRE(test::run_jointbuy({"migrate", "--db", scratch.url()}).exit_code == 0);
  const auto port = test::free_port();
  const auto invited = test::run_jointbuy({"user", "invite", "--email", "anna.muster@kriens.example", "--name", "Anna Muster", "--role",
                                           "municipality", "--org", "1059", "--public-url", "http://127.0.0.1:" + std::to_string(port),
                                           "--db", scratch.url()});
  REQUIRE_MESSAGE(invited.exit_code == 0, invited.err);
  const auto link = last_line(invited.out);
  CHECK(link.starts_with("http://127.0.0.1:" + std::to_string(port) + "/invitations/"));
  const auto invitation = link.substr(link.rfind('/') + 1);
  CHECK(test::run_jointbuy({"user", "invite", "--email", "ANNA.muster@kriens.example", "--name", "A", "--role", "auditor", "--db", scratch.url()})
            .exit_code == 1);
  CHECK(test::run_jointbuy({"user", "invite", "--email", "x@y.ch", "--name", "X", "--role", "municipality", "--db", scratch.url()}).exit_code == 2);

  test::background_process server({JOINTBUY_BINARY, "serve", "--db", scratch.url(), "--port", std::to_string(port)}, scratch.directory());
  REQUIRE_MESSAGE(test::wait_for_port(port, 10s), server.output());
  const std::string password = "Heuwagen-Seebucht-Laterne";
  const std::string wrong = "Falsches-Passwort-Geheim";
  const test::header_list json{{"Content-Type", "application/json"}};
  CHECK(test::http_get(port, "/invitations/" + invitation).status == 200);
  CHECK(test::http_get(port, "/api/v1/invitations/" + invitation).status == 200);
  const auto accepted = test::http_request(port, boost::beast::http::verb::post, "/api/v1/invitations/" + invitation,
                                           R"({"password": ")" + password + R"("})", json);
  REQUIRE(accepted.status == 200);
  const auto cookie = accepted.header("Set-Cookie").substr(0, accepted.header("Set-Cookie").find(';'));
  const auto session_id = cookie.substr(cookie.find('=') + 1);
  const auto csrf = std::string{accepted.json().at("csrf_token").as_string()};
  CHECK(test::http_request(port, boost::beast::http::verb::post, "/api/v1/session",
                           R"({"email": "anna.muster@kriens.example", "password": ")" + wrong + R"("})", json)
            .status == 401);
  const auto created = test::http_request(port, boost::beast::http::verb::post, "/api/v1/me/tokens", R"({"name": "Skript"})",
                                          {{"Content-Type", "application/json"}, {"Cookie", cookie}, {"X-CSRF-Token", csrf}});
  REQUIRE(created.status == 201);
  const auto bearer = std::string{created.json().at("bearer").as_string()};
  CHECK(test::http_get(port, "/api/v1/me", bearer).status == 200);
  CHECK(test::http_request(port, boost::beast::http::verb::delete_, "/api/v1/session", "", {{"Cookie", cookie}}).status == 204);
  server.signal(SIGTERM);
  CHECK(server.wait(10s) == 0);
  const auto log = server.output();
  CHECK(log.find("\"path\":\"/api/v1/invitations/***\"") != std::string::npos);
  for (const auto& secret : {invitation, password, wrong, session_id, csrf, bearer.substr(bearer.find('.') + 1)}) {
    CHECK_MESSAGE(log.find(secret) == std::string::npos, "the log shows a secret: " << secret);
  }
  const auto listed = test::run_jointbuy({"user", "list", "--db", scratch.url()});
  CHECK(listed.out.find("anna.muster@kriens.example") != std::string::npos);
  CHECK(listed.out.find("active") != std::string::npos);
}
