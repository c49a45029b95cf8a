// From opportunity to agreement over HTTP on both backends (DOMAIN.md §4.8): a coordinator starts a
// framework tender on a run's FRAMEWORK_AGREEMENT_OPPORTUNITY horizon; it is reviewed like a joint
// tender (every buyer confirms), its quantity schedule lists each buyer's own window, its value is
// the horizon's; once tendered it is awarded into an agreement with the supplier's prices, from
// which its buyers call off. Refusals: twice, intents in a decided tender, award before tendering
// or twice, a price list without the tender's item, a municipality.
#include <doctest/doctest.h>

#include <set>

#include "api/store/framework_agreements.hpp"
#include "tests/support/api_fixture.hpp"

using namespace jointbuy;
using boost::beast::http::verb;
using test::api_fixture;

namespace {

test::http_reply call(api_fixture& f, const std::string& token, verb method, const std::string& target, const std::string& body = {},
                      test::header_list extra = {}) {
  if (!body.empty()) extra.emplace_back("Content-Type", "application/json");
  return test::http_request(f.port(), method, target, body, api_fixture::auth(token, extra));
}

// Kriens and Emmen each need 17 smartphones 15 times, in a week of their own 12 days apart: no
// common award date, CHF 331'500 over the horizon.
std::vector<std::string> smartphone_buyers(api_fixture& f) {
  const std::vector<std::string> buyers{"1024", "1059"};
  for (int k = 0; k < 30; ++k) f.add_intent(buyers[static_cast<std::size_t>(k % 2)], "smartphone-admin", 17, k * 12, k * 12 + 5);
  return buyers;
}

std::string horizon_of_latest_run(api_fixture& f) {
  REQUIRE(call(f, f.coordinator, verb::post, "/api/v1/bundling-runs").status == 201);
  const auto list = call(f, f.coordinator, verb::get, "/api/v1/agreement-opportunities").json();
  REQUIRE(list.at("items").as_array().size() == 1);
  return std::string{list.at("items").as_array()[0].at("horizon").as_string()};
}

std::string start_body(const std::string& horizon) { return R"({"horizon": ")" + horizon + R"("})"; }

std::string award_body(const std::string& items = R"([{"item": "smartphone-admin", "unit_price_chf": 590}])") {
  return R"({"supplier": "Beispiel Mobile AG", "valid_from": "2027-01-01", "valid_to": "2030-12-31", "items": )" + items + "}";
}

std::string bundle_path(long long id, const std::string& rest = "") { return "/api/v1/bundles/" + std::to_string(id) + rest; }

}  // namespace

TEST_CASE("a framework tender on an opportunity: reviewed like a joint tender, awarded into an agreement its buyers call off from") {
  api_fixture f;
  const auto buyers = smartphone_buyers(f);
  const auto horizon = horizon_of_latest_run(f);
  const auto opportunity = call(f, f.coordinator, verb::get, "/api/v1/agreement-opportunities").json().at("items").as_array()[0];

  // A municipality cannot start one.
  CHECK(call(f, f.kriens, verb::post, "/api/v1/framework-tenders", start_body(horizon)).status == 403);
  const auto started = call(f, f.coordinator, verb::post, "/api/v1/framework-tenders", start_body(horizon), {{"Accept-Language", "de"}});
  REQUIRE(started.status == 201);
  const auto tender = started.json();
  const auto id = tender.at("id").as_int64();
  CHECK(started.header("Location") == bundle_path(id));
  CHECK(tender.at("kind").as_string() == "framework");
  CHECK(tender.at("status").as_string() == "approved");
  CHECK(tender.at("decision").as_string() == "joint_tender");
  CHECK(tender.at("tender").as_string() == horizon);
  // Its value is the horizon's total over the term, as the opportunity said.
  CHECK(tender.at("value_chf").to_number<double>() == opportunity.at("value_chf").to_number<double>());
  CHECK(tender.at("value_chf").to_number<double>() == 30 * 17 * 650);
  CHECK(tender.at("estimated_savings_chf").to_number<double>() == opportunity.at("savings_chf").to_number<double>());
  CHECK(tender.at("buyers").as_int64() == 2);
  CHECK(tender.at("members").as_array().size() == 30);
  CHECK(tender.at("answers").as_object().size() == 2);
  CHECK(tender.at("agreement").is_null());
  CHECK(std::string{tender.at("reasons").as_array()[0].at("message").as_string()}.find("Rahmenvertrag") != std::string::npos);

  // Twice on the same horizon is 409, naming the tender.
  const auto twice = call(f, f.coordinator, verb::post, "/api/v1/framework-tenders", start_body(horizon));
  CHECK(twice.status == 409);
  CHECK(twice.json().at("type").as_string() == "urn:jointbuy:problem:framework-tender-started");
  CHECK(call(f, f.coordinator, verb::post, "/api/v1/framework-tenders", start_body("smartphone/2020-01-01")).status == 404);
  CHECK(call(f, f.coordinator, verb::post, "/api/v1/framework-tenders", R"({"horizon": 7})").status == 422);

  // The buyers were asked (events); Kriens sees the tender, and its schedule rows carry each buyer's own window.
  CHECK(call(f, f.kriens, verb::get, bundle_path(id)).status == 200);
  const auto csv = call(f, f.coordinator, verb::get, bundle_path(id, "/schedule.csv"));
  REQUIRE(csv.status == 200);
  CHECK(csv.body.find("2027-01-01") != std::string::npos);
  CHECK(csv.body.find("2027-01-13") != std::string::npos);  // the second buyer's window starts 12 days later
  CHECK(csv.body.find("2027-12-15") != std::string::npos);  // the 30th purchase's starts on day 348

  // A later run leaves its intents out: they belong to a decided tender now.
  REQUIRE(call(f, f.coordinator, verb::post, "/api/v1/bundling-runs").status == 201);
  CHECK(call(f, f.coordinator, verb::get, "/api/v1/agreement-opportunities").json().at("items").as_array().empty());

  // Its intents are bought through it: another agreement cannot take them.
  const auto other = call(f, f.coordinator, verb::post, "/api/v1/framework-agreements",
                          R"({"title": "Smartphones", "supplier": "X AG", "source": "central_purchasing_body", "valid_from": "2027-01-01",
                              "valid_to": "2029-12-31", "eligible_organisations": "all", "ceiling_chf": 100000,
                              "items": [{"item": "smartphone-admin", "unit_price_chf": 600}]})");
  REQUIRE(other.status == 201);
  const auto first_of_kriens = call(f, f.kriens, verb::get, "/api/v1/intents?organisation=1059").json().at("items").as_array()[0].at("id").as_int64();
  const auto elsewhere = call(f, f.kriens, verb::post, "/api/v1/framework-agreements/" + std::to_string(other.json().at("id").as_int64()) + "/call-offs",
                              R"({"intent": )" + std::to_string(first_of_kriens) + R"(, "date": "2027-01-02"})");
  CHECK(elsewhere.status == 409);
  CHECK(elsewhere.json().at("type").as_string() == "urn:jointbuy:problem:in-tender");

  // Not yet tendered: no award.
  CHECK(call(f, f.coordinator, verb::post, bundle_path(id, "/agreement"), award_body()).json().at("type").as_string() ==
        "urn:jointbuy:problem:not-tendered");
  // Publishing waits for every buyer's confirmation.
  for (const auto* token : {&f.kriens, &f.emmen}) {
    const auto pending = call(f, f.coordinator, verb::get, bundle_path(id)).json();
    const auto& allowed = pending.at("allowed_actions").as_array();
    CHECK(std::find(allowed.begin(), allowed.end(), boost::json::value("tendered")) == allowed.end());
    const auto version = "\"" + std::to_string(pending.at("version").as_int64()) + "\"";
    REQUIRE(call(f, *token, verb::post, bundle_path(id, "/participation"), R"({"answer": "confirm"})", {{"If-Match", version}}).status == 200);
  }
  auto b = call(f, f.coordinator, verb::get, bundle_path(id)).json();
  const auto etag = "\"" + std::to_string(b.at("version").as_int64()) + "\"";
  REQUIRE(call(f, f.coordinator, verb::post, bundle_path(id, "/decision"), R"({"decision": "tendered", "reference": "simap 2027-555"})",
               {{"If-Match", etag}})
              .status == 200);

  // The award: the supplier's price list must cover the tender's item; a municipality may not award.
  CHECK(call(f, f.kriens, verb::post, bundle_path(id, "/agreement"), award_body()).status == 403);
  const auto missing = call(f, f.coordinator, verb::post, bundle_path(id, "/agreement"),
                            award_body(R"([{"item": "monitor-24", "unit_price_chf": 150}])"), {{"Accept-Language", "de"}});
  REQUIRE(missing.status == 422);
  CHECK(missing.body.find("smartphone-admin") != std::string::npos);
  const auto awarded = call(f, f.coordinator, verb::post, bundle_path(id, "/agreement"), award_body());
  REQUIRE(awarded.status == 201);
  const auto agreement = awarded.json();
  const auto agreement_id = agreement.at("id").as_int64();
  CHECK(awarded.header("Location") == "/api/v1/framework-agreements/" + std::to_string(agreement_id));
  CHECK(agreement.at("source").as_string() == "own_tender");
  CHECK(agreement.at("reference").as_string() == "simap 2027-555");
  CHECK(agreement.at("tender").as_int64() == id);
  CHECK(agreement.at("ceiling_chf").to_number<double>() == 30 * 17 * 650);
  std::set<std::string> eligible;
  for (const auto& o : agreement.at("eligible_organisations").as_array()) eligible.insert(std::string{o.as_string()});
  CHECK(eligible == std::set<std::string>(buyers.begin(), buyers.end()));
  CHECK(call(f, f.coordinator, verb::get, bundle_path(id)).json().at("agreement").as_int64() == agreement_id);
  // Twice is 409.
  CHECK(call(f, f.coordinator, verb::post, bundle_path(id, "/agreement"), award_body()).json().at("type").as_string() ==
        "urn:jointbuy:problem:awarded");

  // Kriens calls off its intent from the new agreement at the supplier's price.
  const auto mine = call(f, f.kriens, verb::get, "/api/v1/intents?organisation=1059").json().at("items").as_array();
  REQUIRE(mine.size() == 15);
  const auto intent = mine[0].at("id").as_int64();
  const auto made = call(f, f.kriens, verb::post, "/api/v1/framework-agreements/" + std::to_string(agreement_id) + "/call-offs",
                         R"({"intent": )" + std::to_string(intent) + R"(, "date": "2027-01-02"})");
  REQUIRE(made.status == 201);
  CHECK(made.json().at("value_chf").to_number<double>() == 17 * 590);
  CHECK(store::find_agreement(*f.db, agreement_id)->consumed == 17 * 59'000);
}

TEST_CASE("an intent in a decided tender cannot join a framework tender; a withdrawn one frees its horizon") {
  api_fixture f;
  smartphone_buyers(f);
  const auto horizon = horizon_of_latest_run(f);
  const auto first = call(f, f.coordinator, verb::post, "/api/v1/framework-tenders", start_body(horizon));
  REQUIRE(first.status == 201);
  const auto id = first.json().at("id").as_int64();
  const auto run = first.json().at("run").as_int64();
  const auto etag = "\"" + std::to_string(first.json().at("version").as_int64()) + "\"";
  REQUIRE(call(f, f.coordinator, verb::post, bundle_path(id, "/decision"), R"({"decision": "withdraw"})", {{"If-Match", etag}}).status == 200);
  // A newer run finds the same horizon again; a framework tender on it holds its intents.
  CHECK(horizon_of_latest_run(f) == horizon);
  const auto again = call(f, f.coordinator, verb::post, "/api/v1/framework-tenders", start_body(horizon));
  REQUIRE(again.status == 201);
  CHECK(again.json().at("run").as_int64() > run);
  // The first run's opportunity names the same intents: they are in a decided tender now.
  const auto rows_before = f.rows("bundles");
  const auto held = call(f, f.coordinator, verb::post, "/api/v1/framework-tenders",
                         R"({"horizon": ")" + horizon + R"(", "run": )" + std::to_string(run) + "}", {{"Accept-Language", "de"}});
  REQUIRE(held.status == 409);
  CHECK(held.json().at("type").as_string() == "urn:jointbuy:problem:in-tender");
  CHECK(std::string{held.json().at("detail").as_string()}.find("Beschaffungsabsicht") != std::string::npos);
  CHECK(f.rows("bundles") == rows_before);
}
