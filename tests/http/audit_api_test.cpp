// The audit trail reproduces the history of an intent exactly.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include "tests/support/api_fixture.hpp"

using namespace jointbuy;
using boost::beast::http::verb;
using test::api_fixture;

TEST_CASE("after a sequence of changes the audit log reproduces the history exactly") {
  api_fixture f;
  const auto created = test::http_request(f.port(), verb::post, "/api/v1/intents",
      R"({"item":"tablet-school","quantity":120,"earliest":"2027-03-01","latest":"2027-07-31"})", api_fixture::auth(f.kriens));
  REQUIRE(created.status == 201);
  const auto id = std::to_string(created.json().at("id").as_int64());
  std::vector<boost::json::value> states{created.json()};
  const char* changes[] = {
      R"({"item":"tablet-school","quantity":140,"earliest":"2027-03-01","latest":"2027-07-31"})",
      R"({"item":"tablet-school","quantity":140,"unit_price_chf":399.90,"earliest":"2027-04-01","latest":"2027-07-31","note":"Offerte eingeholt"})",
  };
  for (const char* change : changes) {
    const auto etag = "\"" + std::to_string(states.back().at("version").as_int64()) + "\"";
    const auto reply = test::http_request(f.port(), verb::put, "/api/v1/intents/" + id, change,
                                          api_fixture::auth(f.coordinator, {{"If-Match", etag}}));
    REQUIRE(reply.status == 200);
    states.push_back(reply.json());
  }
  const auto withdrawn = test::http_request(f.port(), verb::delete_, "/api/v1/intents/" + id, {}, api_fixture::auth(f.kriens));
  states.push_back(withdrawn.json());

  // The audit keeps the intent's own fields; the API adds the tender it belongs to now, which is no
  // part of the intent's history.
  for (auto& state : states) CHECK(state.as_object().erase("bundle") == 1);
  const auto audit = test::http_get(f.port(), "/api/v1/audit?entity=intent&id=" + id, f.auditor);
  REQUIRE(audit.status == 200);
  const auto body = audit.json();
  const auto& entries = body.at("items").as_array();
  REQUIRE(entries.size() == 4);
  const char* actions[] = {"create", "update", "update", "withdraw"};
  for (std::size_t i = 0; i < 4; ++i) {
    CAPTURE(i);
    CHECK(entries[i].at("action") == actions[i]);
    CHECK(entries[i].at("after") == states[i]);
    CHECK(entries[i].at("before") == (i == 0 ? boost::json::value(nullptr) : states[i - 1]));
  }
  CHECK(entries[0].at("actor").as_string() == f.kriens.substr(3, f.kriens.find('.') - 3));
  CHECK(entries[1].at("actor").as_string() == f.coordinator.substr(3, f.coordinator.find('.') - 3));
  CHECK(test::http_get(f.port(), "/api/v1/audit?entity=intent&id=" + id, f.kriens).status == 403);
  CHECK(test::http_get(f.port(), "/api/v1/audit?id=" + id, f.coordinator).status == 400);  // an id needs its kind of record
  const auto unknown = test::http_get(f.port(), "/api/v1/audit?entity=foo&id=1", f.coordinator);  // before: 200, empty
  CHECK(unknown.status == 400);
  CHECK(unknown.json().at("errors").at(0).at("field") == "entity");
}

namespace {

// The ids of the entries a search finds.
std::vector<long long> found(const api_fixture& f, const std::string& query) {
  const auto reply = test::http_get(f.port(), "/api/v1/audit?" + query, f.auditor);
  REQUIRE(reply.status == 200);
  std::vector<long long> ids;
  const auto body = reply.json();
  for (const auto& e : body.at("items").as_array()) ids.push_back(e.at("id").as_int64());
  return ids;
}

std::string post_intent(const api_fixture& f, const std::string& bearer, const std::string& item) {
  const auto created = test::http_request(f.port(), verb::post, "/api/v1/intents",
      R"({"item":")" + item + R"(","quantity":10,"earliest":"2027-03-01","latest":"2027-07-31"})", api_fixture::auth(bearer));
  REQUIRE(created.status == 201);
  return std::to_string(created.json().at("id").as_int64());
}

}  // namespace

TEST_CASE("the audit log is searched by organisation, person, record and time, and names who acted") {
  api_fixture f;
  const auto kriens = post_intent(f, f.kriens, "tablet-school");
  const auto emmen = post_intent(f, f.emmen, "tablet-school");
  // The coordinator acting on Kriens' intent: found under Kriens (whose record it is) and under the coordinator.
  const auto changed = test::http_request(f.port(), verb::put, "/api/v1/intents/" + kriens,
      R"({"item":"tablet-school","quantity":12,"earliest":"2027-03-01","latest":"2027-07-31"})",
      api_fixture::auth(f.coordinator, {{"If-Match", "\"1\""}}));
  REQUIRE(changed.status == 200);

  const auto all = test::http_get(f.port(), "/api/v1/audit?entity=intent", f.auditor).json().at("items").as_array();
  REQUIRE(all.size() == 3);
  const auto& first = all[0].as_object();
  CHECK(first.at("actor_name") == "IT Kriens");
  CHECK(first.at("actor_organisation") == "1059");
  CHECK(first.at("actor_organisation_name") == "Kriens");
  CHECK(first.at("organisation") == "1059");
  CHECK(first.at("organisation_name") == "Kriens");
  CHECK(first.at("action_words") == "created");
  CHECK(all[2].at("actor_name") == "Programmbüro");
  CHECK(all[2].at("actor_organisation").is_null());

  // Kriens' intent: its create, and the coordinator's change of it.
  CHECK(found(f, "entity=intent&organisation=1059").size() == 2);
  CHECK(found(f, "entity=intent&organisation=1024").size() == 1);
  // The organisation itself and its token are its records too (loaded and issued by the fixture).
  CHECK(found(f, "organisation=1059").size() == 4);
  CHECK(found(f, "entity=intent&organisation=1059&person=programmb").size() == 1);  // a part of the name, any case
  CHECK(found(f, "entity=intent&person=it%20").size() == 2);
  CHECK(found(f, "person=nobody").empty());
  CHECK(found(f, "entity=intent&id=" + emmen).size() == 1);
  CHECK(found(f, "from=2000-01-01&to=2999-12-31&entity=intent").size() == 3);
  CHECK(found(f, "to=2000-01-01").empty());
  CHECK(found(f, "from=2999-01-01T00:00:00Z").empty());
  // A reader's view: newest first, and the cursor goes on downwards.
  const auto newest = test::http_get(f.port(), "/api/v1/audit?entity=intent&order=newest&limit=2", f.auditor).json();
  REQUIRE(newest.at("items").as_array().size() == 2);
  CHECK(newest.at("items").at(0).at("id") == all[2].at("id"));
  CHECK(newest.at("items").at(1).at("id") == all[1].at("id"));
  const std::string cursor{newest.at("next_cursor").as_string()};
  const auto rest = test::http_get(f.port(), "/api/v1/audit?entity=intent&order=newest&limit=2&cursor=" + cursor, f.auditor).json();
  REQUIRE(rest.at("items").as_array().size() == 1);
  CHECK(rest.at("items").at(0).at("id") == all[0].at("id"));
  CHECK(rest.at("next_cursor").is_null());
  CHECK(test::http_get(f.port(), "/api/v1/audit?order=sideways", f.auditor).status == 400);
  const auto german = test::http_request(f.port(), verb::get, "/api/v1/audit?entity=intent&limit=1", {},
                                         api_fixture::auth(f.auditor, {{"Accept-Language", "de-CH"}}));
  CHECK(german.json().at("items").at(0).at("action_words") == "erfasst");

  // Every bad parameter named, in English and in German.
  const auto bad = test::http_request(f.port(), verb::get, "/api/v1/audit?id=3&from=yesterday&to=2026-13-01&person=", {},
                                      api_fixture::auth(f.auditor, {{"Accept-Language", "de"}}));
  REQUIRE(bad.status == 400);
  CHECK(bad.header("Content-Language") == "de");
  const auto body = bad.json();
  CHECK(body.at("title") == "Die Anfrage ist fehlerhaft");
  std::map<std::string, std::string> reasons;
  for (const auto& e : body.at("errors").as_array()) reasons[std::string{e.at("field").as_string()}] = e.at("reason").as_string();
  CHECK(reasons.at("id") == "braucht die Art des Datensatzes (entity)");
  CHECK(reasons.at("from").starts_with("Ab muss ein Datum"));
  CHECK(reasons.at("to").starts_with("Bis muss ein Datum"));
  CHECK(reasons.at("person") == "Person muss 1 bis 200 Zeichen haben");
  const auto reversed = test::http_get(f.port(), "/api/v1/audit?from=2027-01-02&to=2027-01-01", f.auditor);
  CHECK(reversed.status == 400);
  CHECK(reversed.json().at("errors").at(0).at("reason") == "must be after from");
  CHECK(test::http_get(f.port(), "/api/v1/audit", f.kriens).status == 403);
  CHECK(test::http_get(f.port(), "/api/v1/audit.csv", f.emmen).status == 403);
}

TEST_CASE("the audit export is a CSV file of what the search finds, in German on request") {
  api_fixture f;
  post_intent(f, f.kriens, "tablet-school");
  post_intent(f, f.emmen, "tablet-school");
  const auto csv = test::http_get(f.port(), "/api/v1/audit.csv?entity=intent&organisation=1059&lang=de&sep=semicolon", f.auditor);
  REQUIRE(csv.status == 200);
  CHECK(csv.header("Content-Type") == "text/csv; charset=utf-8");
  CHECK(csv.header("Content-Disposition").find("attachment") != std::string::npos);
  const auto header_end = csv.body.find("\r\n");
  CHECK(csv.body.substr(0, header_end) ==
        "Nr.;Zeitpunkt (UTC);Person;Zugang;Organisation der Person;Vorgang;Code des Vorgangs;Datensatz;"
        "Art des Datensatzes;Nr. des Datensatzes;Organisation des Datensatzes;Vorher;Nachher");
  // One entry, Kriens' own: Emmen's is not in this search.
  const auto rest = csv.body.substr(header_end + 2);
  CHECK(std::count(rest.begin(), rest.end(), '\n') == 1);
  CHECK(rest.find(";IT Kriens;") != std::string::npos);
  CHECK(rest.find(";Kriens (1059);erfasst;create;Beschaffungsabsicht;intent;") != std::string::npos);
  CHECK(rest.find("Emmen") == std::string::npos);
  const auto time = rest.substr(rest.find(';') + 1, 19);
  CHECK(time[2] == '.');  // 02.12.2026 10:15:03, the Swiss form
  CHECK(time[5] == '.');
  CHECK(time[10] == ' ');
  const auto english = test::http_get(f.port(), "/api/v1/audit.csv?person=IT", f.coordinator);
  REQUIRE(english.status == 200);
  CHECK(english.body.starts_with("entry,occurred_at_utc,person,actor,"));
  CHECK(test::http_get(f.port(), "/api/v1/audit.csv?sep=tab", f.auditor).status == 400);
}
