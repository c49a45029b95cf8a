// Who may call what: every route of the API against every role, from one table. A new route
// without a row here fails the test, so the table stays the whole truth.
#include <doctest/doctest.h>

#include <set>

#include "api/http/handlers/routes.hpp"
#include "api/mail/campaign_mail.hpp"
#include "api/store/bundling_runs.hpp"
#include "api/store/campaigns.hpp"
#include "api/store/framework_agreements.hpp"
#include "api/store/timestamps.hpp"
#include "tests/support/api_fixture.hpp"
#include "tests/support/reference_data.hpp"

using namespace jointbuy;
using boost::beast::http::verb;
using test::api_fixture;

namespace {

// What a caller gets: past the access checks (any answer but 401, 403 and 404), refused for its role
// (403), shown nothing because the record is another organisation's (404), or asked for a token (401).
enum class outcome { pass, forbidden, hidden, unauthenticated };

const char* name_of(outcome o) {
  switch (o) {
    case outcome::pass: return "pass";
    case outcome::forbidden: return "403";
    case outcome::hidden: return "404";
    case outcome::unauthenticated: return "401";
  }
  return "?";
}

outcome outcome_of(unsigned status) {
  if (status == 401) return outcome::unauthenticated;
  if (status == 403) return outcome::forbidden;
  if (status == 404) return outcome::hidden;
  return outcome::pass;
}

constexpr auto P = outcome::pass;
constexpr auto F = outcome::forbidden;
constexpr auto H = outcome::hidden;

// One request and what each role gets. Kriens (1059) is the municipality; {own_*} are Kriens's
// records, {other_*} Emmen's or a tender Kriens is not part of. Bodies are deliberately incomplete
// and every request names a version that does not exist (If-Match: "999"), so that a caller who
// gets past the access checks gets a validation or version answer and nothing moves.
struct row {
  verb method;
  const char* pattern;  // the route as the router names it
  const char* target;   // with placeholders
  const char* body;
  outcome kriens, coordinator, auditor;
};

const row table[] = {
    {verb::get, "/healthz", "/healthz", "", P, P, P},
    {verb::get, "/readyz", "/readyz", "", P, P, P},
    {verb::get, "/api/v1/me", "/api/v1/me", "", P, P, P},
    // Sign-in and invitation links are open (they are how one gets a session); the people page is
    // the coordinator's (the auditor reads it); a person's own page needs a person, not a machine token.
    {verb::get, "/api/v1/session", "/api/v1/session", "", P, P, P},
    {verb::post, "/api/v1/session", "/api/v1/session", "{}", P, P, P},
    {verb::delete_, "/api/v1/session", "/api/v1/session", "", P, P, P},
    // Without an identity service configured, there is nowhere to go.
    {verb::get, "/api/v1/session/oidc", "/api/v1/session/oidc", "", H, H, H},
    {verb::get, "/api/v1/session/oidc/callback", "/api/v1/session/oidc/callback?state=x&code=y", "", H, H, H},
    {verb::get, "/api/v1/invitations/{token}", "/api/v1/invitations/no-such-link", "", H, H, H},
    {verb::post, "/api/v1/invitations/{token}", "/api/v1/invitations/no-such-link", "{}", P, P, P},
    {verb::get, "/api/v1/people", "/api/v1/people", "", F, P, P},
    {verb::post, "/api/v1/people", "/api/v1/people", "{}", F, P, F},
    {verb::get, "/api/v1/people/{id}", "/api/v1/people/p-nobody", "", F, H, H},
    {verb::post, "/api/v1/people/{id}/deactivate", "/api/v1/people/p-nobody/deactivate", "", F, H, F},
    {verb::post, "/api/v1/people/{id}/invitation", "/api/v1/people/p-nobody/invitation", "", F, H, F},
    {verb::put, "/api/v1/me/password", "/api/v1/me/password", "{}", F, F, F},
    {verb::get, "/api/v1/me/tokens", "/api/v1/me/tokens", "", F, F, F},
    {verb::post, "/api/v1/me/tokens", "/api/v1/me/tokens", "{}", F, F, F},
    {verb::delete_, "/api/v1/me/tokens/{id}", "/api/v1/me/tokens/abc", "", F, F, F},
    {verb::get, "/api/v1/organisations", "/api/v1/organisations", "", P, P, P},
    {verb::get, "/api/v1/organisations/{id}", "/api/v1/organisations/1024", "", P, P, P},
    {verb::get, "/api/v1/catalog/items", "/api/v1/catalog/items?q=laptop", "", P, P, P},
    {verb::get, "/api/v1/catalog/items/{id}", "/api/v1/catalog/items/monitor-24", "", P, P, P},
    {verb::post, "/api/v1/catalog/items", "/api/v1/catalog/items", "{}", F, P, F},
    {verb::put, "/api/v1/catalog/items/{id}", "/api/v1/catalog/items/monitor-24", "{}", F, P, F},
    {verb::get, "/api/v1/rules/thresholds", "/api/v1/rules/thresholds", "", P, P, P},
    {verb::get, "/api/v1/rules/cost-model", "/api/v1/rules/cost-model", "", P, P, P},
    {verb::get, "/api/v1/rules/procedure", "/api/v1/rules/procedure?value_chf=1000&type=supply", "", P, P, P},
    {verb::post, "/api/v1/intents", "/api/v1/intents", "{}", P, P, F},
    {verb::post, "/api/v1/intents", "/api/v1/intents", R"({"organisation": "1024"})", F, P, F},
    {verb::get, "/api/v1/intents", "/api/v1/intents", "", P, P, P},
    {verb::get, "/api/v1/intents", "/api/v1/intents?organisation=1024", "", F, P, P},
    {verb::get, "/api/v1/intents/{id}", "/api/v1/intents/{own_intent}", "", P, P, P},
    {verb::get, "/api/v1/intents/{id}", "/api/v1/intents/{other_intent}", "", H, P, P},
    {verb::put, "/api/v1/intents/{id}", "/api/v1/intents/{own_intent}", "{}", P, P, F},
    {verb::put, "/api/v1/intents/{id}", "/api/v1/intents/{other_intent}", "{}", H, P, F},
    {verb::delete_, "/api/v1/intents/{id}", "/api/v1/intents/{other_intent}", "", H, P, F},
    {verb::post, "/api/v1/intents/import", "/api/v1/intents/import", "", P, P, F},
    {verb::get, "/api/v1/audit", "/api/v1/audit?entity=intent&id={own_intent}", "", F, P, P},
    {verb::get, "/api/v1/audit.csv", "/api/v1/audit.csv?entity=intent&id={own_intent}", "", F, P, P},
    {verb::post, "/api/v1/bundling-runs", "/api/v1/bundling-runs", "", F, P, F},
    {verb::get, "/api/v1/bundling-runs", "/api/v1/bundling-runs", "", F, P, P},
    {verb::get, "/api/v1/bundling-runs/{id}", "/api/v1/bundling-runs/{run}", "", F, P, P},
    {verb::get, "/api/v1/bundles", "/api/v1/bundles", "", P, P, P},
    {verb::get, "/api/v1/tenders", "/api/v1/tenders", "", P, P, P},
    {verb::get, "/api/v1/tenders", "/api/v1/tenders?organisation=1024", "", F, P, P},
    {verb::get, "/api/v1/bundles/{id}", "/api/v1/bundles/{own_bundle}", "", P, P, P},
    {verb::get, "/api/v1/bundles/{id}", "/api/v1/bundles/{other_bundle}", "", H, P, P},
    {verb::get, "/api/v1/flags", "/api/v1/flags", "", P, P, P},
    {verb::get, "/api/v1/flags", "/api/v1/flags?organisation=1024", "", F, P, P},
    {verb::post, "/api/v1/bundles/{id}/decision", "/api/v1/bundles/{own_bundle}/decision", "{}", F, P, F},
    {verb::post, "/api/v1/bundles/{id}/participation", "/api/v1/bundles/{own_bundle}/participation", "{}", P, F, F},
    {verb::post, "/api/v1/bundles/{id}/participation", "/api/v1/bundles/{other_bundle}/participation", "{}", H, F, F},
    {verb::post, "/api/v1/bundles/{id}/move-out", "/api/v1/bundles/{own_bundle}/move-out", "{}", F, P, F},
    {verb::post, "/api/v1/bundles/{id}/merge", "/api/v1/bundles/{own_bundle}/merge", "{}", F, P, F},
    {verb::get, "/api/v1/bundles/{id}/decisions", "/api/v1/bundles/{own_bundle}/decisions", "", P, P, P},
    {verb::get, "/api/v1/bundles/{id}/decisions", "/api/v1/bundles/{other_bundle}/decisions", "", H, P, P},
    {verb::get, "/api/v1/bundles/{id}/schedule.csv", "/api/v1/bundles/{own_bundle}/schedule.csv", "", P, P, P},
    {verb::get, "/api/v1/bundles/{id}/schedule.csv", "/api/v1/bundles/{other_bundle}/schedule.csv", "", H, P, P},
    {verb::get, "/api/v1/bundling-runs/{id}/schedule.csv", "/api/v1/bundling-runs/{run}/schedule.csv", "", F, P, P},
    {verb::get, "/api/v1/bundles/{id}/ocds.json", "/api/v1/bundles/{own_bundle}/ocds.json", "", P, P, P},
    {verb::get, "/api/v1/bundles/{id}/ocds.json", "/api/v1/bundles/{other_bundle}/ocds.json", "", H, P, P},
    {verb::get, "/api/v1/events", "/api/v1/events", "", P, P, P},
    // Campaigns: the coordinator's to run; a municipality sees and answers those it is invited to.
    {verb::get, "/api/v1/campaigns", "/api/v1/campaigns", "", P, P, P},
    {verb::post, "/api/v1/campaigns", "/api/v1/campaigns", "{}", F, P, F},
    {verb::get, "/api/v1/campaigns/{id}", "/api/v1/campaigns/{own_campaign}", "", P, P, P},
    {verb::get, "/api/v1/campaigns/{id}", "/api/v1/campaigns/{other_campaign}", "", H, P, P},
    {verb::patch, "/api/v1/campaigns/{id}", "/api/v1/campaigns/{own_campaign}", "{}", F, P, F},
    {verb::post, "/api/v1/campaigns/{id}/open", "/api/v1/campaigns/{own_campaign}/open", "", F, P, F},
    {verb::post, "/api/v1/campaigns/{id}/close", "/api/v1/campaigns/{own_campaign}/close", "", F, P, F},
    {verb::post, "/api/v1/campaigns/{id}/cancel", "/api/v1/campaigns/{own_campaign}/cancel", "", F, P, F},
    {verb::post, "/api/v1/campaigns/{id}/answers", "/api/v1/campaigns/{own_campaign}/answers", "{}", P, F, F},
    {verb::post, "/api/v1/campaigns/{id}/answers", "/api/v1/campaigns/{other_campaign}/answers", "{}", H, F, F},
    {verb::get, "/api/v1/campaigns/{id}/progress", "/api/v1/campaigns/{own_campaign}/progress", "", F, P, P},
    {verb::get, "/api/v1/campaigns/{id}/progress.csv", "/api/v1/campaigns/{own_campaign}/progress.csv", "", F, P, P},
    {verb::get, "/api/v1/campaigns/{id}/mail", "/api/v1/campaigns/{own_campaign}/mail", "", F, P, P},
    // Framework agreements: the coordinator's to keep; a municipality sees those it may call off
    // from and calls off for itself; call-offs are seen by their buyer, coordinators and auditors.
    {verb::get, "/api/v1/framework-agreements", "/api/v1/framework-agreements", "", P, P, P},
    {verb::post, "/api/v1/framework-agreements", "/api/v1/framework-agreements", "{}", F, P, F},
    {verb::get, "/api/v1/framework-agreements/{id}", "/api/v1/framework-agreements/{own_agreement}", "", P, P, P},
    {verb::get, "/api/v1/framework-agreements/{id}", "/api/v1/framework-agreements/{other_agreement}", "", H, P, P},
    {verb::put, "/api/v1/framework-agreements/{id}", "/api/v1/framework-agreements/{own_agreement}", "{}", F, P, F},
    {verb::post, "/api/v1/framework-agreements/{id}/call-offs", "/api/v1/framework-agreements/{own_agreement}/call-offs", "{}", P, P, F},
    {verb::post, "/api/v1/framework-agreements/{id}/call-offs", "/api/v1/framework-agreements/{other_agreement}/call-offs", "{}", H, P, F},
    {verb::get, "/api/v1/framework-agreements/{id}/call-offs", "/api/v1/framework-agreements/{own_agreement}/call-offs", "", P, P, P},
    {verb::get, "/api/v1/framework-agreements/{id}/call-offs", "/api/v1/framework-agreements/{other_agreement}/call-offs", "", H, P, P},
    {verb::get, "/api/v1/framework-agreements/{id}/call-offs.csv", "/api/v1/framework-agreements/{own_agreement}/call-offs.csv", "", P, P, P},
    {verb::get, "/api/v1/call-offs/{id}/ocds.json", "/api/v1/call-offs/{own_call_off}/ocds.json", "", P, P, P},
    {verb::get, "/api/v1/call-offs/{id}/ocds.json", "/api/v1/call-offs/{other_call_off}/ocds.json", "", H, P, P},
    {verb::get, "/api/v1/agreement-opportunities", "/api/v1/agreement-opportunities", "", F, P, P},
    // Framework tenders: a coordinator starts one on an opportunity and records its award.
    {verb::post, "/api/v1/framework-tenders", "/api/v1/framework-tenders", "{}", F, P, F},
    {verb::post, "/api/v1/bundles/{id}/agreement", "/api/v1/bundles/{own_bundle}/agreement", "{}", F, P, F},
};

std::string fill(std::string text, const std::map<std::string, std::string>& values) {
  for (const auto& [name, value] : values) {
    for (auto at = text.find(name); at != std::string::npos; at = text.find(name)) text.replace(at, name.size(), value);
  }
  return text;
}

}  // namespace

TEST_CASE("every route answers every role as the access table says") {
  api_fixture f;
  // Twelve schools with Kriens and Emmen make a joint tender; Ebikon's laptops are a tender without Kriens.
  const char* schools[] = {"1059", "1024", "1054", "1058", "1040", "1103", "1031", "1062", "1063", "1151", "1093", "1098"};
  long long own_intent = 0, other_intent = 0;
  for (int k = 0; k < 12; ++k) {
    const auto id = f.add_intent(schools[k], "school-administration-software", 400 + 60 * k, k * 3, 170);
    if (k == 0) own_intent = id;
    if (k == 1) other_intent = id;
  }
  f.add_intent("1054", "laptop-standard-14", 5, 200, 230);
  const auto run = store::create_run(*f.db, test::shipped_reference_data(), "test");
  store::bundle_filter all;
  all.run = run.id;
  all.limit = 100;
  long long own_bundle = 0, other_bundle = 0;
  for (const auto& b : store::list_bundles(*f.db, all).items) {
    if (b.answers.count("1059") > 0) own_bundle = b.id;
    if (b.answers.count("1059") == 0 && b.answers.count("1054") > 0 && b.bundle.compatibility_key != "school-administration-software") {
      other_bundle = b.id;
    }
  }
  REQUIRE(own_bundle > 0);
  REQUIRE(other_bundle > 0);
  const auto words = mail::campaign_mail_composer("http://127.0.0.1");
  store::campaign_request campaign{"Schulverwaltung", "", {"school-administration-software"}, false, {"1059"},
                                   store::utc_timestamp_now(), store::utc_timestamp(std::chrono::system_clock::now() + std::chrono::hours{240}), {}, false};
  const auto own_campaign = store::create_campaign(*f.db, campaign, "LU", "test").id;
  store::act_on_campaign(*f.db, own_campaign, campaign::action::open, "test", words);
  campaign.organisations = {"1024"};
  const auto other_campaign = store::create_campaign(*f.db, campaign, "LU", "test").id;
  store::act_on_campaign(*f.db, other_campaign, campaign::action::open, "test", words);
  catalog::framework_agreement agreement;
  agreement.title = "Notebooks";
  agreement.supplier = "Beispiel AG";
  agreement.valid_from = engine::date{std::chrono::year{2027} / 1 / 1};
  agreement.valid_to = engine::date{std::chrono::year{2029} / 12 / 31};
  agreement.all_eligible = false;
  agreement.eligible = {"1059"};
  agreement.ceiling = 100'000'000;
  agreement.prices = {{"laptop-standard-14", agreement.valid_from, 100'000}};
  const auto own_agreement = store::create_agreement(*f.db, agreement, "test").id;
  agreement.eligible = {"1024"};
  const auto other_agreement = store::create_agreement(*f.db, agreement, "test").id;
  const auto own_call_off =
      store::call_off(*f.db, {own_agreement, std::nullopt, "1059", "laptop-standard-14", 2, agreement.valid_from}, "test").id;
  const auto other_call_off =
      store::call_off(*f.db, {other_agreement, std::nullopt, "1024", "laptop-standard-14", 2, agreement.valid_from}, "test").id;
  const std::map<std::string, std::string> values{{"{own_intent}", std::to_string(own_intent)},
                                                  {"{own_agreement}", std::to_string(own_agreement)},
                                                  {"{other_agreement}", std::to_string(other_agreement)},
                                                  {"{own_call_off}", std::to_string(own_call_off)},
                                                  {"{other_call_off}", std::to_string(other_call_off)},
                                                  {"{own_campaign}", std::to_string(own_campaign)},
                                                  {"{other_campaign}", std::to_string(other_campaign)},
                                                  {"{other_intent}", std::to_string(other_intent)},
                                                  {"{own_bundle}", std::to_string(own_bundle)},
                                                  {"{other_bundle}", std::to_string(other_bundle)},
                                                  {"{run}", std::to_string(run.id)}};

  // The table covers every route the API serves.
  std::set<std::pair<std::string, std::string>> covered;
  for (const auto& r : table) covered.emplace(std::string{boost::beast::http::to_string(r.method)}, r.pattern);
  const auto routes = http::make_api_router(*f.db, test::shipped_reference_data());
  for (const auto& route : routes.describe()) CHECK_MESSAGE(covered.count(route) == 1, route.first << " " << route.second << " has no row");

  const std::pair<const char*, const std::string*> callers[] = {{"kriens", &f.kriens}, {"coordinator", &f.coordinator}, {"auditor", &f.auditor}};
  std::size_t cells = 0;
  for (const auto& r : table) {
    const auto target = fill(r.target, values);
    const std::string_view pattern{r.pattern};
    const bool open = pattern.starts_with("/healthz") || pattern.starts_with("/readyz") || pattern.starts_with("/api/v1/session") ||
                      pattern.starts_with("/api/v1/invitations/");
    const outcome expected[] = {r.kriens, r.coordinator, r.auditor};
    for (std::size_t c = 0; c < 3; ++c) {
      const auto reply = test::http_request(f.port(), r.method, target, r.body,
                                            api_fixture::auth(*callers[c].second, {{"Content-Type", "application/json"}, {"If-Match", "\"999\""}}));
      const auto got = outcome_of(reply.status);
      const std::string cell = std::string{boost::beast::http::to_string(r.method)} + " " + target + " as " + callers[c].first +
                               ": expected " + name_of(expected[c]) + ", got " + std::to_string(reply.status) + " " + reply.body.substr(0, 200);
      CHECK_MESSAGE(got == expected[c], cell);
      if (reply.status >= 400) CHECK(reply.header("Content-Type") == "application/problem+json");
      ++cells;
    }
    // Without a token: 401 with a challenge, except the open routes, which answer as they answer everyone.
    const auto anonymous = test::http_request(f.port(), r.method, target, r.body, {{"Content-Type", "application/json"}, {"If-Match", "\"999\""}});
    CHECK_MESSAGE(outcome_of(anonymous.status) == (open ? r.auditor : outcome::unauthenticated), target << " without a token: " << anonymous.status);
    if (!open) CHECK(anonymous.header("WWW-Authenticate").starts_with("Bearer"));
  }
  CHECK(cells == std::size(table) * 3);
  // Nothing the table sent changed an intent: every body was incomplete or unauthorised.
  CHECK(f.db->with_session([](soci::session& s) {
    long long changed = 0;
    s << "SELECT COUNT(*) FROM intents WHERE version > 1 OR status <> 'submitted'", soci::into(changed);
    return changed;
  }) == 0);
}

namespace {

// Emmen's need, with a price estimate and a note that are Emmen's alone.
constexpr const char* emmen_note = "EMMEN-INTERNAL-NOTE";
constexpr const char* emmen_price = "37.77";

// What Kriens reads of bundle `id`, in every shape the API has.
std::vector<std::pair<std::string, std::string>> kriens_reads(const api_fixture& f, long long id) {
  const auto path = "/api/v1/bundles/" + std::to_string(id);
  std::vector<std::pair<std::string, std::string>> bodies;
  for (const auto& target : {path, path + "/decisions", path + "/schedule.csv", path + "/schedule.csv?sep=semicolon&lang=de",
                             path + "/ocds.json", std::string{"/api/v1/bundles?limit=500"}}) {
    const auto reply = test::http_get(f.port(), target, f.kriens);
    if (reply.status == 409) continue;  // no OCDS release for an individual bundle
    CHECK_MESSAGE(reply.status == 200, target << ": " << reply.body);
    bodies.emplace_back(target, reply.body);
  }
  return bodies;
}

}  // namespace

TEST_CASE("a buyer sees its co-buyers' names, quantities and windows, never their notes or price estimates") {
  api_fixture f;
  // Before: the quantity schedule of a shared bundle gave Kriens every buyer's note and estimate.
  const char* schools[] = {"1059", "1054", "1058", "1040", "1103", "1031", "1062", "1063", "1151", "1093", "1098"};
  for (int k = 0; k < 11; ++k) f.add_intent(schools[k], "school-administration-software", 400 + 60 * k, k * 3, 170, "note of " + std::string{schools[k]});
  f.add_intent("1024", "school-administration-software", 777, 10, 170, emmen_note, 3777);
  // Laptops of Kriens and Emmen in one window: too small for a public tender, each buys alone.
  f.add_intent("1059", "laptop-standard-14", 3, 200, 230, "Kriens laptops");
  f.add_intent("1024", "laptop-standard-14", 4, 200, 230, emmen_note, 3777);
  const auto run = store::create_run(*f.db, test::shipped_reference_data(), "test");
  store::bundle_filter all;
  all.run = run.id;
  all.limit = 100;
  long long joint = 0, alone = 0;
  for (const auto& b : store::list_bundles(*f.db, all).items) {
    if (b.answers.count("1059") == 0 || b.answers.count("1024") == 0) continue;
    (b.bundle.verdict == engine::verdict::joint_tender ? joint : alone) = b.id;
  }
  REQUIRE(joint > 0);
  REQUIRE(alone > 0);

  SUBCASE("in a joint tender: Emmen's name and quantity, not its estimate, value or note") {
    const auto bundle = test::http_get(f.port(), "/api/v1/bundles/" + std::to_string(joint), f.kriens).json();
    bool saw_emmen = false;
    for (const auto& member : bundle.at("members").as_array()) {
      const auto& m = member.as_object();
      if (m.at("organisation") == "1024") {
        saw_emmen = true;
        CHECK(m.at("quantity") == 777);
        CHECK(m.contains("window"));
        CHECK_FALSE(m.contains("value_chf"));
        CHECK_FALSE(m.contains("own_procedure"));
      } else if (m.at("organisation") == "1059") {
        CHECK(m.contains("value_chf"));
      }
    }
    CHECK(saw_emmen);
    // A decline re-evaluates the tender: the states before and after are shown the same way.
    const auto version = bundle.at("version").as_int64();
    const auto approve = test::http_request(f.port(), verb::post, "/api/v1/bundles/" + std::to_string(joint) + "/decision",
                                            R"({"decision": "approve"})",
                                            api_fixture::auth(f.coordinator, {{"Content-Type", "application/json"}, {"If-Match", "\"" + std::to_string(version) + "\""}}));
    REQUIRE_MESSAGE(approve.status == 200, approve.body);
    const auto decline = test::http_request(f.port(), verb::post, "/api/v1/bundles/" + std::to_string(joint) + "/participation",
                                            R"({"answer": "decline"})",
                                            api_fixture::auth(f.emmen, {{"Content-Type", "application/json"}, {"If-Match", "\"" + std::to_string(version + 1) + "\""}}));
    REQUIRE_MESSAGE(decline.status == 200, decline.body);
    for (const auto& [target, body] : kriens_reads(f, joint)) {
      CAPTURE(target);
      CHECK(body.find(emmen_note) == std::string::npos);
      CHECK(body.find(emmen_price) == std::string::npos);
      CHECK(body.find("note of 1054") == std::string::npos);
    }
    const auto schedule = test::http_get(f.port(), "/api/v1/bundles/" + std::to_string(joint) + "/schedule.csv", f.kriens).body;
    CHECK(schedule.find("note of 1059") != std::string::npos);  // its own note it sees
    CHECK(schedule.find("Ebikon") != std::string::npos);        // and its co-buyers' names
  }

  SUBCASE("in a bundle whose buyers each buy alone: nothing of Emmen") {
    const auto bundle = test::http_get(f.port(), "/api/v1/bundles/" + std::to_string(alone), f.kriens).json();
    REQUIRE(bundle.at("members").as_array().size() == 1);
    CHECK(bundle.at("members").at(0).at("organisation") == "1059");
    CHECK(bundle.at("answers").as_object().size() == 1);
    for (const auto& [target, body] : kriens_reads(f, alone)) {
      CAPTURE(target);
      CHECK(body.find(emmen_note) == std::string::npos);
      if (target.find("/api/v1/bundles?") == std::string::npos) CHECK(body.find("1024") == std::string::npos);
    }
  }

  SUBCASE("the coordinator and the auditor see everything") {
    for (const auto* bearer : {&f.coordinator, &f.auditor}) {
      const auto schedule = test::http_get(f.port(), "/api/v1/bundles/" + std::to_string(joint) + "/schedule.csv", *bearer).body;
      CHECK(schedule.find(emmen_note) != std::string::npos);
      CHECK(schedule.find(emmen_price) != std::string::npos);
      const auto bundle = test::http_get(f.port(), "/api/v1/bundles/" + std::to_string(alone), *bearer).json();
      CHECK(bundle.at("members").as_array().size() == 2);
    }
  }
}
