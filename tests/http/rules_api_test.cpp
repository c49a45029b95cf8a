#include <doctest/doctest.h>

#include "tests/support/api_fixture.hpp"

using namespace jointbuy;
using boost::beast::http::verb;


TEST_CASE("the procedure for a value, type and date, with its reason") {
  test::api_fixture f;
  const auto invitation = test::http_get(f.port(), "/api/v1/rules/procedure?value_chf=249999.99&type=supply&date=2027-03-01", f.auditor);
  REQUIRE(invitation.status == 200);
  CHECK(invitation.json().at("procedure") == "invitation");
  CHECK(invitation.json().at("international") == false);
  CHECK(std::string{invitation.json().at("reason").as_string()}.find("CHF 250'000.00") != std::string::npos);
  const auto open = test::http_get(f.port(), "/api/v1/rules/procedure?value_chf=250'000&type=service&date=2027-03-01", f.auditor);
  CHECK(open.json().at("procedure") == "open");
  const auto international = test::http_get(f.port(), "/api/v1/rules/procedure?value_chf=350000&type=supply", f.auditor);
  CHECK(international.json().at("international") == true);

  test::header_list german{{"Authorization", "Bearer " + f.auditor}, {"Accept-Language", "de-CH,de;q=0.9,en;q=0.5"}};
  const auto de = test::http_request(f.port(), verb::get, "/api/v1/rules/procedure?value_chf=100&type=supply", {}, german);
  CHECK(std::string{de.json().at("reason").as_string()}.find("freihändiges Verfahren") != std::string::npos);
}

TEST_CASE("bad rule queries name each bad parameter; a date without thresholds is 422") {
  test::api_fixture f;
  const auto bad = test::http_get(f.port(), "/api/v1/rules/procedure?value_chf=1.005&type=goods&date=2027-02-30", f.auditor);
  REQUIRE(bad.status == 400);
  CHECK(bad.json().at("errors").as_array().size() == 3);
  const auto before = test::http_get(f.port(), "/api/v1/rules/procedure?value_chf=1000&type=supply&date=2020-01-01", f.auditor);
  CHECK(before.status == 422);
  CHECK(before.json().at("errors").at(0).at("field") == "date");
}

TEST_CASE("the thresholds and the cost model are served as the files give them") {
  test::api_fixture f;
  const auto thresholds = test::http_get(f.port(), "/api/v1/rules/thresholds", f.auditor);
  REQUIRE(thresholds.status == 200);
  const auto body = thresholds.json();
  const auto& period = body.at("periods").at(0);
  CHECK(period.at("valid_from") == "2023-01-01");
  CHECK(period.at("valid_to").is_null());
  CHECK(period.at("thresholds").at("construction_main").at("invitation_below_chf").to_number<double>() == 500000.0);
  const auto costs = test::http_get(f.port(), "/api/v1/rules/cost-model", f.auditor);
  CHECK(costs.json().at("overhead_chf").at("open_international").to_number<double>() == 40000.0);
}
