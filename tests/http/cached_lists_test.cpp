// Pages of tenders are answered from the cache while the database holds what they were made from:
// any change, through this server or by another connection on the database (another process),
// makes them anew; each caller and language has its own; a client that has the page gets 304.
#include <doctest/doctest.h>

#include "api/store/database.hpp"
#include "tests/support/api_fixture.hpp"

using namespace jointbuy;
using boost::beast::http::verb;
using test::api_fixture;

namespace {

// Twelve buyers of the school administration software in one half year (a joint tender), and one
// monitor purchase of the city of Lucerne.
void submit_schools(api_fixture& f) {
  const char* schools[] = {"1059", "1024", "1054", "1058", "1040", "1103", "1031", "1062", "1063", "1151", "1093", "1098"};
  for (int k = 0; k < 12; ++k) f.add_intent(schools[k], "school-administration-software", 400 + 60 * k, k * 3, 170);
  f.add_intent("1031", "monitor-24", 3, 0, 100);
}

test::http_reply get(const api_fixture& f, const std::string& target, const std::string& bearer, test::header_list extra = {}) {
  return test::http_request(f.port(), verb::get, target, {}, api_fixture::auth(bearer, std::move(extra)));
}

std::string title_of_first(const test::http_reply& reply) {
  return std::string{reply.json().at("items").at(0).at("title").as_string()};
}

}  // namespace

TEST_CASE("a page of tenders is answered again until the database changes, with 304 for a client that has it") {
  api_fixture f;
  submit_schools(f);
  REQUIRE(test::http_request(f.port(), verb::post, "/api/v1/bundling-runs", {}, api_fixture::auth(f.coordinator)).status == 201);
  const std::string page = "/api/v1/bundles?decision=joint_tender";

  const auto first = get(f, page, f.coordinator, {{"Accept-Language", "de-CH"}});
  REQUIRE(first.status == 200);
  const auto etag = first.header("ETag");
  REQUIRE(!etag.empty());
  CHECK(first.header("Cache-Control") == "private, no-cache");
  CHECK(first.header("Vary").find("Authorization") != std::string::npos);
  const auto again = get(f, page, f.coordinator, {{"Accept-Language", "de-CH"}});
  CHECK(again.body == first.body);
  CHECK(again.header("ETag") == etag);
  const auto unchanged = get(f, page, f.coordinator, {{"Accept-Language", "de-CH"}, {"If-None-Match", etag}});
  CHECK(unchanged.status == 304);
  CHECK(unchanged.body.empty());
  CHECK(unchanged.header("ETag") == etag);

  // A parameter the route does not know is refused every time, not answered from the cache.
  CHECK(get(f, page + "&colour=blue", f.coordinator).status == 400);
  CHECK(get(f, page + "&colour=blue", f.coordinator).status == 400);

  SUBCASE("a change through the server: the coordinator approves the tender") {
    const auto bundle = first.json().at("items").at(0);
    const auto path = "/api/v1/bundles/" + std::to_string(bundle.at("id").as_int64()) + "/decision";
    const auto approved = test::http_request(f.port(), verb::post, path, R"({"decision":"approve","comment":"gut"})",
        api_fixture::auth(f.coordinator, {{"Content-Type", "application/json"},
                                          {"If-Match", "\"" + std::to_string(bundle.at("version").as_int64()) + "\""}}));
    REQUIRE(approved.status == 200);
    const auto after = get(f, page, f.coordinator, {{"Accept-Language", "de-CH"}, {"If-None-Match", etag}});
    REQUIRE(after.status == 200);
    CHECK(after.header("ETag") != etag);
    CHECK(after.json().at("items").at(0).at("status") == "approved");
  }
  SUBCASE("a change by another connection on the database, as another process makes it") {
    store::database other{store::parse_database_url(f.scratch.url())};
    other.with_session([](soci::session& session) {
      session << "UPDATE catalog_items SET name_de = 'Schulverwaltung (neu)' WHERE id = 'school-administration-software'";
    });
    const auto after = get(f, page, f.coordinator, {{"Accept-Language", "de-CH"}, {"If-None-Match", etag}});
    REQUIRE(after.status == 200);
    CHECK(title_of_first(after) == "Schulverwaltung (neu)");
  }
  SUBCASE("each caller and language has its own page") {
    const auto english = get(f, page, f.coordinator, {{"Accept-Language", "en"}});
    REQUIRE(english.status == 200);
    CHECK(english.body != first.body);
    CHECK(english.json().at("items").at(0).at("reasons").at(0).at("message") !=
          first.json().at("items").at(0).at("reasons").at(0).at("message"));
    // Kriens sees the tender it is part of; the city's monitor purchase is not in its list, though
    // it is in the coordinator's.
    const auto all = get(f, "/api/v1/bundles", f.coordinator, {{"Accept-Language", "de-CH"}});
    const auto kriens = get(f, "/api/v1/bundles", f.kriens, {{"Accept-Language", "de-CH"}});
    REQUIRE(all.status == 200);
    REQUIRE(kriens.status == 200);
    CHECK(kriens.json().at("items").as_array().size() < all.json().at("items").as_array().size());
    const auto kriens_page = kriens.json();
    for (const auto& b : kriens_page.at("items").as_array()) CHECK(b.at("members").as_array().size() > 0);
    const auto emmen = get(f, "/api/v1/bundles", f.emmen, {{"Accept-Language", "de-CH"}});
    REQUIRE(emmen.status == 200);
    CHECK(emmen.body != kriens.body);
  }
}
