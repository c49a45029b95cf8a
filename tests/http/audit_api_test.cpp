// The audit trail reproduces the history of an intent exactly.
#include <doctest/doctest.h>

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
  CHECK(test::http_get(f.port(), "/api/v1/audit?entity=intent", f.coordinator).status == 400);
  const auto unknown = test::http_get(f.port(), "/api/v1/audit?entity=foo&id=1", f.coordinator);  // before: 200, empty
  CHECK(unknown.status == 400);
  CHECK(unknown.json().at("errors").at(0).at("field") == "entity");
}
