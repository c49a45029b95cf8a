#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "api/store/organisations.hpp"
#include "api/store/tokens.hpp"
#include "catalog/organisations.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/running_server.hpp"
#include "tests/support/scratch_database.hpp"

using namespace jointbuy;

namespace {

struct lucerne_fixture {
  test::scratch_database scratch;
  std::unique_ptr<store::database> db = scratch.open_migrated();
  std::string municipality;

  lucerne_fixture() {
    std::ifstream in{std::string{JOINTBUY_DEFAULT_CATALOG_DIR} + "/municipalities-ch-2026.csv"};
    std::ostringstream text;
    text << in.rdbuf();
    store::import_organisations(*db, catalog::read_organisations_csv(text.str(), "LU").organisations, "test");
    municipality = store::create_token(*db, {store::role::municipality, "1061", "Stadt Luzern"}, "test").bearer;
  }
};

}  // namespace

TEST_CASE("the organisation list pages through all 80 buyers of Lucerne") {
  lucerne_fixture f;
  test::running_server server{*f.db};
  std::set<std::string> ids;
  std::string target = "/api/v1/organisations?canton=LU&limit=30";
  int pages = 0;
  while (true) {
    const auto reply = test::http_get(server.port(), target, f.municipality);
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
  lucerne_fixture f;
  test::running_server server{*f.db};
  const auto city = test::http_get(server.port(), "/api/v1/organisations/1061", f.municipality);
  REQUIRE(city.status == 200);
  CHECK(city.json().at("name") == "Luzern");
  CHECK(city.json().at("kind") == "municipality");
  CHECK(test::http_get(server.port(), "/api/v1/organisations/9999", f.municipality).status == 404);
  const auto bad = test::http_get(server.port(), "/api/v1/organisations?limit=9999", f.municipality);
  CHECK(bad.status == 400);
  CHECK(bad.json().at("errors").at(0).at("field") == "limit");
  const auto kind = test::http_get(server.port(), "/api/v1/organisations?kind=city", f.municipality);
  CHECK(kind.status == 400);
  CHECK(kind.json().at("errors").at(0).at("field") == "kind");
  const auto cantons = test::http_get(server.port(), "/api/v1/organisations?kind=canton", f.municipality);
  REQUIRE(cantons.status == 200);
  CHECK(cantons.json().at("items").as_array().size() == 1);
  CHECK(test::http_get(server.port(), "/api/v1/organisations").status == 401);
}
