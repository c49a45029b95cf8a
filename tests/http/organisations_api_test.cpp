#include <doctest/doctest.h>

#include <set>

#include "tests/support/api_fixture.hpp"

using namespace jointbuy;

TEST_CASE("the organisation list pages through all 80 buyers of Lucerne") {
  test::api_fixture f;
  std::set<std::string> ids;
  std::string target = "/api/v1/organisations?canton=LU&limit=30";
  int pages = 0;
  while (true) {
    const auto reply = test::http_get(f.port(), target, f.kriens);
    REQUIRE(reply.status == 200);
    const auto body = reply.json().as_object();
    for (const auto& item : body.at("items").as_array()) CHECK(ids.insert(std::string{item.at("id").as_string()}).second);
    ++pages;
    if (body.at("next_cursor").is_null()) break;
    target = "/api/v1/organisations?canton=LU&limit=30&cursor=" + std::string{body.at("next_cursor").as_string()};
  }
  CHECK(pages == 3);
  CHECK(ids.size() == 80);
  CHECK(ids.count("1061") == 1);
  CHECK(ids.count("LU") == 1);
}

TEST_CASE("one organisation by id, unknown ids are 404, bad parameters 400 naming the field") {
  test::api_fixture f;
  const auto city = test::http_get(f.port(), "/api/v1/organisations/1061", f.kriens);
  REQUIRE(city.status == 200);
  CHECK(city.json().at("name") == "Luzern");
  CHECK(city.json().at("kind") == "municipality");
  CHECK(test::http_get(f.port(), "/api/v1/organisations/9999", f.kriens).status == 404);
  const auto bad = test::http_get(f.port(), "/api/v1/organisations?limit=9999", f.kriens);
  CHECK(bad.status == 400);
  CHECK(bad.json().at("errors").at(0).at("field") == "limit");
  const auto kind = test::http_get(f.port(), "/api/v1/organisations?kind=city", f.kriens);
  CHECK(kind.status == 400);
  CHECK(kind.json().at("errors").at(0).at("field") == "kind");
  const auto cantons = test::http_get(f.port(), "/api/v1/organisations?kind=canton", f.kriens);
  REQUIRE(cantons.status == 200);
  CHECK(cantons.json().at("items").as_array().size() == 1);
  CHECK(test::http_get(f.port(), "/api/v1/organisations").status == 401);
}
