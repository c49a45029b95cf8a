// Framework agreements and call-offs over HTTP on both backends: the coordinator's agreement with
// version and If-Match, field checks in German, a municipality's call-off of its own intent (the
// price from the price list on the call-off date, the intent left out of later runs), refusals with
// their reasons, 16 concurrent call-offs against a ceiling that holds 10, the 80 % event, the CSV and
// the OCDS release of a call-off.
#include <doctest/doctest.h>

#include <atomic>
#include <thread>

#include "api/store/framework_agreements.hpp"
#include "catalog/json_schema.hpp"
#include "tests/support/api_fixture.hpp"
#include "tests/support/schema_files.hpp"

using namespace jointbuy;
using boost::beast::http::verb;
using test::api_fixture;

namespace {

test::http_reply call(api_fixture& f, const std::string& token, verb method, const std::string& target, const std::string& body = {},
                      test::header_list extra = {}) {
  if (!body.empty()) extra.emplace_back("Content-Type", "application/json");
  return test::http_request(f.port(), method, target, body, api_fixture::auth(token, extra));
}

std::string agreement_body(const std::string& ceiling = "10200", const std::string& extra = "") {
  return R"({"title": "Notebooks eOperations", "supplier": "Beispiel Informatik AG", "source": "central_purchasing_body",
             "legal_basis": "IVöB Art. 25", "reference": "simap 1234567", "valid_from": "2027-01-01", "valid_to": "2029-12-31",
             "eligible_organisations": ["1059", "1024"], "ceiling_chf": )" +
         ceiling + extra +
         R"(, "items": [{"item": "laptop-standard-14", "unit_price_chf": 1020},
                        {"item": "laptop-standard-14", "unit_price_chf": 990, "valid_from": "2027-07-01"}]})";
}

long long create_agreement(api_fixture& f, const std::string& body) {
  const auto reply = call(f, f.coordinator, verb::post, "/api/v1/framework-agreements", body);
  REQUIRE(reply.status == 201);
  return reply.json().at("id").as_int64();
}

std::string path(long long id, const std::string& rest = "") { return "/api/v1/framework-agreements/" + std::to_string(id) + rest; }

long long intent_of(api_fixture& f, const std::string& token, std::int64_t quantity, const std::string& item = "laptop-standard-14") {
  const auto reply = call(f, token, verb::post, "/api/v1/intents",
                          R"({"item": ")" + item + R"(", "quantity": )" + std::to_string(quantity) +
                              R"(, "earliest": "2027-03-01", "latest": "2027-04-30"})");
  REQUIRE(reply.status == 201);
  return reply.json().at("id").as_int64();
}

const boost::json::value* field_error(const boost::json::value& problem, const std::string& field) {
  for (const auto& e : problem.at("errors").as_array()) {
    if (e.at("field").as_string() == field) return &e;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("a coordinator keeps an agreement with version and If-Match; bad fields are named in German") {
  api_fixture f;
  const auto id = create_agreement(f, agreement_body());
  auto got = call(f, f.kriens, verb::get, path(id));
  REQUIRE(got.status == 200);
  const auto json = got.json();
  CHECK(json.at("remaining_chf").to_number<double>() == 10200);
  CHECK(json.at("items").as_array().size() == 2);
  CHECK(json.at("items").as_array()[0].at("item_name").as_string().size() > 0);
  // An organisation that is not eligible does not see it; nor may a municipality write one.
  CHECK(call(f, f.auditor, verb::get, path(id)).status == 200);
  CHECK(call(f, f.kriens, verb::post, "/api/v1/framework-agreements", agreement_body()).status == 403);
  // PUT needs the version; a stale one is 412.
  CHECK(call(f, f.coordinator, verb::put, path(id), agreement_body("20000")).status == 428);
  CHECK(call(f, f.coordinator, verb::put, path(id), agreement_body("20000"), {{"If-Match", "\"7\""}}).status == 412);
  const auto put = call(f, f.coordinator, verb::put, path(id), agreement_body("20000"), {{"If-Match", got.header("ETag")}});
  REQUIRE(put.status == 200);
  CHECK(put.json().at("version").as_int64() == 2);
  // Field by field, in German.
  const auto bad = call(f, f.coordinator, verb::post, "/api/v1/framework-agreements",
                        R"({"title": " ", "supplier": "X", "source": "own_tender", "valid_from": "2027-01-01", "valid_to": "2033-01-01",
                            "eligible_organisations": ["9999"], "ceiling_chf": 1000.005,
                            "items": [{"item": "no-such-item", "unit_price_chf": 1}, {"item": "monitor-24", "unit_price_chf": 1, "valid_from": "2040-01-01"}]})",
                        {{"Accept-Language", "de"}});
  REQUIRE(bad.status == 422);
  const auto problem = bad.json();
  CHECK(field_error(problem, "title") != nullptr);
  REQUIRE(field_error(problem, "justification") != nullptr);
  CHECK(std::string{field_error(problem, "justification")->at("reason").as_string()}.find("5 Jahren") != std::string::npos);
  CHECK(field_error(problem, "eligible_organisations[0]") != nullptr);
  CHECK(field_error(problem, "ceiling_chf") != nullptr);
  CHECK(field_error(problem, "items[0].item") != nullptr);
  CHECK(field_error(problem, "items[1].valid_from") != nullptr);
  CHECK(store::all_agreements(*f.db).size() == 1);
  // More than five years with a justification is accepted.
  CHECK(call(f, f.coordinator, verb::post, "/api/v1/framework-agreements",
             agreement_body("1000", R"(, "justification": "Lebenszyklus der Geräte")").replace(agreement_body().find("2029-12-31"), 10, "2033-06-30"))
            .status == 201);
}

TEST_CASE("a municipality calls off its own intent: the price of the day, the ceiling taken, the intent out of later runs") {
  api_fixture f;
  const auto id = create_agreement(f, agreement_body());
  const auto intent = intent_of(f, f.kriens, 4);
  const auto reply = call(f, f.kriens, verb::post, path(id, "/call-offs"), R"({"intent": )" + std::to_string(intent) + R"(, "date": "2027-03-15"})");
  REQUIRE(reply.status == 201);
  const auto c = reply.json();
  CHECK(c.at("unit_price_chf").to_number<double>() == 1020);
  CHECK(c.at("value_chf").to_number<double>() == 4080);
  CHECK(c.at("organisation_name").as_string() == "Kriens (1059)");
  CHECK(std::string{c.at("created_by_name").as_string()}.find("Kriens") != std::string::npos);
  CHECK(call(f, f.coordinator, verb::get, path(id)).json().at("consumed_chf").to_number<double>() == 4080);
  CHECK(call(f, f.kriens, verb::get, "/api/v1/intents/" + std::to_string(intent)).json().at("call_off").as_int64() == c.at("id").as_int64());
  // The same intent twice is 409; changing it is 409 too.
  const auto twice = call(f, f.kriens, verb::post, path(id, "/call-offs"), R"({"intent": )" + std::to_string(intent) + "}");
  CHECK(twice.status == 409);
  CHECK(twice.json().at("type").as_string() == "urn:jointbuy:problem:called-off");
  // A run leaves it out.
  REQUIRE(call(f, f.coordinator, verb::post, "/api/v1/bundling-runs").status == 201);
  const auto flags = call(f, f.coordinator, verb::get, "/api/v1/flags?organisation=1059").json();
  for (const auto& flag : flags.at("items").as_array()) CHECK(flag.at("intent").as_int64() != intent);
  // After 1 July the second price list version applies.
  const auto later = call(f, f.coordinator, verb::post, path(id, "/call-offs"),
                          R"({"item": "laptop-standard-14", "quantity": 2, "organisation": "1024", "date": "2027-07-01"})");
  REQUIRE(later.status == 201);
  CHECK(later.json().at("unit_price_chf").to_number<double>() == 990);
  // Another municipality's intent does not exist for Kriens; Kriens cannot call off for Emmen.
  const auto emmen_intent = intent_of(f, f.emmen, 1);
  CHECK(call(f, f.kriens, verb::post, path(id, "/call-offs"), R"({"intent": )" + std::to_string(emmen_intent) + "}").status == 404);
  CHECK(call(f, f.kriens, verb::post, path(id, "/call-offs"), R"({"item": "laptop-standard-14", "quantity": 1, "organisation": "1024"})").status == 403);
  // Kriens lists only its own call-offs; the coordinator all.
  CHECK(call(f, f.kriens, verb::get, path(id, "/call-offs")).json().at("items").as_array().size() == 1);
  CHECK(call(f, f.coordinator, verb::get, path(id, "/call-offs")).json().at("items").as_array().size() == 2);
}

TEST_CASE("an expired agreement, an ineligible buyer or an unlisted item is 422 with the reason") {
  api_fixture f;
  const auto id = create_agreement(f, agreement_body());
  const auto expired = call(f, f.kriens, verb::post, path(id, "/call-offs"), R"({"item": "laptop-standard-14", "quantity": 1, "date": "2030-01-01"})",
                            {{"Accept-Language", "de"}});
  REQUIRE(expired.status == 422);
  CHECK(std::string{field_error(expired.json(), "date")->at("reason").as_string()}.find("31.12.2029") != std::string::npos);
  const auto unlisted = call(f, f.kriens, verb::post, path(id, "/call-offs"), R"({"item": "monitor-24", "quantity": 1, "date": "2027-03-01"})");
  REQUIRE(unlisted.status == 422);
  CHECK(field_error(unlisted.json(), "item") != nullptr);
  // Horw (1058) is not eligible: a coordinator calling off for it is refused by the agreement.
  const auto ineligible = call(f, f.coordinator, verb::post, path(id, "/call-offs"),
                               R"({"item": "laptop-standard-14", "quantity": 1, "organisation": "1058", "date": "2027-03-01"})");
  REQUIRE(ineligible.status == 422);
  CHECK(field_error(ineligible.json(), "organisation") != nullptr);
  // Neither intent nor item: the schema says what is missing.
  CHECK(call(f, f.kriens, verb::post, path(id, "/call-offs"), R"({"quantity": 1})").status == 422);
  CHECK(store::list_call_offs(*f.db, id, std::nullopt).empty());
}

TEST_CASE("16 concurrent call-offs against a ceiling that holds 10: exactly 10 succeed, the ceiling is never exceeded") {
  api_fixture f;
  // CHF 10'200 at CHF 1'020 a laptop: ten call-offs of one.
  const auto id = create_agreement(f, agreement_body("10200"));
  std::atomic<int> created{0}, refused{0}, other{0};
  std::vector<std::thread> threads;
  for (int k = 0; k < 16; ++k) {
    threads.emplace_back([&, k] {
      const auto reply = call(f, k % 2 == 0 ? f.kriens : f.emmen, verb::post, path(id, "/call-offs"),
                              R"({"item": "laptop-standard-14", "quantity": 1, "date": "2027-03-01"})");
      if (reply.status == 201) {
        ++created;
      } else if (reply.status == 409 && reply.json().at("type").as_string() == "urn:jointbuy:problem:ceiling-exceeded") {
        ++refused;
        CHECK(reply.json().at("remaining_chf").to_number<double>() < 1020);
      } else {
        ++other;
      }
    });
  }
  for (auto& t : threads) t.join();
  CHECK(created == 10);
  CHECK(refused == 6);
  CHECK(other == 0);
  const auto stored = *store::find_agreement(*f.db, id);
  CHECK(stored.consumed == stored.ceiling);
  CHECK(store::list_call_offs(*f.db, id, std::nullopt).size() == 10);
  // The coordinators were told once, at 80 %.
  const auto events = call(f, f.coordinator, verb::get, "/api/v1/events?since=0").json();
  int alerts = 0;
  for (const auto& e : events.at("items").as_array()) alerts += e.at("kind").as_string() == "agreement_ceiling_80" ? 1 : 0;
  CHECK(alerts == 1);
  // A lower ceiling than what was taken is refused.
  const auto version = call(f, f.coordinator, verb::get, path(id)).header("ETag");
  CHECK(call(f, f.coordinator, verb::put, path(id), agreement_body("5000"), {{"If-Match", version}}).status == 422);
}

TEST_CASE("call-offs export as CSV and each as an OCDS release linked to its agreement") {
  api_fixture f;
  const auto id = create_agreement(f, agreement_body());
  const auto c = call(f, f.kriens, verb::post, path(id, "/call-offs"), R"({"item": "laptop-standard-14", "quantity": 3, "date": "2027-03-01"})");
  REQUIRE(c.status == 201);
  const auto csv = call(f, f.coordinator, verb::get, path(id, "/call-offs.csv?lang=de&sep=semicolon"));
  REQUIRE(csv.status == 200);
  CHECK(csv.body.find("Abruf;Rahmenvertrag") != std::string::npos);
  CHECK(csv.body.find("Kriens") != std::string::npos);
  CHECK(csv.body.find("Total") != std::string::npos);
  const auto ocds = call(f, f.kriens, verb::get, "/api/v1/call-offs/" + std::to_string(c.json().at("id").as_int64()) + "/ocds.json");
  REQUIRE(ocds.status == 200);
  const auto release = ocds.json();
  const auto& related = release.at("relatedProcesses").as_array().at(0);
  CHECK(related.at("relationship").as_array().at(0).as_string() == "framework");
  CHECK(related.at("identifier").as_string() == "ocds-jointbuy-lu-fa-" + std::to_string(id));
  const auto schema = test::schema_document("ocds-1.1-release-schema.json");
  const auto errors = catalog::validate_against(schema, release);
  for (const auto& e : errors) INFO(e.path << ": " << e.reason);
  CHECK(errors.empty());
  // Emmen does not see Kriens's call-off.
  CHECK(call(f, f.emmen, verb::get, "/api/v1/call-offs/" + std::to_string(c.json().at("id").as_int64()) + "/ocds.json").status == 404);
}
