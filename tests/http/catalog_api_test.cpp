#include <doctest/doctest.h>

#include <set>

#include "api/store/catalog_items.hpp"
#include "tests/support/api_fixture.hpp"

using namespace jointbuy;
using boost::beast::http::verb;

namespace {

std::set<std::string> ids_in(const test::http_reply& reply) {
  std::set<std::string> ids;
  const auto body = reply.json();
  for (const auto& item : body.at("items").as_array()) ids.insert(std::string{item.at("id").as_string()});
  return ids;
}

test::header_list auth(const std::string& bearer) { return {{"Authorization", "Bearer " + bearer}}; }

boost::json::object new_item() {
  return {{"id", "laptop-rugged"},       {"name_de", "Robuster Laptop (Werkdienst)"},
          {"name_en", "Rugged laptop"},  {"category", "hardware"},
          {"procurement_type", "supply"}, {"cpv", "30213100-6"},
          {"unit", "piece"},              {"reference_price_chf", 2450.50},
          {"billing", "one_time"}};
}

}  // namespace

TEST_CASE("search: laptop, Schule and an educational-software CPV code find what a buyer expects") {
  test::api_fixture f;
  const auto laptops = test::http_get(f.port(), "/api/v1/catalog/items?q=laptop", f.kriens);
  REQUIRE(laptops.status == 200);
  CHECK(ids_in(laptops).count("laptop-standard-14") == 1);
  CHECK(ids_in(laptops).count("laptop-performance") == 1);
  CHECK(ids_in(laptops).count("monitor-24") == 0);
  const auto school = test::http_get(f.port(), "/api/v1/catalog/items?q=Schule", f.kriens);
  CHECK(ids_in(school).count("tablet-school") == 1);
  CHECK(ids_in(school).count("school-administration-software") == 1);
  const auto educational = test::http_get(f.port(), "/api/v1/catalog/items?cpv=48190000-6", f.kriens);
  CHECK(ids_in(educational) == std::set<std::string>{"learning-platform-school", "school-administration-software"});
  const auto hardware = test::http_get(f.port(), "/api/v1/catalog/items?category=hardware&q=monitor&limit=1", f.auditor);
  CHECK(hardware.json().at("items").as_array().size() == 1);
  CHECK(hardware.json().at("next_cursor").is_string());
}

TEST_CASE("bad search parameters are 400 naming the parameter") {
  test::api_fixture f;
  CHECK(test::http_get(f.port(), "/api/v1/catalog/items?cpv=4819", f.kriens).json().at("errors").at(0).at("field") == "cpv");
  CHECK(test::http_get(f.port(), "/api/v1/catalog/items?category=food", f.kriens).json().at("errors").at(0).at("field") == "category");
  CHECK(test::http_get(f.port(), "/api/v1/catalog/items").status == 401);
}

TEST_CASE("one item with its ETag; unknown ids are 404") {
  test::api_fixture f;
  const auto item = test::http_get(f.port(), "/api/v1/catalog/items/tablet-school", f.kriens);
  REQUIRE(item.status == 200);
  CHECK(item.header("ETag") == "\"1\"");
  CHECK(item.json().at("reference_price_chf").to_number<double>() == doctest::Approx(420.0));
  CHECK(item.json().at("discount_tiers").at(1).at("discount_percent").to_number<double>() == doctest::Approx(7.0));
  CHECK(test::http_get(f.port(), "/api/v1/catalog/items/flying-car", f.kriens).status == 404);
}

TEST_CASE("only coordinators create items; municipalities and auditors get 403") {
  test::api_fixture f;
  const std::string body = boost::json::serialize(new_item());
  CHECK(test::http_request(f.port(), verb::post, "/api/v1/catalog/items", body, auth(f.kriens)).status == 403);
  CHECK(test::http_request(f.port(), verb::post, "/api/v1/catalog/items", body, auth(f.auditor)).status == 403);
  CHECK_FALSE(store::find_item(*f.db, "laptop-rugged").has_value());
  const auto created = test::http_request(f.port(), verb::post, "/api/v1/catalog/items", body, auth(f.coordinator));
  REQUIRE(created.status == 201);
  CHECK(created.header("Location") == "/api/v1/catalog/items/laptop-rugged");
  CHECK(created.json().at("version") == 1);
  CHECK(created.json().at("compatibility_key") == "laptop-rugged");
  CHECK(created.json().at("reference_price_chf").to_number<double>() == doctest::Approx(2450.50));
  CHECK(test::http_request(f.port(), verb::post, "/api/v1/catalog/items", body, auth(f.coordinator)).status == 409);
}

TEST_CASE("invalid items are 422 with every failing field") {
  test::api_fixture f;
  auto body = new_item();
  body["cpv"] = "12345678-9";
  body["reference_price_chf"] = 10.005;
  body["compatibility_key"] = "school-administration-software";  // a software key for hardware
  const auto reply = test::http_request(f.port(), verb::post, "/api/v1/catalog/items", boost::json::serialize(body),
                                        auth(f.coordinator));
  REQUIRE(reply.status == 422);
  std::set<std::string> fields;
  const auto problem = reply.json();
  for (const auto& e : problem.at("errors").as_array()) fields.insert(std::string{e.at("field").as_string()});
  CHECK(fields == std::set<std::string>{"cpv", "reference_price_chf", "compatibility_key"});

  auto schema_broken = new_item();
  schema_broken.erase("unit");
  schema_broken["category"] = "furniture";
  schema_broken["colour"] = "red";
  const auto schema_reply = test::http_request(f.port(), verb::post, "/api/v1/catalog/items",
                                               boost::json::serialize(schema_broken), auth(f.coordinator));
  REQUIRE(schema_reply.status == 422);
  std::set<std::string> schema_fields;
  const auto schema_problem = schema_reply.json();
  for (const auto& e : schema_problem.at("errors").as_array()) schema_fields.insert(std::string{e.at("field").as_string()});
  CHECK(schema_fields.count("unit") == 1);
  CHECK(schema_fields.count("category") == 1);
  CHECK(schema_fields.count("colour") == 1);
  CHECK(test::http_request(f.port(), verb::post, "/api/v1/catalog/items", "{\"id\": ", auth(f.coordinator)).status == 400);
  CHECK_FALSE(store::find_item(*f.db, "laptop-rugged").has_value());
}

TEST_CASE("updates need the current version: a stale body version is 409, a stale If-Match 412") {
  test::api_fixture f;
  const auto current = test::http_get(f.port(), "/api/v1/catalog/items/monitor-24", f.coordinator).json().as_object();
  auto edit = current;
  edit["reference_price_chf"] = 219.90;
  const auto updated = test::http_request(f.port(), verb::put, "/api/v1/catalog/items/monitor-24",
                                          boost::json::serialize(edit), auth(f.coordinator));
  REQUIRE(updated.status == 200);
  CHECK(updated.json().at("version") == 2);
  CHECK(updated.header("ETag") == "\"2\"");

  auto stale = current;  // still version 1
  stale["reference_price_chf"] = 1.00;
  const auto conflict = test::http_request(f.port(), verb::put, "/api/v1/catalog/items/monitor-24",
                                           boost::json::serialize(stale), auth(f.coordinator));
  CHECK(conflict.status == 409);
  auto headers = auth(f.coordinator);
  headers.emplace_back("If-Match", "\"1\"");
  stale.erase("version");
  CHECK(test::http_request(f.port(), verb::put, "/api/v1/catalog/items/monitor-24", boost::json::serialize(stale), headers)
            .status == 412);
  CHECK(test::http_request(f.port(), verb::put, "/api/v1/catalog/items/monitor-24", boost::json::serialize(stale),
                           auth(f.coordinator))
            .status == 428);
  CHECK(store::find_item(*f.db, "monitor-24")->reference_price == 21990);
  CHECK(test::http_request(f.port(), verb::put, "/api/v1/catalog/items/monitor-24", boost::json::serialize(edit),
                           auth(f.kriens))
            .status == 403);
}

TEST_CASE("an id or compatibility key of 30'000 characters is 422 'too long', on POST and PUT") {
  test::api_fixture f;
  // Before: std::regex matched the "pattern" before "maxLength" was checked, recursing once per
  // character, and the worker's stack overflowed.
  for (const char* field : {"id", "compatibility_key", "cpv"}) {
    CAPTURE(field);
    auto body = new_item();
    body[field] = std::string(30'000, 'a');
    const auto created = test::http_request(f.port(), verb::post, "/api/v1/catalog/items", boost::json::serialize(body), auth(f.coordinator));
    REQUIRE(created.status == 422);
    CHECK(created.json().at("errors").at(0).at("field") == field);
    CHECK(std::string{created.json().at("errors").at(0).at("reason").as_string()}.find("must have at most") != std::string::npos);

    auto edit = test::http_get(f.port(), "/api/v1/catalog/items/monitor-24", f.coordinator).json().as_object();
    edit[field] = std::string(30'000, '-');
    const auto changed = test::http_request(f.port(), verb::put, "/api/v1/catalog/items/monitor-24", boost::json::serialize(edit), auth(f.coordinator));
    CHECK(changed.status == 422);
  }
  // The pattern still applies within the length.
  auto body = new_item();
  body["compatibility_key"] = "Not A Key";
  const auto reply = test::http_request(f.port(), verb::post, "/api/v1/catalog/items", boost::json::serialize(body), auth(f.coordinator));
  REQUIRE(reply.status == 422);
  CHECK(reply.json().at("errors").at(0).at("field") == "compatibility_key");
  CHECK(std::string{reply.json().at("errors").at(0).at("reason").as_string()}.find("has an invalid format") != std::string::npos);
  CHECK(test::http_get(f.port(), "/healthz").status == 200);
}

TEST_CASE("a body with fifty thousand failing members is answered at once, with 100 of them listed") {
  test::api_fixture f;
  auto body = new_item();
  boost::json::object attributes;
  for (int k = 0; k < 50'000; ++k) attributes["a" + std::to_string(k)] = k;  // each must be a string
  body["attributes"] = std::move(attributes);
  const auto started = std::chrono::steady_clock::now();
  const auto reply = test::http_request(f.port(), verb::post, "/api/v1/catalog/items", boost::json::serialize(body), auth(f.coordinator));
  MESSAGE("answered in " << std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count() << " ms");
  REQUIRE(reply.status == 422);
  CHECK(reply.json().at("errors").as_array().size() == 100);
  CHECK(reply.json().at("more_errors").to_number<std::int64_t>() >= 49'900);
}
