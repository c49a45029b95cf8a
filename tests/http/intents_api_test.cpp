// Purchase intents over real HTTP: lifecycle, who may see and change what, versions, idempotency.
#include <doctest/doctest.h>

#include <set>

#include "tests/support/api_fixture.hpp"

using namespace jointbuy;
using boost::beast::http::verb;
using test::api_fixture;

namespace {

const std::string laptops =
    R"({"item":"laptop-standard-14","quantity":40,"unit_price_chf":1150.00,"earliest":"2027-02-01","latest":"2027-05-31","note":"Ersatz Verwaltung"})";

test::http_reply post_intent(const api_fixture& f, const std::string& bearer, const std::string& body,
                             test::header_list extra = {}) {
  return test::http_request(f.port(), verb::post, "/api/v1/intents", body, api_fixture::auth(bearer, std::move(extra)));
}

std::string detail_of(const test::http_reply& reply, const char* member) {
  return std::string{reply.json().at(member).as_string()};
}

}  // namespace

TEST_CASE("create, read, update and withdraw an intent") {
  api_fixture f;
  const auto created = post_intent(f, f.kriens, laptops);
  REQUIRE(created.status == 201);
  const auto intent = created.json();
  const auto id = std::to_string(intent.at("id").as_int64());
  CHECK(created.header("Location") == "/api/v1/intents/" + id);
  CHECK(created.header("ETag") == "\"1\"");
  CHECK(intent.at("organisation") == "1059");  // the municipality's own, not named in the body
  CHECK(intent.at("status") == "submitted");
  CHECK(intent.at("version") == 1);
  CHECK(intent.at("value_chf").to_number<double>() == 46000.0);
  CHECK(intent.at("contract_years").is_null());

  const auto read = test::http_get(f.port(), "/api/v1/intents/" + id, f.kriens);
  REQUIRE(read.status == 200);
  CHECK(read.json() == intent);

  const std::string changed =
      R"({"item":"laptop-standard-14","quantity":35,"earliest":"2027-02-01","latest":"2027-06-30","note":"35 reichen"})";
  const auto updated = test::http_request(f.port(), verb::put, "/api/v1/intents/" + id, changed,
                                          api_fixture::auth(f.kriens, {{"If-Match", "\"1\""}}));
  REQUIRE(updated.status == 200);
  CHECK(updated.json().at("version") == 2);
  CHECK(updated.json().at("quantity") == 35);
  CHECK(updated.json().at("unit_price_chf").is_null());
  CHECK(updated.json().at("value_chf").to_number<double>() == 35 * 1150.0);  // the reference price applies

  const auto withdrawn = test::http_request(f.port(), verb::delete_, "/api/v1/intents/" + id, {}, api_fixture::auth(f.kriens));
  REQUIRE(withdrawn.status == 200);
  CHECK(withdrawn.json().at("status") == "withdrawn");
  CHECK(f.rows("intents") == 1);  // kept for the record
  const auto again = test::http_request(f.port(), verb::put, "/api/v1/intents/" + id, changed,
                                        api_fixture::auth(f.kriens, {{"If-Match", "\"3\""}}));
  CHECK(again.status == 409);
}

TEST_CASE("yearly items count their contract years, the item's default otherwise") {
  api_fixture f;
  const auto explicit_years = post_intent(f, f.kriens,
      R"({"item":"school-administration-software","quantity":1200,"unit_price_chf":38,"earliest":"2027-01-01","latest":"2027-06-30","contract_years":4})");
  REQUIRE(explicit_years.status == 201);
  CHECK(explicit_years.json().at("value_chf").to_number<double>() == 1200 * 38.0 * 4);
  const auto default_years = post_intent(f, f.kriens,
      R"({"item":"school-administration-software","quantity":1200,"earliest":"2027-01-01","latest":"2027-06-30"})");
  CHECK(default_years.json().at("value_chf").to_number<double>() == 1200 * 38.0 * 5);
  // The answer to the POST is made from what was written, not read back: it is what the store then reads.
  for (const auto* created : {&explicit_years, &default_years}) {
    const auto id = std::to_string(created->json().at("id").as_int64());
    const auto read = test::http_get(f.port(), "/api/v1/intents/" + id, f.kriens);
    REQUIRE(read.status == 200);
    CHECK(read.json() == created->json());
  }
}

TEST_CASE("a municipality never reads or changes another's intents") {
  api_fixture f;
  const auto id = std::to_string(post_intent(f, f.kriens, laptops).json().at("id").as_int64());
  CHECK(test::http_get(f.port(), "/api/v1/intents/" + id, f.emmen).status == 404);
  CHECK(test::http_request(f.port(), verb::put, "/api/v1/intents/" + id, laptops, api_fixture::auth(f.emmen, {{"If-Match", "\"1\""}}))
            .status == 404);
  CHECK(test::http_request(f.port(), verb::delete_, "/api/v1/intents/" + id, {}, api_fixture::auth(f.emmen)).status == 404);
  CHECK(test::http_get(f.port(), "/api/v1/intents?organisation=1059", f.emmen).status == 403);
  CHECK(test::http_get(f.port(), "/api/v1/intents", f.emmen).json().at("items").as_array().empty());
  const auto foreign = post_intent(f, f.emmen,
      R"({"organisation":"1059","item":"monitor-24","quantity":2,"earliest":"2027-02-01","latest":"2027-05-31"})");
  CHECK(foreign.status == 403);
  CHECK(f.rows("intents") == 1);
  CHECK(test::http_get(f.port(), "/api/v1/intents/" + id, f.kriens).json().at("status") == "submitted");
}

TEST_CASE("coordinators act for any organisation and must name it; auditors read but never write") {
  api_fixture f;
  const auto unnamed = post_intent(f, f.coordinator, laptops);
  CHECK(unnamed.status == 422);
  CHECK(unnamed.json().at("errors").at(0).at("field") == "organisation");
  const auto named = post_intent(f, f.coordinator,
      R"({"organisation":"1061","item":"monitor-24","quantity":80,"earliest":"2027-02-01","latest":"2027-05-31"})");
  REQUIRE(named.status == 201);
  const auto id = std::to_string(named.json().at("id").as_int64());
  CHECK(test::http_get(f.port(), "/api/v1/intents/" + id, f.auditor).status == 200);
  CHECK(post_intent(f, f.auditor, laptops).status == 403);
  CHECK(test::http_request(f.port(), verb::put, "/api/v1/intents/" + id, laptops, api_fixture::auth(f.auditor, {{"If-Match", "\"1\""}}))
            .status == 403);
  CHECK(test::http_request(f.port(), verb::delete_, "/api/v1/intents/" + id, {}, api_fixture::auth(f.auditor)).status == 403);
  CHECK(test::http_request(f.port(), verb::post, "/api/v1/intents/import", "item\n", api_fixture::auth(f.auditor, {{"Content-Type", "text/csv"}}))
            .status == 403);
  CHECK(f.rows("intents") == 1);
}

TEST_CASE("missing, malformed, unknown and revoked tokens are 401") {
  api_fixture f;
  CHECK(test::http_request(f.port(), verb::post, "/api/v1/intents", laptops).status == 401);
  CHECK(post_intent(f, "jb_nosuch.secret", laptops).status == 401);
  CHECK(post_intent(f, "not a token", laptops).status == 401);
  const auto id = f.kriens.substr(3, f.kriens.find('.') - 3);
  REQUIRE(store::revoke_token(*f.db, id, "test"));
  const auto revoked = post_intent(f, f.kriens, laptops);
  CHECK(revoked.status == 401);
  CHECK(revoked.header("WWW-Authenticate").find("invalid_token") != std::string::npos);
  CHECK(f.rows("intents") == 0);
}

TEST_CASE("a stale If-Match is 412 and changes nothing; no If-Match is 428") {
  api_fixture f;
  const auto id = std::to_string(post_intent(f, f.kriens, laptops).json().at("id").as_int64());
  const std::string change = R"({"item":"laptop-standard-14","quantity":41,"earliest":"2027-02-01","latest":"2027-05-31"})";
  REQUIRE(test::http_request(f.port(), verb::put, "/api/v1/intents/" + id, change, api_fixture::auth(f.kriens, {{"If-Match", "\"1\""}}))
              .status == 200);
  const auto stale = test::http_request(f.port(), verb::put, "/api/v1/intents/" + id,
                                        R"({"item":"laptop-standard-14","quantity":99,"earliest":"2027-02-01","latest":"2027-05-31"})",
                                        api_fixture::auth(f.kriens, {{"If-Match", "\"1\""}}));
  CHECK(stale.status == 412);
  CHECK(test::http_request(f.port(), verb::put, "/api/v1/intents/" + id, change, api_fixture::auth(f.kriens)).status == 428);
  CHECK(test::http_request(f.port(), verb::delete_, "/api/v1/intents/" + id, {}, api_fixture::auth(f.kriens, {{"If-Match", "\"1\""}}))
            .status == 412);
  const auto current = test::http_get(f.port(), "/api/v1/intents/" + id, f.kriens).json();
  CHECK(current.at("quantity") == 41);
  CHECK(current.at("status") == "submitted");
}

TEST_CASE("a retried POST with the same Idempotency-Key returns the first intent and creates nothing") {
  api_fixture f;
  const auto first = post_intent(f, f.kriens, laptops, {{"Idempotency-Key", "kriens-2027-laptops"}});
  const auto retry = post_intent(f, f.kriens, laptops, {{"Idempotency-Key", "kriens-2027-laptops"}});
  REQUIRE(first.status == 201);
  REQUIRE(retry.status == 201);
  CHECK(retry.json() == first.json());
  CHECK(retry.header("Idempotent-Replayed") == "true");
  CHECK(f.rows("intents") == 1);
  const auto reused = post_intent(f, f.kriens, R"({"item":"monitor-24","quantity":3,"earliest":"2027-02-01","latest":"2027-05-31"})",
                                  {{"Idempotency-Key", "kriens-2027-laptops"}});
  CHECK(reused.status == 409);
  CHECK(f.rows("intents") == 1);
  CHECK(post_intent(f, f.kriens, laptops).status == 201);  // without a key, a second intent
  CHECK(f.rows("intents") == 2);
}

TEST_CASE("lists filter by item, category, status and window, and page with cursors") {
  api_fixture f;
  const char* bodies[] = {
      R"({"item":"laptop-standard-14","quantity":10,"earliest":"2027-01-01","latest":"2027-03-31"})",
      R"({"item":"monitor-24","quantity":10,"earliest":"2027-04-01","latest":"2027-06-30"})",
      R"({"item":"office-suite","quantity":10,"earliest":"2027-07-01","latest":"2027-09-30"})",
      R"({"item":"laptop-standard-14","quantity":5,"earliest":"2027-10-01","latest":"2027-12-31"})",
  };
  std::vector<std::string> ids;
  for (const char* body : bodies) ids.push_back(std::to_string(post_intent(f, f.kriens, body).json().at("id").as_int64()));
  test::http_request(f.port(), verb::delete_, "/api/v1/intents/" + ids[3], {}, api_fixture::auth(f.kriens));
  const auto count = [&](const std::string& query) {
    const auto reply = test::http_get(f.port(), "/api/v1/intents" + query, f.coordinator);
    REQUIRE(reply.status == 200);
    return reply.json().at("items").as_array().size();
  };
  CHECK(count("") == 4);
  CHECK(count("?item=laptop-standard-14") == 2);
  CHECK(count("?category=software") == 1);
  CHECK(count("?status=withdrawn") == 1);
  CHECK(count("?from=2027-03-31&to=2027-04-01") == 2);  // touching both of the first two windows
  CHECK(count("?from=2027-05-01") == 3);
  CHECK(count("?organisation=1024") == 0);
  std::set<std::string> paged;
  std::string target = "/api/v1/intents?limit=3";
  while (true) {
    const auto page = test::http_get(f.port(), target, f.coordinator).json();
    for (const auto& item : page.at("items").as_array()) paged.insert(std::to_string(item.at("id").as_int64()));
    if (page.at("next_cursor").is_null()) break;
    target = "/api/v1/intents?limit=3&cursor=" + std::string{page.at("next_cursor").as_string()};
  }
  CHECK(paged == std::set<std::string>(ids.begin(), ids.end()));
  CHECK(test::http_get(f.port(), "/api/v1/intents?status=lost", f.coordinator).status == 400);
  CHECK(test::http_get(f.port(), "/api/v1/intents?from=2027-13-01", f.coordinator).status == 400);
}

TEST_CASE("one request, one database session: a POST's look-ups, write and answer share it") {
  // Before: the organisation, the item, the write and the answer's tender each leased a session.
  api_fixture f;
  const auto before = f.db->leases_taken();
  REQUIRE(post_intent(f, f.kriens, laptops).status == 201);
  // One lease authenticates the token (every request's), one serves the POST.
  CHECK(f.db->leases_taken() - before == 2);
  const auto coordinator = f.db->leases_taken();
  REQUIRE(post_intent(f, f.coordinator, R"({"organisation":"1024","item":"monitor-24","quantity":2,"earliest":"2027-02-01","latest":"2027-05-31"})")
              .status == 201);
  CHECK(f.db->leases_taken() - coordinator == 2);
  const auto import = f.db->leases_taken();
  REQUIRE(test::http_request(f.port(), verb::post, "/api/v1/intents/import", "item,quantity,earliest,latest\nmonitor-24,1,2027-02-01,2027-05-31\n",
                             api_fixture::auth(f.kriens, {{"Content-Type", "text/csv"}}))
              .status == 201);
  CHECK(f.db->leases_taken() - import == 2);
}

TEST_CASE("the store's errors reach the client as facts in the client's language, never as the store's text") {
  api_fixture f;
  const auto id = std::to_string(post_intent(f, f.kriens, laptops).json().at("id").as_int64());
  const auto german = [](test::header_list extra) {
    extra.push_back({"Accept-Language", "de-CH"});
    return extra;
  };
  const auto put = [&](const std::string& version, test::header_list extra) {
    extra.push_back({"If-Match", "\"" + version + "\""});
    return test::http_request(f.port(), verb::put, "/api/v1/intents/" + id, laptops, api_fixture::auth(f.kriens, std::move(extra)));
  };
  const auto stale = put("7", {});
  REQUIRE(stale.status == 412);
  CHECK(stale.json().at("type") == "urn:jointbuy:problem:stale-version");
  CHECK(detail_of(stale, "detail") == "The intent " + id + " is at version 1, not 7. Reload it and apply your change again.");
  const auto stale_de = put("7", german({}));
  REQUIRE(stale_de.status == 412);
  CHECK(detail_of(stale_de, "title") == "Der Eintrag wurde inzwischen geändert");
  CHECK(detail_of(stale_de, "detail") ==
        "Die Beschaffungsabsicht " + id + " ist inzwischen in Version 1, nicht mehr in Version 7. Bitte neu laden und die Änderung nochmals anbringen.");

  const auto missing = test::http_request(f.port(), verb::get, "/api/v1/intents/99999", {}, api_fixture::auth(f.kriens, german({})));
  REQUIRE(missing.status == 404);
  CHECK(detail_of(missing, "detail") == "Es gibt keine Beschaffungsabsicht 99999.");
  const auto missing_item = test::http_get(f.port(), "/api/v1/catalog/items/flying-car", f.kriens);
  CHECK(detail_of(missing_item, "detail") == "There is no catalogue item 'flying-car'.");

  REQUIRE(test::http_request(f.port(), verb::delete_, "/api/v1/intents/" + id, {}, api_fixture::auth(f.kriens)).status == 200);
  const auto withdrawn = put("2", german({}));
  REQUIRE(withdrawn.status == 409);
  CHECK(withdrawn.json().at("type") == "urn:jointbuy:problem:withdrawn");
  CHECK(detail_of(withdrawn, "detail") == "Die Beschaffungsabsicht " + id + " ist zurückgezogen und kann nicht mehr geändert werden.");

  REQUIRE(post_intent(f, f.kriens, laptops, {{"Idempotency-Key", "k-1"}}).status == 201);
  const auto reused = post_intent(f, f.kriens, R"({"item":"monitor-24","quantity":3,"earliest":"2027-02-01","latest":"2027-05-31"})",
                                  {{"Idempotency-Key", "k-1"}});
  REQUIRE(reused.status == 409);
  CHECK(reused.json().at("type") == "urn:jointbuy:problem:idempotency-key-reused");
  // No answer carries what SOCI, SQLite or PostgreSQL said.
  for (const auto* reply : {&stale, &stale_de, &missing, &missing_item, &withdrawn, &reused}) {
    CHECK(reply->body.find("sqlite") == std::string::npos);
    CHECK(reply->body.find("UNIQUE") == std::string::npos);
    CHECK(reply->body.find("there is no") == std::string::npos);  // the store's what() is lower case
  }
}
