// Needs-survey campaigns over HTTP on both backends: every state and transition by hand and by the
// clock, answers before and after the close, the extension, the cancellation, no_response at the
// close, the outbox rows each step writes, and a bundling run on a campaign's answers.
#include <doctest/doctest.h>

#include "api/mail/campaign_mail.hpp"
#include "api/store/campaigns.hpp"
#include "api/store/people.hpp"
#include "api/store/timestamps.hpp"
#include "tests/support/api_fixture.hpp"

using namespace jointbuy;
using namespace std::chrono;
using boost::beast::http::verb;
using test::api_fixture;

namespace {

std::string in(seconds from_now) { return store::utc_timestamp(floor<seconds>(system_clock::now() + from_now)); }

test::http_reply call(api_fixture& f, const std::string& token, verb method, const std::string& target, const std::string& body = {},
                      test::header_list extra = {}) {
  if (!body.empty()) extra.emplace_back("Content-Type", "application/json");
  return test::http_request(f.port(), method, target, body, api_fixture::auth(token, extra));
}

// A campaign for school administration software (and laptops), inviting Kriens, Emmen and Luzern,
// open in an hour for a week; its id.
long long create(api_fixture& f, const std::string& extra = R"("reminders": ["P2D", "PT12H"])") {
  const auto reply = call(f, f.coordinator, verb::post, "/api/v1/campaigns",
                          R"({"title": "Schulverwaltungssoftware 2027", "description": "Gemeinsame Beschaffung wie 2016.",
                              "items": ["school-administration-software", "laptop-school-teacher"], "invited": ["1059", "1024", "1061"],
                              "opens": ")" + in(hours{1}) + R"(", "closes": ")" + in(hours{24 * 7}) + R"(", )" + extra + "}");
  REQUIRE(reply.status == 201);
  return reply.json().at("id").as_int64();
}

std::string path(long long id, const std::string& rest = "") { return "/api/v1/campaigns/" + std::to_string(id) + rest; }

std::string state_of(api_fixture& f, long long id) {
  const auto json = call(f, f.coordinator, verb::get, path(id)).json();
  return std::string{json.at("state").as_string()};
}

std::vector<std::string> allowed_of(const test::http_reply& reply) {
  std::vector<std::string> allowed;
  const auto json = reply.json();
  for (const auto& a : json.at("allowed_actions").as_array()) allowed.emplace_back(a.as_string());
  return allowed;
}

const char* school_answer = R"({"intents": [{"item": "school-administration-software", "quantity": 40, "earliest": "2027-08-01", "latest": "2027-12-31"}]})";

// The people who get the mail: one in Kriens, one in Emmen, two in Luzern (one deactivated).
void add_people(api_fixture& f) {
  store::invite_person(*f.db, {"anna.muster@kriens.example", "Anna Muster", store::role::municipality, "1059"}, "test");
  store::invite_person(*f.db, {"eva.meier@emmen.example", "Eva Meier", store::role::municipality, "1024"}, "test");
  store::invite_person(*f.db, {"luca.rossi@stadtluzern.example", "Luca Rossi", store::role::municipality, "1061"}, "test");
  const auto gone = store::invite_person(*f.db, {"old@stadtluzern.example", "Alt Person", store::role::municipality, "1061"}, "test");
  store::deactivate_person(*f.db, gone.person.id, "test");
}

long long mails(api_fixture& f, const std::string& kind) {
  long long n = 0;
  f.db->with_session([&](soci::session& s) { s << "SELECT COUNT(*) FROM mail_outbox WHERE kind = :kind", soci::use(kind), soci::into(n); });
  return n;
}

long long mails_to(api_fixture& f, const std::string& kind, const std::string& email) {
  long long n = 0;
  f.db->with_session([&](soci::session& s) {
    s << "SELECT COUNT(*) FROM mail_outbox WHERE kind = :kind AND recipient_email = :email", soci::use(kind), soci::use(email), soci::into(n);
  });
  return n;
}

std::string buyer_state(const boost::json::value& progress, const std::string& organisation) {
  for (const auto& b : progress.at("buyers").as_array()) {
    if (b.at("organisation").as_string() == organisation) return std::string{b.at("state").as_string()};
  }
  return "";
}

}  // namespace

TEST_CASE("a campaign goes draft → open → closed → bundled by hand; each state refuses the other actions naming the allowed ones") {
  api_fixture f;
  add_people(f);
  const auto id = create(f);
  auto reply = call(f, f.coordinator, verb::get, path(id));
  CHECK(reply.json().at("state") == "draft");
  CHECK(allowed_of(reply) == std::vector<std::string>{"edit", "open", "cancel"});
  CHECK(mails(f, "campaign_opened") == 0);

  // A draft is not a municipality's to see, nor to answer.
  CHECK(call(f, f.kriens, verb::get, path(id)).status == 404);
  CHECK(call(f, f.kriens, verb::post, path(id, "/answers"), school_answer).status == 404);

  reply = call(f, f.coordinator, verb::post, path(id, "/close"), "", {{"Accept-Language", "de"}});
  CHECK(reply.status == 409);
  CHECK(reply.json().at("type") == "urn:jointbuy:problem:illegal-transition");
  CHECK(reply.body.find("Entwurf") != std::string::npos);
  CHECK(reply.body.find("eröffnen") != std::string::npos);
  CHECK(call(f, f.coordinator, verb::post, path(id, "/close")).json().at("allowed").as_array().size() == 3);

  reply = call(f, f.coordinator, verb::post, path(id, "/open"));
  REQUIRE(reply.status == 200);
  CHECK(reply.json().at("state") == "open");
  CHECK(allowed_of(reply) == std::vector<std::string>{"extend", "close", "cancel"});
  // Announced to every active person of the invited buyers: not to the deactivated one.
  CHECK(mails(f, "campaign_opened") == 3);
  CHECK(mails_to(f, "campaign_opened", "old@stadtluzern.example") == 0);
  CHECK(call(f, f.coordinator, verb::post, path(id, "/open")).status == 409);
  CHECK(call(f, f.coordinator, verb::post, path(id, "/bundling-runs")).status == 404);

  // Kriens declares its need, Emmen has none; Luzern does not answer.
  reply = call(f, f.kriens, verb::post, path(id, "/answers"), school_answer);
  REQUIRE(reply.status == 200);
  CHECK(reply.json().at("state") == "answered");
  CHECK(reply.json().at("quantity") == 40);
  reply = call(f, f.emmen, verb::post, path(id, "/answers"), R"({"no_need": true, "reason": "Vertrag bis 2029"})");
  REQUIRE(reply.status == 200);
  CHECK(reply.json().at("state") == "no_need");
  CHECK(reply.json().at("reason") == "Vertrag bis 2029");

  auto progress = call(f, f.auditor, verb::get, path(id, "/progress")).json();
  CHECK(buyer_state(progress, "1059") == "answered");
  CHECK(buyer_state(progress, "1024") == "no_need");
  CHECK(buyer_state(progress, "1061") == "invited");
  CHECK(progress.at("items").at(0).at("quantity") == 40);
  CHECK(progress.at("items").at(0).at("buyers") == 1);
  CHECK(progress.at("items").at(0).at("procedure").is_string());
  CHECK(progress.at("items").at(1).at("quantity") == 0);
  CHECK(progress.at("mail").at("sending") == false);

  reply = call(f, f.coordinator, verb::post, path(id, "/close"));
  REQUIRE(reply.status == 200);
  CHECK(reply.json().at("state") == "closed");
  CHECK(allowed_of(reply) == std::vector<std::string>{"bundle"});
  CHECK(reply.json().at("closed_at").is_string());
  // Still without an answer at the close: no_response, and told so; the others are not.
  progress = call(f, f.coordinator, verb::get, path(id, "/progress")).json();
  CHECK(buyer_state(progress, "1061") == "no_response");
  CHECK(progress.at("counts").at("no_response") == 1);
  CHECK(mails(f, "campaign_closed") == 1);
  CHECK(mails_to(f, "campaign_closed", "luca.rossi@stadtluzern.example") == 1);

  // After the close an answer is refused, saying when it closed and whom to ask.
  reply = call(f, f.kriens, verb::post, path(id, "/answers"), school_answer, {{"Accept-Language", "de"}});
  CHECK(reply.status == 409);
  CHECK(reply.json().at("type") == "urn:jointbuy:problem:campaign-closed");
  const auto closed_detail = std::string{reply.json().at("detail").as_string()};
  CHECK(closed_detail.find("abgeschlossen") != std::string::npos);
  CHECK(closed_detail.find("Uhr") != std::string::npos);
  CHECK(closed_detail.find("Auskunft") != std::string::npos);
  CHECK(call(f, f.emmen, verb::post, path(id, "/answers"), school_answer).status == 409);

  // The run on the campaign takes its answers only and marks it bundled; its tenders know it.
  f.add_intent("1024", "school-administration-software", 30, 200, 360);
  reply = call(f, f.coordinator, verb::post, "/api/v1/bundling-runs", R"({"campaign": )" + std::to_string(id) + "}");
  REQUIRE(reply.status == 201);
  CHECK(reply.json().at("campaign") == id);
  CHECK(reply.json().at("intents") == 1);
  const auto run = reply.json().at("id").as_int64();
  reply = call(f, f.coordinator, verb::get, path(id));
  CHECK(reply.json().at("state") == "bundled");
  CHECK(reply.json().at("run") == run);
  CHECK(reply.json().at("allowed_actions").as_array().empty());
  const auto bundles = call(f, f.coordinator, verb::get, "/api/v1/bundles?run=" + std::to_string(run)).json();
  REQUIRE_FALSE(bundles.at("items").as_array().empty());
  for (const auto& b : bundles.at("items").as_array()) CHECK(b.at("campaign") == id);
  // Once bundled, a second run on it is refused; a run without a campaign leaves its answers out.
  CHECK(call(f, f.coordinator, verb::post, "/api/v1/bundling-runs", R"({"campaign": )" + std::to_string(id) + "}").status == 409);
  reply = call(f, f.coordinator, verb::post, "/api/v1/bundling-runs");
  REQUIRE(reply.status == 201);
  CHECK(reply.json().at("intents") == 1);
  CHECK(reply.json().at("campaign").is_null());
  CHECK(call(f, f.coordinator, verb::post, "/api/v1/bundling-runs", R"({"campaign": 999})").status == 404);
  CHECK(call(f, f.coordinator, verb::post, "/api/v1/bundling-runs", R"({"campaign": "x"})").status == 422);
}

TEST_CASE("a run on a campaign that is not closed is refused and changes nothing") {
  api_fixture f;
  const auto id = create(f);
  CHECK(call(f, f.coordinator, verb::post, "/api/v1/bundling-runs", R"({"campaign": )" + std::to_string(id) + "}").status == 409);
  REQUIRE(call(f, f.coordinator, verb::post, path(id, "/open")).status == 200);
  CHECK(call(f, f.kriens, verb::post, path(id, "/answers"), school_answer).status == 200);
  const auto reply = call(f, f.coordinator, verb::post, "/api/v1/bundling-runs", R"({"campaign": )" + std::to_string(id) + "}");
  CHECK(reply.status == 409);
  CHECK(reply.json().at("allowed").as_array().size() == 3);
  CHECK(f.rows("bundling_runs") == 0);
  CHECK(state_of(f, id) == "open");
}

TEST_CASE("cancellation: from a draft silently, from an open campaign announced, never after the close") {
  api_fixture f;
  add_people(f);
  const auto draft = create(f);
  auto reply = call(f, f.coordinator, verb::post, path(draft, "/cancel"));
  REQUIRE(reply.status == 200);
  CHECK(reply.json().at("state") == "cancelled");
  CHECK(reply.json().at("allowed_actions").as_array().empty());
  CHECK(f.rows("mail_outbox") == 0);
  CHECK(call(f, f.coordinator, verb::post, path(draft, "/open")).status == 409);

  const auto open = create(f);
  REQUIRE(call(f, f.coordinator, verb::post, path(open, "/open")).status == 200);
  REQUIRE(call(f, f.kriens, verb::post, path(open, "/answers"), school_answer).status == 200);
  REQUIRE(call(f, f.coordinator, verb::post, path(open, "/cancel")).status == 200);
  CHECK(state_of(f, open) == "cancelled");
  // The two that had not answered are told; Kriens, which had, is not.
  CHECK(mails(f, "campaign_cancelled") == 2);
  CHECK(mails_to(f, "campaign_cancelled", "anna.muster@kriens.example") == 0);
  CHECK(call(f, f.kriens, verb::post, path(open, "/answers"), school_answer).status == 409);
  CHECK(call(f, f.coordinator, verb::post, "/api/v1/bundling-runs", R"({"campaign": )" + std::to_string(open) + "}").status == 409);

  const auto closed = create(f);
  REQUIRE(call(f, f.coordinator, verb::post, path(closed, "/open")).status == 200);
  REQUIRE(call(f, f.coordinator, verb::post, path(closed, "/close")).status == 200);
  reply = call(f, f.coordinator, verb::post, path(closed, "/cancel"));
  CHECK(reply.status == 409);
  CHECK(reply.json().at("allowed") == boost::json::array{"bundle"});
}

TEST_CASE("extension: a later close is recorded and announced to those who have not answered; anything else is refused") {
  api_fixture f;
  add_people(f);
  const auto id = create(f);
  // A draft changes freely.
  auto reply = call(f, f.coordinator, verb::patch, path(id), R"({"title": "Schulverwaltung 2027", "invited": ["1059", "1024"]})");
  REQUIRE(reply.status == 200);
  CHECK(reply.json().at("title") == "Schulverwaltung 2027");
  CHECK(reply.json().at("counts").at("invited") == 2);
  REQUIRE(call(f, f.coordinator, verb::post, path(id, "/open")).status == 200);
  REQUIRE(call(f, f.kriens, verb::post, path(id, "/answers"), school_answer).status == 200);
  const auto before = std::string{call(f, f.coordinator, verb::get, path(id)).json().at("closes").as_string()};

  reply = call(f, f.coordinator, verb::patch, path(id), R"({"closes": ")" + in(hours{24 * 14}) + R"("})");
  REQUIRE(reply.status == 200);
  CHECK(reply.json().at("state") == "open");
  CHECK(std::string{reply.json().at("closes").as_string()} > before);
  CHECK(mails(f, "campaign_extended") == 1);
  CHECK(mails_to(f, "campaign_extended", "eva.meier@emmen.example") == 1);
  const auto audit = call(f, f.auditor, verb::get, "/api/v1/audit?entity=campaign&id=" + std::to_string(id)).body;
  CHECK(audit.find("\"extend\"") != std::string::npos);

  // Earlier, in the past, or another field once open: refused, with the field.
  reply = call(f, f.coordinator, verb::patch, path(id), R"({"closes": ")" + in(hours{24 * 10}) + R"("})", {{"Accept-Language", "de"}});
  CHECK(reply.status == 422);
  CHECK(reply.json().at("errors").at(0).at("field") == "closes");
  CHECK(reply.body.find("später") != std::string::npos);
  CHECK(call(f, f.coordinator, verb::patch, path(id), R"({"closes": "2020-01-01T00:00:00Z"})").status == 422);
  reply = call(f, f.coordinator, verb::patch, path(id), R"({"title": "Anders"})");
  CHECK(reply.status == 422);
  CHECK(reply.json().at("errors").at(0).at("field") == "title");
  CHECK(call(f, f.coordinator, verb::patch, path(id), R"({"closes": "morgen"})").status == 422);
  CHECK(call(f, f.kriens, verb::patch, path(id), R"({"closes": ")" + in(hours{24 * 20}) + R"("})").status == 403);
  CHECK(mails(f, "campaign_extended") == 1);
}

TEST_CASE("the clock opens a campaign at opens, reminds those who have not answered at each offset once, and closes it at closes") {
  api_fixture f;
  add_people(f);
  const auto id = create(f);
  const auto words = mail::campaign_mail_composer("http://127.0.0.1:8080");
  const auto now = system_clock::now();
  CHECK(store::advance_campaigns(*f.db, now, words) == 0);
  CHECK(state_of(f, id) == "draft");
  store::advance_campaigns(*f.db, now + hours{1} + seconds{2}, words);
  CHECK(state_of(f, id) == "open");
  CHECK(mails(f, "campaign_opened") == 3);
  REQUIRE(call(f, f.emmen, verb::post, path(id, "/answers"), R"({"no_need": true})").status == 200);

  // Two days before the close: Kriens and Luzern are reminded, Emmen (answered) is not; once.
  const auto closes = now + hours{24 * 7};
  store::advance_campaigns(*f.db, closes - hours{49}, words);
  CHECK(mails(f, "campaign_reminder") == 0);
  store::advance_campaigns(*f.db, closes - hours{47}, words);
  store::advance_campaigns(*f.db, closes - hours{46}, words);
  CHECK(mails(f, "campaign_reminder") == 2);
  CHECK(mails_to(f, "campaign_reminder", "eva.meier@emmen.example") == 0);
  REQUIRE(call(f, f.kriens, verb::post, path(id, "/answers"), school_answer).status == 200);
  store::advance_campaigns(*f.db, closes - hours{11}, words);
  CHECK(mails(f, "campaign_reminder") == 3);
  CHECK(mails_to(f, "campaign_reminder", "luca.rossi@stadtluzern.example") == 2);
  CHECK(f.rows("campaign_reminders") == 2);

  store::advance_campaigns(*f.db, closes + seconds{1}, words);
  CHECK(state_of(f, id) == "closed");
  CHECK(buyer_state(call(f, f.coordinator, verb::get, path(id, "/progress")).json(), "1061") == "no_response");
  CHECK(mails(f, "campaign_closed") == 1);
  // The clock does nothing twice.
  CHECK(store::advance_campaigns(*f.db, closes + seconds{5}, words) == 0);
  CHECK(mails(f, "campaign_closed") == 1);
}

TEST_CASE("a draft whose whole window passed is opened and closed by the clock, its buyers no_response") {
  api_fixture f;
  const auto id = create(f);
  store::advance_campaigns(*f.db, system_clock::now() + hours{24 * 8}, mail::campaign_mail_composer("http://x"));
  CHECK(state_of(f, id) == "closed");
  CHECK(call(f, f.coordinator, verb::get, path(id, "/progress")).json().at("counts").at("no_response") == 3);
}

TEST_CASE("answers: a municipality answers for itself only, for the campaign's items, and may change its answer until the close") {
  api_fixture f;
  const auto id = create(f, R"("reminders": [])");
  const auto other = create(f, R"("reminders": [])");
  REQUIRE(call(f, f.coordinator, verb::patch, path(other), R"({"invited": ["1061"]})").status == 200);
  REQUIRE(call(f, f.coordinator, verb::post, path(id, "/open")).status == 200);
  REQUIRE(call(f, f.coordinator, verb::post, path(other, "/open")).status == 200);

  // Kriens sees the one it is invited to, with what awaits it; not the other.
  auto list = call(f, f.kriens, verb::get, "/api/v1/campaigns").json();
  REQUIRE(list.at("items").as_array().size() == 1);
  CHECK(list.at("items").at(0).at("awaits_answer") == true);
  CHECK(list.at("items").at(0).at("answer").at("state") == "invited");
  CHECK(call(f, f.kriens, verb::get, path(other)).status == 404);
  CHECK(call(f, f.kriens, verb::post, path(other, "/answers"), school_answer).status == 404);
  CHECK(call(f, f.coordinator, verb::get, "/api/v1/campaigns").json().at("items").as_array().size() == 2);

  auto reply = call(f, f.kriens, verb::post, path(id, "/answers"),
                    R"({"intents": [{"item": "monitor-24", "quantity": 5, "earliest": "2027-08-01", "latest": "2027-12-31"}]})");
  CHECK(reply.status == 422);
  CHECK(reply.json().at("errors").at(0).at("field") == "intents[0].item");
  reply = call(f, f.kriens, verb::post, path(id, "/answers"),
               R"({"intents": [{"item": "school-administration-software", "quantity": 0, "earliest": "2027-08-01", "latest": "2027-12-31"}]})");
  CHECK(reply.status == 422);
  CHECK(reply.json().at("errors").at(0).at("field") == "intents[0].quantity");
  reply = call(f, f.kriens, verb::post, path(id, "/answers"),
               R"({"intents": [{"organisation": "1024", "item": "school-administration-software", "quantity": 3, "earliest": "2027-08-01", "latest": "2027-12-31"}]})");
  CHECK(reply.status == 403);
  CHECK(call(f, f.kriens, verb::post, path(id, "/answers"), R"({"no_need": true, "intents": []})").status == 422);
  CHECK(call(f, f.kriens, verb::post, path(id, "/answers"), R"({})").status == 422);
  CHECK(call(f, f.kriens, verb::post, path(id, "/answers"), R"({"no_need": false})").status == 422);
  CHECK(call(f, f.coordinator, verb::post, path(id, "/answers"), school_answer).status == 403);
  CHECK(f.rows("intents") == 0);

  REQUIRE(call(f, f.kriens, verb::post, path(id, "/answers"), school_answer).status == 200);
  // A changed answer replaces the earlier one, which stays on record withdrawn.
  reply = call(f, f.kriens, verb::post, path(id, "/answers"),
               R"({"intents": [{"item": "school-administration-software", "quantity": 55, "earliest": "2027-08-01", "latest": "2027-12-31"},
                               {"item": "laptop-school-teacher", "quantity": 12, "earliest": "2027-08-01", "latest": "2027-12-31"}]})");
  REQUIRE(reply.status == 200);
  CHECK(reply.json().at("quantity") == 67);
  CHECK(reply.json().at("intents").as_array().size() == 2);
  const auto mine = call(f, f.kriens, verb::get, path(id)).json();
  CHECK(mine.at("answer").at("intents").as_array().size() == 2);
  CHECK(mine.at("awaits_answer") == false);
  CHECK(f.rows("intents") == 3);
  const auto intent = mine.at("answer").at("intents").at(0).at("id").as_int64();
  // The answer's intents change with the answer only, never through /intents.
  reply = call(f, f.kriens, verb::delete_, "/api/v1/intents/" + std::to_string(intent));
  CHECK(reply.status == 409);
  CHECK(reply.json().at("type") == "urn:jointbuy:problem:campaign-answer");
  reply = call(f, f.kriens, verb::post, path(id, "/answers"), R"({"no_need": true, "reason": "doch nicht"})");
  CHECK(reply.json().at("state") == "no_need");
  CHECK(reply.json().at("quantity") == 0);
  CHECK(call(f, f.emmen, verb::get, "/api/v1/campaigns/" + std::to_string(id) + "/progress").status == 403);
}

TEST_CASE("a campaign's input is checked field by field, in German on request") {
  api_fixture f;
  const auto post = [&](const std::string& body) {
    return call(f, f.coordinator, verb::post, "/api/v1/campaigns", body, {{"Accept-Language", "de"}});
  };
  const std::string closes = in(hours{48});
  auto reply = post(R"({"title": " ", "items": ["nope"], "invited": ["9999"], "opens": "gestern", "closes": ")" + closes + R"(", "reminders": ["P1M"]})");
  REQUIRE(reply.status == 422);
  std::vector<std::string> fields;
  const auto problem = reply.json();
  for (const auto& e : problem.at("errors").as_array()) fields.emplace_back(e.at("field").as_string());
  CHECK(fields == std::vector<std::string>{"title", "items[0]", "invited[0]", "opens", "reminders[0]"});
  CHECK(reply.body.find("ist nicht im Katalog") != std::string::npos);
  reply = post(R"({"title": "X", "items": ["monitor-24"], "invited": "all", "opens": ")" + closes + R"(", "closes": ")" + in(hours{1}) + R"("})");
  CHECK(reply.status == 422);
  CHECK(reply.json().at("errors").at(0).at("field") == "closes");
  CHECK(post(R"({"title": "X", "items": ["monitor-24"], "invited": "all", "opens": "2020-01-01", "closes": "2020-02-01"})").status == 422);
  CHECK(post(R"({"title": "X", "items": [], "invited": "all", "opens": "2020-01-01", "closes": ")" + closes + R"("})").status == 422);
  CHECK(post(R"({"title": "X", "items": ["monitor-24"], "invited": "some", "opens": "2020-01-01", "closes": ")" + closes + R"("})").status == 422);
  CHECK(call(f, f.kriens, verb::post, "/api/v1/campaigns", R"({"title": "X"})").status == 403);
  CHECK(f.rows("campaigns") == 0);
  // "all": every organisation of the canton.
  reply = post(R"({"title": "Alle", "items": ["monitor-24"], "invited": "all", "opens": "2020-01-01", "closes": ")" + closes + R"("})");
  REQUIRE(reply.status == 201);
  CHECK(reply.json().at("invited") == "all");
  CHECK(reply.json().at("counts").at("invited").as_int64() == f.rows("organisations"));
}

TEST_CASE("the progress as CSV: one row per invited buyer, in German on request") {
  api_fixture f;
  const auto id = create(f);
  REQUIRE(call(f, f.coordinator, verb::post, path(id, "/open")).status == 200);
  REQUIRE(call(f, f.kriens, verb::post, path(id, "/answers"), school_answer).status == 200);
  const auto reply = call(f, f.coordinator, verb::get, path(id, "/progress.csv?lang=de&sep=semicolon"));
  REQUIRE(reply.status == 200);
  CHECK(reply.header("Content-Type").starts_with("text/csv"));
  CHECK(reply.body.starts_with("Erhebung;BFS-Nr./Kanton;Organisation;Stand;Menge;Wert CHF"));
  CHECK(reply.body.find(";1059;Kriens;Bedarf gemeldet;40;") != std::string::npos);
  CHECK(reply.body.find(";1061;Luzern;\"eingeladen, noch keine Antwort\";0;0.00;") != std::string::npos);
  CHECK(call(f, f.kriens, verb::get, path(id, "/progress.csv")).status == 403);
}
