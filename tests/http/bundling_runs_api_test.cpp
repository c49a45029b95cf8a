// Bundling runs over HTTP: the coordinator runs the engine on a snapshot of the submitted intents;
// everyone sees what their role and organisation allow; a run never changes an intent.
#include <doctest/doctest.h>

#include <set>

#include "tests/support/api_fixture.hpp"

using namespace jointbuy;
using boost::beast::http::verb;
using test::api_fixture;

namespace {


// Twelve buyers of the school administration software in one half year, Kriens among them; a few
// laptops at scattered times, Kriens's and Emmen's.
void submit_scenario(api_fixture& f) {
  const char* schools[] = {"1059", "1024", "1054", "1058", "1040", "1103", "1031", "1062", "1063", "1151", "1093", "1098"};
  for (int k = 0; k < 12; ++k) f.add_intent(schools[k], "school-administration-software", 400 + 60 * k, k * 3, 170);
  f.add_intent("1059", "laptop-standard-14", 12, 0, 30);
  f.add_intent("1024", "laptop-standard-14", 9, 200, 230);
}

test::http_reply start_run(const api_fixture& f, const std::string& bearer) {
  return test::http_request(f.port(), verb::post, "/api/v1/bundling-runs", {}, api_fixture::auth(bearer));
}

}  // namespace

TEST_CASE("a coordinator's run groups the submitted intents; others may not start one") {
  api_fixture f;
  submit_scenario(f);
  // No run yet: the latest run's lists are empty; a run that does not exist is 404.
  const auto none = test::http_get(f.port(), "/api/v1/bundles", f.coordinator);
  REQUIRE(none.status == 200);
  CHECK(none.json().at("items").as_array().empty());
  CHECK(test::http_get(f.port(), "/api/v1/flags", f.kriens).json().at("items").as_array().empty());
  CHECK(test::http_get(f.port(), "/api/v1/bundles?run=7", f.coordinator).status == 404);
  CHECK(start_run(f, f.kriens).status == 403);
  CHECK(start_run(f, f.auditor).status == 403);
  const auto run = start_run(f, f.coordinator);
  REQUIRE(run.status == 201);
  CHECK(run.json().at("intents") == 14);
  CHECK(run.json().at("summary").at("joint_tenders") == 1);
  const auto id = std::to_string(run.json().at("id").as_int64());
  CHECK(run.header("Location") == "/api/v1/bundling-runs/" + id);
  CHECK(test::http_get(f.port(), "/api/v1/bundling-runs/" + id, f.auditor).json().at("intents") == 14);
  CHECK(test::http_get(f.port(), "/api/v1/bundling-runs/latest", f.coordinator).json().at("id").as_int64() == run.json().at("id").as_int64());
  CHECK(test::http_get(f.port(), "/api/v1/bundling-runs/" + id, f.kriens).status == 403);

  const auto joint = test::http_get(f.port(), "/api/v1/bundles?decision=joint_tender", f.coordinator);
  REQUIRE(joint.status == 200);
  const auto body = joint.json();
  const auto& tenders = body.at("items").as_array();
  REQUIRE(tenders.size() == 1);
  CHECK(tenders[0].at("compatibility_key") == "school-administration-software");
  CHECK(tenders[0].at("members").as_array().size() == 12);
  CHECK(tenders[0].at("procedure") == "open");
  CHECK(tenders[0].at("status") == "proposed");
  CHECK(tenders[0].at("reasons").at(0).at("code") == "JOINT_TENDER");
  const auto hardware = test::http_get(f.port(), "/api/v1/bundles?category=hardware", f.coordinator).json();
  CHECK(hardware.at("items").as_array().size() == 2);
  CHECK(test::http_get(f.port(), "/api/v1/bundles?decision=maybe", f.coordinator).status == 400);
  CHECK(test::http_get(f.port(), "/api/v1/bundles?run=999", f.coordinator).status == 404);
}

TEST_CASE("a municipality sees only the bundles it takes part in and the flags on its own intents") {
  api_fixture f;
  submit_scenario(f);
  REQUIRE(start_run(f, f.coordinator).status == 201);
  const auto mine = test::http_get(f.port(), "/api/v1/bundles?limit=500", f.kriens).json();
  std::set<std::string> keys;
  for (const auto& b : mine.at("items").as_array()) {
    keys.insert(std::string{b.at("compatibility_key").as_string()});
    bool kriens_in_it = false;
    for (const auto& m : b.at("members").as_array()) kriens_in_it = kriens_in_it || m.at("organisation") == "1059";
    CHECK(kriens_in_it);
  }
  CHECK(keys == std::set<std::string>{"laptop-office", "school-administration-software"});
  // Emmen's laptop bundle is not Kriens's business.
  const auto all = test::http_get(f.port(), "/api/v1/bundles?category=hardware", f.coordinator).json();
  for (const auto& b : all.at("items").as_array()) {
    const auto id = std::to_string(b.at("id").as_int64());
    const bool kriens = b.at("members").at(0).at("organisation") == "1059";
    CHECK(test::http_get(f.port(), "/api/v1/bundles/" + id, f.kriens).status == (kriens ? 200u : 404u));
  }
  const auto flags = test::http_get(f.port(), "/api/v1/flags", f.kriens).json();
  REQUIRE_FALSE(flags.at("items").as_array().empty());
  for (const auto& flag : flags.at("items").as_array()) CHECK(flag.at("organisation") == "1059");
  CHECK(test::http_get(f.port(), "/api/v1/flags?organisation=1024", f.kriens).status == 403);
  // Before: an unknown code listed nothing with 200, as if there were no such flags.
  const auto unknown = test::http_get(f.port(), "/api/v1/flags?code=FOO", f.kriens);
  CHECK(unknown.status == 400);
  CHECK(unknown.json().at("errors").at(0).at("field") == "code");
  const auto small = test::http_request(f.port(), verb::get, "/api/v1/flags?code=HARDWARE_TOO_SMALL_FOR_PUBLIC_TENDER", {},
                                        api_fixture::auth(f.kriens, {{"Accept-Language", "de"}}));
  REQUIRE(small.json().at("items").as_array().size() == 1);
  CHECK(std::string{small.json().at("items").at(0).at("message").as_string()}.find("lohnt sich nicht") != std::string::npos);
  CHECK(small.json().at("items").at(0).at("details").at("open_threshold_chf").to_number<double>() == 250000.0);
  // A flag names its intent's item, by its name in the caller's language (before: an intent number only).
  CHECK(small.json().at("items").at(0).at("item") == "laptop-standard-14");
  CHECK(small.json().at("items").at(0).at("item_name") == "Laptop Standard-Arbeitsplatz 14 Zoll");
}

TEST_CASE("a read names only parameters its route knows: the bundles by status, and a misspelt parameter refused, never ignored") {
  api_fixture f;
  submit_scenario(f);
  REQUIRE(test::http_request(f.port(), verb::post, "/api/v1/bundling-runs", {}, api_fixture::auth(f.coordinator)).status == 201);
  const auto proposed = test::http_get(f.port(), "/api/v1/bundles?status=proposed", f.coordinator).json();
  CHECK_FALSE(proposed.at("items").as_array().empty());
  // Before: status was not read, and every bundle came back as if approved.
  CHECK(test::http_get(f.port(), "/api/v1/bundles?status=approved", f.coordinator).json().at("items").as_array().empty());
  CHECK(test::http_get(f.port(), "/api/v1/bundles?status=done", f.coordinator).status == 400);
  for (const char* target : {"/api/v1/bundles?colour=red", "/api/v1/intents?organisaton=1059", "/api/v1/flags?cod=SINGLE_BUYER",
                             "/api/v1/catalog/items?query=laptop"}) {
    const auto reply = test::http_request(f.port(), verb::get, target, {}, api_fixture::auth(f.coordinator, {{"Accept-Language", "de"}}));
    CHECK_MESSAGE(reply.status == 400, target);
    if (reply.status != 400) continue;
    CHECK(reply.json().at("errors").at(0).at("reason") == "ist keine Angabe, die diese Adresse kennt");
  }
}

TEST_CASE("a run never changes intents and leaves withdrawn ones out") {
  api_fixture f;
  submit_scenario(f);
  const auto withdrawn = test::http_request(f.port(), verb::delete_, "/api/v1/intents/14", {}, api_fixture::auth(f.coordinator));
  REQUIRE(withdrawn.status == 200);
  const auto before = test::http_get(f.port(), "/api/v1/intents?limit=500", f.coordinator).json();
  const auto run = start_run(f, f.coordinator);
  REQUIRE(run.status == 201);
  CHECK(run.json().at("intents") == 13);
  // The intents are as they were; each submitted one now links to its proposal, the withdrawn one to none.
  auto after = test::http_get(f.port(), "/api/v1/intents?limit=500", f.coordinator).json();
  for (auto& intent : after.at("items").as_array()) {
    CHECK(intent.at("bundle").is_object() == (intent.at("status") == "submitted"));
    intent.as_object()["bundle"] = nullptr;
  }
  CHECK(after == before);
  const auto flags = test::http_get(f.port(), "/api/v1/flags?limit=500", f.coordinator).json();
  for (const auto& flag : flags.at("items").as_array()) CHECK(flag.at("intent") != 14);
  const auto audit = test::http_get(f.port(), "/api/v1/audit?entity=bundling_run&id=" + std::to_string(run.json().at("id").as_int64()),
                                    f.auditor);
  CHECK(audit.json().at("items").as_array().size() == 1);
}

TEST_CASE("a full page of bundles carries each bundle's own members, across the store's query chunks") {
  api_fixture f;
  submit_scenario(f);
  // 230 laptops of Emmen, two days apart and one day long: each its own bundle, so that a page of
  // 500 holds more than 200 bundles (the store reads members 200 bundles at a time).
  for (int k = 0; k < 230; ++k) f.add_intent("1024", "laptop-standard-14", 1 + k % 7, 2 * k, 2 * k);
  std::multiset<long long> submitted;
  const auto intents = test::http_get(f.port(), "/api/v1/intents?limit=500", f.coordinator).json();
  for (const auto& i : intents.at("items").as_array()) submitted.insert(i.at("id").as_int64());
  REQUIRE(submitted.size() == 244);
  REQUIRE(start_run(f, f.coordinator).status == 201);
  const auto page = test::http_get(f.port(), "/api/v1/bundles?limit=500", f.coordinator).json();
  const auto& bundles = page.at("items").as_array();
  REQUIRE(bundles.size() > 200);
  std::multiset<long long> listed;
  for (const auto& b : bundles) {
    const auto alone = test::http_get(f.port(), "/api/v1/bundles/" + std::to_string(b.at("id").as_int64()), f.coordinator).json();
    CHECK(b.at("members") == alone.at("members"));
    CHECK(b.at("buyers") == alone.at("buyers"));
    for (const auto& m : b.at("members").as_array()) listed.insert(m.at("intent").as_int64());
  }
  // Every intent is in exactly one bundle of the run.
  CHECK(listed == submitted);
}

TEST_CASE("runs can be looked up: newest first, with who ran them by name, page by page") {
  api_fixture f;
  submit_scenario(f);
  for (int k = 0; k < 3; ++k) {
    REQUIRE(test::http_request(f.port(), verb::post, "/api/v1/bundling-runs", {}, api_fixture::auth(f.coordinator)).status == 201);
  }
  const auto first = test::http_get(f.port(), "/api/v1/bundling-runs?limit=2", f.auditor).json();
  const auto& items = first.at("items").as_array();
  REQUIRE(items.size() == 2);
  CHECK(items[0].at("id").as_int64() > items[1].at("id").as_int64());
  CHECK(items[0].at("created_by_name") == "Programmbüro");
  CHECK(items[0].at("intents").as_int64() > 0);
  const std::string cursor{first.at("next_cursor").as_string()};
  const auto rest = test::http_get(f.port(), "/api/v1/bundling-runs?limit=2&cursor=" + cursor, f.auditor).json();
  REQUIRE(rest.at("items").as_array().size() == 1);
  CHECK(rest.at("items").at(0).at("id").as_int64() < items[1].at("id").as_int64());
  CHECK(rest.at("next_cursor").is_null());
  CHECK(test::http_get(f.port(), "/api/v1/bundling-runs", f.kriens).status == 403);
}
