// People who sign in as themselves: invitations, password sign-in, sessions and their lifetimes,
// the lockout, sign-out, deactivation, the cookie's attributes and CSRF, and acts named by person.
#include <doctest/doctest.h>

#include <thread>

#include "api/store/people.hpp"
#include "tests/support/api_fixture.hpp"

using namespace jointbuy;
using boost::beast::http::verb;
using test::api_fixture;
using test::header_list;

namespace {

constexpr const char* good_password = "Heuwagen-Seebucht-Laterne";

std::string member(const test::http_reply& reply, const char* name) {
  const auto json = reply.json();
  const auto* found = json.as_object().if_contains(name);
  return found != nullptr && found->is_string() ? std::string{found->as_string()} : std::string{};
}

// "jb_session=abc; Path=/…" → "jb_session=abc".
std::string cookie_of(const test::http_reply& reply) {
  const auto set = reply.header("Set-Cookie");
  return set.substr(0, set.find(';'));
}

header_list json_from_page(const api_fixture& f, header_list extra = {}) {
  extra.emplace_back("Content-Type", "application/json");
  extra.emplace_back("Host", "127.0.0.1:" + std::to_string(f.port()));
  extra.emplace_back("Origin", "http://127.0.0.1:" + std::to_string(f.port()));
  return extra;
}

// Invites Anna Muster of Kriens and returns her invitation token.
std::string invite_anna(api_fixture& f, std::chrono::seconds valid = store::invitation_lifetime) {
  return store::invite_person(*f.db, {"Anna.Muster@Kriens.example", "Anna Muster", store::role::municipality, "1059"}, "test", valid).token;
}

test::http_reply accept(api_fixture& f, const std::string& token, const std::string& password) {
  return test::http_request(f.port(), verb::post, "/api/v1/invitations/" + token, R"({"password": ")" + password + R"("})",
                            json_from_page(f));
}

test::http_reply sign_in(api_fixture& f, const std::string& email, const std::string& password) {
  return test::http_request(f.port(), verb::post, "/api/v1/session",
                            R"({"email": ")" + email + R"(", "password": ")" + password + R"("})", json_from_page(f));
}

test::http_reply as(api_fixture& f, const std::string& cookie, verb method, const std::string& target, const std::string& body = {},
                    header_list extra = {}) {
  auto headers = method == verb::get ? extra : json_from_page(f, extra);
  headers.emplace_back("Cookie", cookie);
  return test::http_request(f.port(), method, target, body, headers);
}

}  // namespace

TEST_CASE("an invitation sets the password once; a used, expired or unknown link is refused with what to do") {
  api_fixture f;
  const auto token = invite_anna(f);
  const auto open = test::http_get(f.port(), "/api/v1/invitations/" + token);
  REQUIRE(open.status == 200);
  CHECK(open.json().at("person").at("name") == "Anna Muster");
  CHECK(open.json().at("person").at("organisation_name") == "Kriens");

  SUBCASE("a weak password is refused and the link stays open") {
    for (const char* weak : {"kurz", "passwort1234", "Sommer2024!!", "aaaaaaaaaaaaaaa", "123456789012", "qwertzuiopasdf", "annamuster-kriens-1"}) {
      const auto refused = accept(f, token, weak);
      CHECK_MESSAGE(refused.status == 422, weak);
      CHECK(refused.json().at("errors").at(0).at("field") == "password");
    }
    // In German for a German client, detail and reason alike.
    const auto german = test::http_request(f.port(), verb::post, "/api/v1/invitations/" + token, R"({"password": "passwort1234"})",
                                           json_from_page(f, {{"Accept-Language", "de-CH"}}));
    CHECK(member(german, "detail") == "Unter errors steht jedes fehlerhafte Feld mit dem Grund.");
    CHECK(std::string{german.json().at("errors").at(0).at("reason").as_string()}.starts_with("gehört zu den Passwörtern"));
    CHECK(accept(f, token, good_password).status == 200);
  }
  SUBCASE("accepted: signed in at once, and the link cannot be used again") {
    const auto accepted = accept(f, token, good_password);
    REQUIRE(accepted.status == 200);
    CHECK(accepted.json().at("person").at("has_password") == true);
    const auto me = as(f, cookie_of(accepted), verb::get, "/api/v1/me");
    REQUIRE(me.status == 200);
    CHECK(me.json().at("name") == "Anna Muster");
    CHECK(me.json().at("organisation") == "1059");
    const auto again = accept(f, token, "Ein-anderes-Passwort-2026");
    CHECK(again.status == 410);
    CHECK(member(again, "type") == "urn:jointbuy:problem:invitation-used");
    CHECK(test::http_get(f.port(), "/api/v1/invitations/" + token).status == 410);
    // The first password stays.
    CHECK(sign_in(f, "anna.muster@kriens.example", good_password).status == 200);
    CHECK(sign_in(f, "anna.muster@kriens.example", "Ein-anderes-Passwort-2026").status == 401);
  }
  SUBCASE("an expired link says when it expired, in German too") {
    const auto expired = store::invite_again(*f.db, store::list_people(*f.db).front().id, "test", std::chrono::seconds{-1}).token;
    const auto refused = test::http_request(f.port(), verb::post, "/api/v1/invitations/" + expired, R"({"password": "x"})",
                                            json_from_page(f, {{"Accept-Language", "de-CH"}}));
    CHECK(refused.status == 410);
    CHECK(member(refused, "type") == "urn:jointbuy:problem:invitation-expired");
    CHECK(member(refused, "detail").find("abgelaufen") != std::string::npos);
    // Sending it again retired the first link too.
    CHECK(accept(f, token, good_password).status == 410);
  }
  SUBCASE("an unknown link is 404") {
    CHECK(accept(f, "no-such-invitation", good_password).status == 404);
    CHECK(test::http_get(f.port(), "/api/v1/invitations/x").status == 404);
  }
}

TEST_CASE("a wrong password and an unknown address get the same answer; five failures lock the address with 429") {
  api_fixture f;
  REQUIRE(accept(f, invite_anna(f), good_password).status == 200);
  const auto wrong = sign_in(f, "anna.muster@kriens.example", "falsches-Passwort-123");
  const auto unknown = sign_in(f, "nobody@kriens.example", "falsches-Passwort-123");
  CHECK(wrong.status == 401);
  CHECK(unknown.status == 401);
  CHECK(wrong.body == unknown.body);
  CHECK(wrong.header("Set-Cookie").empty());

  // Any case of the address is the same person.
  CHECK(sign_in(f, "ANNA.MUSTER@kriens.example", good_password).status == 200);

  for (int k = 0; k < 5; ++k) CHECK(sign_in(f, "anna.muster@kriens.example", "falsch-falsch-falsch").status == 401);
  const auto locked = sign_in(f, "anna.muster@kriens.example", good_password);
  CHECK(locked.status == 429);
  CHECK(member(locked, "type") == "urn:jointbuy:problem:sign-in-locked");
  const auto retry = std::stoi(locked.header("Retry-After"));
  CHECK(retry > 800);
  CHECK(retry <= 900);
  // An unknown address is locked the same way, so a lockout tells nothing about who exists.
  for (int k = 0; k < 5; ++k) sign_in(f, "nobody@kriens.example", "falsch-falsch-falsch");
  CHECK(sign_in(f, "nobody@kriens.example", "falsch-falsch-falsch").status == 429);

  const auto audit = test::http_get(f.port(), "/api/v1/audit?entity=person&order=newest", f.auditor);
  REQUIRE(audit.status == 200);
  bool lockout_recorded = false;
  const auto entries = audit.json();
  for (const auto& e : entries.at("items").as_array()) lockout_recorded |= e.at("action") == "lockout";
  CHECK(lockout_recorded);
}

TEST_CASE("the session cookie is HttpOnly, SameSite=Strict, Path=/; sign-out ends the session") {
  api_fixture f;
  const auto accepted = accept(f, invite_anna(f), good_password);
  const auto set = accepted.header("Set-Cookie");
  CHECK(set.starts_with("jb_session="));
  CHECK(set.find("; HttpOnly") != std::string::npos);
  CHECK(set.find("; SameSite=Strict") != std::string::npos);
  CHECK(set.find("; Path=/") != std::string::npos);
  CHECK(set.find("Secure") == std::string::npos);
  const auto cookie = cookie_of(accepted);
  CHECK(as(f, cookie, verb::get, "/api/v1/intents").status == 200);
  const auto out = as(f, cookie, verb::delete_, "/api/v1/session");
  CHECK(out.status == 204);
  CHECK(out.header("Set-Cookie").find("Max-Age=0") != std::string::npos);
  CHECK(as(f, cookie, verb::get, "/api/v1/intents").status == 401);
}

TEST_CASE("with secure cookies the cookie is Secure") {
  http::sign_in_settings settings;
  settings.secure_cookies = true;
  api_fixture f{{}, std::nullopt, settings};
  const auto token = invite_anna(f);
  auto headers = json_from_page(f);
  headers.back().second = "https://127.0.0.1:" + std::to_string(f.port());
  const auto accepted = test::http_request(f.port(), verb::post, "/api/v1/invitations/" + token, R"({"password": "Heuwagen-Seebucht-Laterne"})", headers);
  REQUIRE(accepted.status == 200);
  CHECK(accepted.header("Set-Cookie").find("; Secure") != std::string::npos);
}

TEST_CASE("a session ends after its idle time and after its absolute lifetime") {
  SUBCASE("idle") {
    http::sign_in_settings settings;
    settings.lifetimes.idle = std::chrono::seconds{2};
    api_fixture f{{}, std::nullopt, settings};
    const auto cookie = cookie_of(accept(f, invite_anna(f), good_password));
    CHECK(as(f, cookie, verb::get, "/api/v1/me").status == 200);
    std::this_thread::sleep_for(std::chrono::milliseconds{2500});
    const auto ended = as(f, cookie, verb::get, "/api/v1/me");
    CHECK(ended.status == 401);
    CHECK(ended.header("Set-Cookie").find("Max-Age=0") != std::string::npos);
  }
  SUBCASE("absolute, however busy") {
    http::sign_in_settings settings;
    settings.lifetimes.idle = std::chrono::seconds{60};
    settings.lifetimes.absolute = std::chrono::seconds{3};
    api_fixture f{{}, std::nullopt, settings};
    const auto cookie = cookie_of(accept(f, invite_anna(f), good_password));
    for (int k = 0; k < 2; ++k) {
      CHECK(as(f, cookie, verb::get, "/api/v1/me").status == 200);
      std::this_thread::sleep_for(std::chrono::milliseconds{1000});
    }
    std::this_thread::sleep_for(std::chrono::milliseconds{1500});
    CHECK(as(f, cookie, verb::get, "/api/v1/me").status == 401);
  }
}

TEST_CASE("a change signed in by cookie needs the server's own Origin or the session's CSRF token") {
  api_fixture f;
  const auto accepted = accept(f, invite_anna(f), good_password);
  const auto cookie = cookie_of(accepted);
  const auto csrf = member(accepted, "csrf_token");
  REQUIRE(!csrf.empty());
  const std::string body = R"({"item": "monitor-24", "quantity": 3, "earliest": "2027-03-01", "latest": "2027-05-31"})";
  const auto rows_before = f.rows("intents");

  // Another site's page, or a client that names no origin and no token: refused, nothing stored.
  const header_list foreign{{"Content-Type", "application/json"}, {"Origin", "https://evil.example"}, {"Cookie", cookie}};
  const auto from_elsewhere = test::http_request(f.port(), verb::post, "/api/v1/intents", body, foreign);
  CHECK(from_elsewhere.status == 403);
  CHECK(member(from_elsewhere, "type") == "urn:jointbuy:problem:cross-site-request");
  const header_list no_origin{{"Content-Type", "application/json"}, {"Cookie", cookie}};
  CHECK(test::http_request(f.port(), verb::post, "/api/v1/intents", body, no_origin).status == 403);
  const header_list wrong_token{{"Content-Type", "application/json"}, {"Cookie", cookie}, {"X-CSRF-Token", "guess"}};
  CHECK(test::http_request(f.port(), verb::post, "/api/v1/intents", body, wrong_token).status == 403);
  // A foreign Origin is refused even with the right token, and with a bearer token.
  auto foreign_with_token = foreign;
  foreign_with_token.emplace_back("X-CSRF-Token", csrf);
  CHECK(test::http_request(f.port(), verb::post, "/api/v1/intents", body, foreign_with_token).status == 403);
  CHECK(test::http_request(f.port(), verb::post, "/api/v1/intents", body,
                           api_fixture::auth(f.kriens, {{"Content-Type", "application/json"}, {"Origin", "https://evil.example"}}))
            .status == 403);
  CHECK(f.rows("intents") == rows_before);

  // The own pages (Origin), and a client with the token: accepted.
  CHECK(as(f, cookie, verb::post, "/api/v1/intents", body).status == 201);
  const header_list with_token{{"Content-Type", "application/json"}, {"Cookie", cookie}, {"X-CSRF-Token", csrf}};
  CHECK(test::http_request(f.port(), verb::post, "/api/v1/intents", body, with_token).status == 201);
  // Reads need neither.
  CHECK(test::http_request(f.port(), verb::get, "/api/v1/intents", "", {{"Cookie", cookie}}).status == 200);
}

TEST_CASE("deactivating a person ends their sessions and revokes their tokens at once") {
  api_fixture f;
  const auto cookie = cookie_of(accept(f, invite_anna(f), good_password));
  const auto other_session = cookie_of(sign_in(f, "anna.muster@kriens.example", good_password));
  const auto created = as(f, cookie, verb::post, "/api/v1/me/tokens", R"({"name": "Budget-Skript"})");
  REQUIRE(created.status == 201);
  const auto bearer = member(created, "bearer");
  CHECK(test::http_get(f.port(), "/api/v1/me", bearer).json().at("name") == "Anna Muster");
  const auto id = store::list_people(*f.db).front().id;

  // A municipality may not; a coordinator may.
  CHECK(test::http_request(f.port(), verb::post, "/api/v1/people/" + id + "/deactivate", "", api_fixture::auth(f.kriens)).status == 403);
  const auto done = test::http_request(f.port(), verb::post, "/api/v1/people/" + id + "/deactivate", "", api_fixture::auth(f.coordinator));
  REQUIRE(done.status == 200);
  CHECK(done.json().at("active") == false);
  CHECK(as(f, cookie, verb::get, "/api/v1/me").status == 401);
  CHECK(as(f, other_session, verb::get, "/api/v1/me").status == 401);
  CHECK(test::http_get(f.port(), "/api/v1/me", bearer).status == 401);
  CHECK(sign_in(f, "anna.muster@kriens.example", good_password).status == 401);
  // Nor can a new invitation bring the person back by the back door.
  CHECK(test::http_request(f.port(), verb::post, "/api/v1/people/" + id + "/invitation", "", api_fixture::auth(f.coordinator)).status == 409);
}

TEST_CASE("a coordinator invites people over the API; the link's last segment is the token") {
  api_fixture f;
  const std::string body = R"({"email": "beat.koch@lu.example", "name": "Beat Koch", "role": "coordinator"})";
  CHECK(test::http_request(f.port(), verb::post, "/api/v1/people", body, api_fixture::auth(f.kriens, {{"Content-Type", "application/json"}})).status == 403);
  const auto invited = test::http_request(f.port(), verb::post, "/api/v1/people", body, api_fixture::auth(f.coordinator, {{"Content-Type", "application/json"}}));
  REQUIRE(invited.status == 201);
  const auto link = member(invited, "invitation_url");
  CHECK(link.starts_with("http://127.0.0.1"));
  CHECK(link.find("/invitations/") != std::string::npos);
  CHECK(accept(f, link.substr(link.rfind('/') + 1), good_password).status == 200);
  // The same address again, in another case: 409.
  const auto twice = test::http_request(f.port(), verb::post, "/api/v1/people", R"({"email": "Beat.Koch@LU.example", "name": "B", "role": "auditor"})",
                                        api_fixture::auth(f.coordinator, {{"Content-Type", "application/json"}}));
  CHECK(twice.status == 409);
  // Bad input names the field.
  const auto bad = test::http_request(f.port(), verb::post, "/api/v1/people", R"({"email": "no-at-sign", "name": " ", "role": "municipality"})",
                                      api_fixture::auth(f.coordinator, {{"Content-Type", "application/json"}, {"Accept-Language", "de"}}));
  REQUIRE(bad.status == 422);
  CHECK(bad.json().at("errors").as_array().size() == 3);
  CHECK(f.rows("people") == 1);
  // The invitation link page opens the pages.
  const auto page = test::http_get(f.port(), "/invitations/anything");
  CHECK(page.status == 200);
  CHECK(page.header("Content-Type").starts_with("text/html"));
}

TEST_CASE("every act names the person: an intent stored in a session is audited as Anna Muster (Kriens)") {
  api_fixture f;
  const auto cookie = cookie_of(accept(f, invite_anna(f), good_password));
  const auto created = as(f, cookie, verb::post, "/api/v1/intents",
                          R"({"item": "monitor-24", "quantity": 3, "earliest": "2027-03-01", "latest": "2027-05-31"})");
  REQUIRE(created.status == 201);
  const auto id = std::to_string(created.json().at("id").as_int64());
  const auto audit = test::http_get(f.port(), "/api/v1/audit?entity=intent&id=" + id, f.auditor);
  REQUIRE(audit.status == 200);
  const auto entries = audit.json().at("items").as_array();
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].at("actor_name") == "Anna Muster");
  CHECK(entries[0].at("actor_organisation_name") == "Kriens");
  CHECK(entries[0].at("actor_person").as_string().starts_with("p-"));
  CHECK(entries[0].at("actor_token_name").is_null());
  // With her personal token, the entry names her and the token.
  const auto token = member(as(f, cookie, verb::post, "/api/v1/me/tokens", R"({"name": "Budget-Skript"})"), "bearer");
  const auto by_token = test::http_request(f.port(), verb::post, "/api/v1/intents",
                                           R"({"item": "monitor-24", "quantity": 4, "earliest": "2027-03-01", "latest": "2027-05-31"})",
                                           api_fixture::auth(token, {{"Content-Type", "application/json"}}));
  REQUIRE(by_token.status == 201);
  const auto second = test::http_get(f.port(), "/api/v1/audit?entity=intent&id=" + std::to_string(by_token.json().at("id").as_int64()), f.auditor);
  const auto entry = second.json().at("items").at(0);
  CHECK(entry.at("actor_name") == "Anna Muster");
  CHECK(entry.at("actor_token_name") == "Budget-Skript");
  // The audit finds her acts by name.
  CHECK(test::http_get(f.port(), "/api/v1/audit?person=anna&entity=intent", f.auditor).json().at("items").as_array().size() == 2);
}

TEST_CASE("a person changes their password; their other sessions end, this one stays") {
  api_fixture f;
  const auto cookie = cookie_of(accept(f, invite_anna(f), good_password));
  const auto other = cookie_of(sign_in(f, "anna.muster@kriens.example", good_password));
  CHECK(as(f, cookie, verb::put, "/api/v1/me/password", R"({"current_password": "wrong", "new_password": "Bergsee-Alpweide-Kuhglocke"})").status == 422);
  CHECK(as(f, cookie, verb::put, "/api/v1/me/password", R"({"current_password": "Heuwagen-Seebucht-Laterne", "new_password": "password1234"})").status == 422);
  CHECK(as(f, cookie, verb::put, "/api/v1/me/password", R"({"current_password": "Heuwagen-Seebucht-Laterne", "new_password": "Bergsee-Alpweide-Kuhglocke"})").status == 204);
  CHECK(as(f, cookie, verb::get, "/api/v1/me").status == 200);
  CHECK(as(f, other, verb::get, "/api/v1/me").status == 401);
  CHECK(sign_in(f, "anna.muster@kriens.example", "Bergsee-Alpweide-Kuhglocke").status == 200);
}

TEST_CASE("a forgotten password: a new invitation link sets another one and signs out the old sessions") {
  api_fixture f;
  const auto cookie = cookie_of(accept(f, invite_anna(f), good_password));
  const auto id = store::list_people(*f.db).front().id;
  const auto again = test::http_request(f.port(), verb::post, "/api/v1/people/" + id + "/invitation", "", api_fixture::auth(f.coordinator));
  REQUIRE(again.status == 200);
  const auto link = member(again, "invitation_url");
  CHECK(accept(f, link.substr(link.rfind('/') + 1), "Bergsee-Alpweide-Kuhglocke").status == 200);
  CHECK(as(f, cookie, verb::get, "/api/v1/me").status == 401);
  CHECK(sign_in(f, "anna.muster@kriens.example", good_password).status == 401);
  CHECK(sign_in(f, "anna.muster@kriens.example", "Bergsee-Alpweide-Kuhglocke").status == 200);
}

TEST_CASE("events name the person who acted: a run started in a coordinator's session is Beat Koch's") {
  api_fixture f;
  const auto token = store::invite_person(*f.db, {"beat.koch@lu.example", "Beat Koch", store::role::coordinator, std::nullopt}, "test").token;
  const auto cookie = cookie_of(accept(f, token, good_password));
  const char* schools[] = {"1059", "1024", "1054", "1058", "1040", "1103", "1031", "1062", "1063", "1151", "1093", "1098"};
  for (int k = 0; k < 12; ++k) f.add_intent(schools[k], "school-administration-software", 400 + 60 * k, k * 3, 170);
  REQUIRE(as(f, cookie, verb::post, "/api/v1/bundling-runs").status == 201);
  const auto feed = test::http_get(f.port(), "/api/v1/events?since=0", f.kriens);
  REQUIRE(feed.status == 200);
  const auto json = feed.json();
  const auto& items = json.at("items").as_array();
  REQUIRE(!items.empty());
  CHECK(items[0].at("kind") == "bundle_proposed");
  CHECK(items[0].at("by_name") == "Beat Koch");
  CHECK(items[0].at("details").at("by").as_string().starts_with("p-"));
}
