// Problems speak the client's language: with Accept-Language de every problem's title is German,
// its detail too where the server has German words for it, and every API answer says which
// language it is in (Content-Language). One title per problem type, whatever raised it.
#include <doctest/doctest.h>

#include "tests/support/api_fixture.hpp"

using namespace jointbuy;
using boost::beast::http::verb;
using test::api_fixture;

namespace {

std::string member(const test::http_reply& reply, const char* name) { return std::string{reply.json().at(name).as_string()}; }

test::http_reply german(const api_fixture& f, verb method, const std::string& target, const std::string& bearer,
                        const std::string& body = {}, test::header_list extra = {}) {
  extra.push_back({"Accept-Language", "de-CH, de;q=0.9"});
  if (!body.empty()) extra.push_back({"Content-Type", "application/json"});
  return test::http_request(f.port(), method, target, body, bearer.empty() ? extra : api_fixture::auth(bearer, extra));
}

}  // namespace

TEST_CASE("with Accept-Language de, the problems of access, routing and versions are German, and say so") {
  api_fixture f;
  const std::string laptops = R"({"item":"laptop-standard-14","quantity":4,"earliest":"2027-02-01","latest":"2027-05-31"})";
  // Before: "A auditor token may not do this." under an English title, whatever the client asked for.
  const auto role = german(f, verb::post, "/api/v1/intents", f.auditor, laptops);
  REQUIRE(role.status == 403);
  CHECK(role.header("Content-Language") == "de");
  CHECK(member(role, "title") == "Für diese Anmeldung nicht erlaubt");
  CHECK(member(role, "detail") == "Mit der Rolle Revision ist das nicht erlaubt.");
  const auto other = german(f, verb::get, "/api/v1/intents?organisation=1024", f.kriens);
  REQUIRE(other.status == 403);
  CHECK(member(other, "detail") == "Eine Gemeinde sieht nur ihre eigenen Absichten.");
  const auto nobody = german(f, verb::get, "/api/v1/intents", "jb_nobody.nothing");
  REQUIRE(nobody.status == 401);
  CHECK(member(nobody, "title") == "Anmeldung erforderlich");
  const auto nowhere = german(f, verb::get, "/api/v1/nowhere", f.kriens);
  REQUIRE(nowhere.status == 404);
  CHECK(member(nowhere, "detail") == "Unter /api/v1/nowhere gibt es nichts.");
  const auto method = german(f, verb::patch, "/api/v1/intents", f.kriens);
  REQUIRE(method.status == 405);
  CHECK(member(method, "title") == "Methode nicht erlaubt");
  const auto id = std::to_string(test::http_request(f.port(), verb::post, "/api/v1/intents", laptops, api_fixture::auth(f.kriens))
                                     .json().at("id").as_int64());
  const auto unversioned = german(f, verb::put, "/api/v1/intents/" + id, f.kriens, laptops);
  REQUIRE(unversioned.status == 428);
  CHECK(member(unversioned, "detail").find("If-Match") != std::string::npos);
  CHECK(member(unversioned, "title") == "Die Version ist erforderlich");
}

TEST_CASE("in English the same problems are English, and a German title never stands above an English detail") {
  api_fixture f;
  const auto role = test::http_request(f.port(), verb::post, "/api/v1/intents", "{}", api_fixture::auth(f.auditor));
  REQUIRE(role.status == 403);
  CHECK(role.header("Content-Language") == "en");
  CHECK(member(role, "title") == "Not allowed for this sign-in");
  CHECK(member(role, "detail") == "The role auditor may not do this.");
  // A malformed query is German throughout for a German client: title, detail and the field's reason.
  const auto query = german(f, verb::get, "/api/v1/intents?category=food", f.coordinator);
  REQUIRE(query.status == 400);
  CHECK(query.header("Content-Language") == "de");
  CHECK(member(query, "title") == "Die Anfrage ist fehlerhaft");
  CHECK(member(query, "detail") == "Die Angaben der Abfrage sind ungültig.");
  const auto query_errors = query.json().at("errors");
  CHECK(query_errors.at(0).at("field") == "category");
  CHECK(query_errors.at(0).at("reason") == "Kategorie muss hardware, software oder service (Dienstleistung) sein");
  // So is a body that is not JSON; in English it is English, title included.
  const auto body = german(f, verb::post, "/api/v1/intents", f.kriens, R"({"item": )");
  REQUIRE(body.status == 400);
  CHECK(body.header("Content-Language") == "de");
  CHECK(member(body, "detail").rfind("Der Inhalt der Anfrage ist kein gültiges JSON (Zeile 1, Spalte", 0) == 0);
  const auto english = test::http_request(f.port(), verb::post, "/api/v1/intents", R"({"item": )",
                                          api_fixture::auth(f.kriens, {{"Content-Type", "application/json"}}));
  REQUIRE(english.status == 400);
  CHECK(english.header("Content-Language") == "en");
  CHECK(member(english, "title") == "The request is malformed");
  CHECK(member(english, "detail").rfind("The body is not valid JSON at line 1", 0) == 0);
}

TEST_CASE("every API answer names its language; one title per problem type") {
  api_fixture f;
  CHECK(test::http_get(f.port(), "/api/v1/catalog/items", f.kriens).header("Content-Language") == "en");
  CHECK(german(f, verb::get, "/api/v1/catalog/items", f.kriens).header("Content-Language") == "de");
  // A stale intent (the store's error) has the title of its type, as a stale bundle (the review's refusal) has.
  const std::string body = R"({"item":"monitor-24","quantity":2,"earliest":"2027-02-01","latest":"2027-05-31"})";
  const auto id = std::to_string(
      test::http_request(f.port(), verb::post, "/api/v1/intents", body, api_fixture::auth(f.kriens)).json().at("id").as_int64());
  const auto stale = test::http_request(f.port(), verb::put, "/api/v1/intents/" + id, body, api_fixture::auth(f.kriens, {{"If-Match", "\"9\""}}));
  REQUIRE(stale.status == 412);
  CHECK(member(stale, "title") == "The record has changed");
}
