// Bad input gets a clear error and loses nothing: one table of malformed intents, each with the
// status and the field it must be answered with, none leaving a row behind.
#include <doctest/doctest.h>

#include <map>

#include "tests/support/api_fixture.hpp"

using namespace jointbuy;
using boost::beast::http::verb;
using test::api_fixture;

namespace {

struct bad_input {
  const char* name;
  std::string body;
  unsigned status;
  const char* field;  // "" when the answer names no field
  const char* bearer = "kriens";
  const char* content_type = "application/json";
};

std::string intent_with(const std::string& replacement_fields) {
  return R"({"item":"laptop-standard-14","quantity":40,"earliest":"2027-02-01","latest":"2027-05-31")" +
         (replacement_fields.empty() ? std::string{} : "," + replacement_fields) + "}";
}

std::string nested(int depth) { return std::string(static_cast<std::size_t>(depth), '[') + std::string(static_cast<std::size_t>(depth), ']'); }

}  // namespace

TEST_CASE("malformed intents are refused with the right status and field, and store nothing") {
  api_fixture f;
  const std::vector<bad_input> cases{
      {"quantity as text", R"({"item":"laptop-standard-14","quantity":"40","earliest":"2027-02-01","latest":"2027-05-31"})", 422, "quantity"},
      {"quantity with a fraction", R"({"item":"laptop-standard-14","quantity":1.5,"earliest":"2027-02-01","latest":"2027-05-31"})", 422, "quantity"},
      {"negative quantity", R"({"item":"laptop-standard-14","quantity":-5,"earliest":"2027-02-01","latest":"2027-05-31"})", 422, "quantity"},
      {"zero quantity", R"({"item":"laptop-standard-14","quantity":0,"earliest":"2027-02-01","latest":"2027-05-31"})", 422, "quantity"},
      {"huge quantity", R"({"item":"laptop-standard-14","quantity":1e20,"earliest":"2027-02-01","latest":"2027-05-31"})", 422, "quantity"},
      {"quantity beyond the limit", R"({"item":"laptop-standard-14","quantity":99999999999,"earliest":"2027-02-01","latest":"2027-05-31"})", 422, "quantity"},
      {"a value beyond CHF 10 billion", R"({"item":"laptop-standard-14","quantity":9000000,"unit_price_chf":9999999,"earliest":"2027-02-01","latest":"2027-05-31"})", 422, "quantity"},
      {"missing item", R"({"quantity":40,"earliest":"2027-02-01","latest":"2027-05-31"})", 422, "item"},
      {"missing quantity", R"({"item":"laptop-standard-14","earliest":"2027-02-01","latest":"2027-05-31"})", 422, "quantity"},
      {"missing earliest", R"({"item":"laptop-standard-14","quantity":40,"latest":"2027-05-31"})", 422, "earliest"},
      {"missing latest", R"({"item":"laptop-standard-14","quantity":40,"earliest":"2027-02-01"})", 422, "latest"},
      {"price with 3 decimals", intent_with(R"("unit_price_chf":1150.005)"), 422, "unit_price_chf"},
      {"negative price", intent_with(R"("unit_price_chf":-1)"), 422, "unit_price_chf"},
      {"price as text", intent_with(R"("unit_price_chf":"1150")"), 422, "unit_price_chf"},
      {"reversed window", R"({"item":"laptop-standard-14","quantity":40,"earliest":"2027-05-31","latest":"2027-02-01"})", 422, "latest"},
      {"impossible date", R"({"item":"laptop-standard-14","quantity":40,"earliest":"2027-02-01","latest":"2027-02-30"})", 422, "latest"},
      {"Swiss date in JSON", R"({"item":"laptop-standard-14","quantity":40,"earliest":"01.02.2027","latest":"2027-05-31"})", 422, "earliest"},
      {"latest in the past", R"({"item":"laptop-standard-14","quantity":40,"earliest":"2025-02-01","latest":"2026-01-31"})", 422, "latest"},
      {"window over 3 years", R"({"item":"laptop-standard-14","quantity":40,"earliest":"2027-01-01","latest":"2030-06-30"})", 422, "latest"},
      {"unknown item", R"({"item":"flying-car","quantity":40,"earliest":"2027-02-01","latest":"2027-05-31"})", 422, "item"},
      {"item as a number", R"({"item":42,"quantity":40,"earliest":"2027-02-01","latest":"2027-05-31"})", 422, "item"},
      {"SQL fragment as item", R"({"item":"x'); DROP TABLE intents; --","quantity":40,"earliest":"2027-02-01","latest":"2027-05-31"})", 422, "item"},
      {"unknown organisation", intent_with(R"("organisation":"9999")"), 422, "organisation", "coordinator"},
      {"unknown field", intent_with(R"("colour":"black")"), 422, "colour"},
      {"note over 2000 characters", intent_with(R"("note":")" + std::string(2001, 'x') + "\""), 422, "note"},
      {"contract years for a one-time item", intent_with(R"("contract_years":3)"), 422, "contract_years"},
      {"contract years beyond 5", R"({"item":"office-suite","quantity":40,"earliest":"2027-02-01","latest":"2027-05-31","contract_years":7})", 422, "contract_years"},
      {"a date as an array of arrays (found by fuzzing: it ended the server)",
       R"({"item":"laptop-standard-14","quantity":40,"earliest":"2027-02-01","latest":[[]]})", 422, "latest"},
      {"an array instead of an object", "[1,2,3]", 422, "body"},
      {"null", "null", 422, "body"},
      {"malformed JSON", R"({"item":"laptop-standard-14",)", 400, "body"},
      {"invalid UTF-8", intent_with("\"note\":\"caf\xC3\x28\""), 400, "body"},
      {"deeply nested JSON", R"({"item":)" + nested(100) + "}", 400, "body"},
      {"an empty body", "", 400, "body"},
      {"a 10 MB body", intent_with(R"("note":")" + std::string(10 * 1024 * 1024, 'x') + "\""), 413, ""},
      {"not JSON at all", intent_with(""), 415, "", "kriens", "text/plain"},
  };
  REQUIRE(cases.size() >= 25);
  for (const auto& c : cases) {
    CAPTURE(c.name);
    const std::string& bearer = std::string{c.bearer} == "coordinator" ? f.coordinator : f.kriens;
    const auto reply = test::http_request(f.port(), verb::post, "/api/v1/intents", c.body,
                                          api_fixture::auth(bearer, {{"Content-Type", c.content_type}}));
    CHECK(reply.status == c.status);
    CHECK(reply.header("Content-Type") == "application/problem+json");
    if (*c.field != '\0') {
      bool named = false;
      const auto problem = reply.json();
      if (const auto* errors = problem.as_object().if_contains("errors")) {
        for (const auto& e : errors->as_array()) named = named || e.at("field") == c.field;
      }
      CHECK_MESSAGE(named, reply.body);
    }
    CHECK(f.rows("intents") == 0);
  }
}

TEST_CASE("SQL fragments in text are stored and returned verbatim") {
  api_fixture f;
  const std::string note = "Robert'); DROP TABLE intents; -- \"quoted\" \\ backslash; Zürich ✓";
  boost::json::object body{{"item", "laptop-standard-14"}, {"quantity", 3}, {"earliest", "2027-02-01"},
                           {"latest", "2027-05-31"}, {"note", note}};
  const auto created = test::http_request(f.port(), verb::post, "/api/v1/intents", boost::json::serialize(body),
                                          api_fixture::auth(f.kriens));
  REQUIRE(created.status == 201);
  const auto id = std::to_string(created.json().at("id").as_int64());
  CHECK(test::http_get(f.port(), "/api/v1/intents/" + id, f.kriens).json().at("note").as_string() == note);
  CHECK(f.rows("intents") == 1);
}

TEST_CASE("every failing field is listed at once, in German on request") {
  api_fixture f;
  const auto reply = test::http_request(
      f.port(), verb::post, "/api/v1/intents",
      R"({"item":"flying-car","quantity":-1,"unit_price_chf":1.005,"earliest":"2027-05-31","latest":"2027-02-30","colour":"red"})",
      api_fixture::auth(f.kriens, {{"Accept-Language", "de-CH, de;q=0.9"}}));
  REQUIRE(reply.status == 422);
  const auto problem = reply.json();
  CHECK(problem.at("title") == "Die Eingabe ist ungültig");
  std::map<std::string, std::string> reasons;
  for (const auto& e : problem.at("errors").as_array()) {
    reasons[std::string{e.at("field").as_string()}] = std::string{e.at("reason").as_string()};
  }
  CHECK(reasons.count("item") == 1);
  CHECK(reasons.count("quantity") == 1);
  CHECK(reasons.count("unit_price_chf") == 1);
  CHECK(reasons.count("latest") == 1);
  CHECK(reasons.count("colour") == 1);
  CHECK(reasons["colour"] == "ist kein bekanntes Feld");
  CHECK(reasons["latest"] == "muss ein Kalenderdatum JJJJ-MM-TT sein");
  CHECK(reasons["item"].find("nicht im Katalog") != std::string::npos);
}
