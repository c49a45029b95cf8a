// The review of proposed tenders over HTTP: coordinators decide, buyers answer, every change
// checks the version, a decline re-evaluates, and a new run keeps what was decided.
#include <doctest/doctest.h>

#include <set>

#include <future>

#include "tests/support/api_fixture.hpp"

using namespace jointbuy;
using boost::beast::http::verb;
using test::api_fixture;

namespace {


// Twelve buyers of the school administration software in one half year, Kriens and Emmen among them.
void submit_schools(api_fixture& f) {
  const char* schools[] = {"1059", "1024", "1054", "1058", "1040", "1103", "1031", "1062", "1063", "1151", "1093", "1098"};
  for (int k = 0; k < 12; ++k) f.add_intent(schools[k], "school-administration-software", 400 + 60 * k, k * 3, 170);
}

long long start_run(const api_fixture& f) {
  const auto run = test::http_request(f.port(), verb::post, "/api/v1/bundling-runs", {}, api_fixture::auth(f.coordinator));
  REQUIRE(run.status == 201);
  return run.json().at("id").as_int64();
}

boost::json::value joint_tender(const api_fixture& f) {
  const auto list = test::http_get(f.port(), "/api/v1/bundles?decision=joint_tender", f.coordinator).json();
  REQUIRE(list.at("items").as_array().size() == 1);
  return list.at("items").at(0);
}

struct bundle_ref {
  std::string path;
  int version;
};

bundle_ref ref_of(const boost::json::value& bundle) {
  return {"/api/v1/bundles/" + std::to_string(bundle.at("id").as_int64()), static_cast<int>(bundle.at("version").as_int64())};
}

test::http_reply post(const api_fixture& f, const std::string& bearer, const std::string& target, const std::string& body,
                      std::optional<int> version) {
  test::header_list headers{{"Content-Type", "application/json"}};
  if (version) headers.push_back({"If-Match", "\"" + std::to_string(*version) + "\""});
  return test::http_request(f.port(), verb::post, target, body, api_fixture::auth(bearer, headers));
}

test::http_reply decide(const api_fixture& f, const bundle_ref& b, const std::string& decision, const std::string& extra = "") {
  return post(f, f.coordinator, b.path + "/decision", R"({"decision": ")" + decision + R"(", "comment": "review")" + extra + "}",
              b.version);
}

test::http_reply answer(const api_fixture& f, const std::string& bearer, const bundle_ref& b, const std::string& what) {
  return post(f, bearer, b.path + "/participation", R"({"answer": ")" + what + R"("})", b.version);
}

bundle_ref after(const test::http_reply& reply) {
  REQUIRE(reply.status == 200);
  return ref_of(reply.json());
}

std::vector<std::string> allowed_of(const test::http_reply& reply) {
  std::vector<std::string> allowed;
  const auto body = reply.json();
  for (const auto& a : body.at("allowed").as_array()) allowed.emplace_back(a.as_string());
  return allowed;
}

}  // namespace

TEST_CASE("a proposed joint tender is approved, confirmed by every buyer and tendered; nothing else is allowed") {
  api_fixture f;
  f.add_intent("1059", "school-administration-software", 500, 0, 170);
  f.add_intent("1024", "school-administration-software", 700, 10, 170);
  start_run(f);
  const auto proposal = joint_tender(f);
  // Named as people name it, in the caller's language (before: only "school-administration-software/2027-…").
  CHECK(proposal.at("title") == "School administration software (compulsory school)");
  auto b = ref_of(proposal);
  const auto german = test::http_request(f.port(), verb::get, b.path, {}, api_fixture::auth(f.kriens, {{"Accept-Language", "de"}}));
  CHECK(german.json().at("title") == "Schulverwaltungssoftware für die Volksschule");

  CHECK(post(f, f.coordinator, b.path + "/decision", R"({"decision": "approve"})", std::nullopt).status == 428);
  CHECK(post(f, f.coordinator, b.path + "/decision", R"({"decision": "approve"})", b.version + 1).status == 412);
  CHECK(post(f, f.kriens, b.path + "/decision", R"({"decision": "approve"})", b.version).status == 403);
  CHECK(post(f, f.coordinator, b.path + "/decision", R"({"decision": "maybe"})", b.version).status == 422);
  CHECK(answer(f, f.kriens, b, "confirm").status == 409);  // not approved yet
  const auto tendered_early = decide(f, b, "tendered", R"(, "reference": "simap-1")");
  CHECK(tendered_early.status == 409);
  CHECK(allowed_of(tendered_early) == std::vector<std::string>{"approve", "reject", "withdraw", "move_out", "merge"});

  b = after(decide(f, b, "approve"));
  CHECK(test::http_get(f.port(), b.path, f.kriens).json().at("status") == "approved");
  const auto unconfirmed = decide(f, b, "tendered", R"(, "reference": "simap-1")");
  CHECK(unconfirmed.status == 409);
  // The buyers still to answer by name, their number beside (before: "still to answer: 1059, 1024").
  CHECK(unconfirmed.json().at("detail").as_string().find("Emmen (1024)") != std::string::npos);
  CHECK(answer(f, f.auditor, b, "confirm").status == 403);
  b = after(answer(f, f.kriens, b, "confirm"));
  b = after(answer(f, f.emmen, b, "confirm"));
  const auto confirmed = test::http_get(f.port(), b.path, f.coordinator).json();
  CHECK(confirmed.at("answers").at("1059") == "confirmed");
  CHECK(confirmed.at("answers").at("1024") == "confirmed");
  CHECK(decide(f, b, "tendered").status == 422);  // the reference is required
  const auto tendered = decide(f, b, "tendered", R"(, "reference": "simap-2027-0042")");
  REQUIRE(tendered.status == 200);
  CHECK(tendered.json().at("status") == "tendered");
  CHECK(tendered.json().at("reference") == "simap-2027-0042");
  b = ref_of(tendered.json());
  const auto again = decide(f, b, "approve");
  CHECK(again.status == 409);
  CHECK(allowed_of(again) == std::vector<std::string>{"withdraw"});
  b = after(decide(f, b, "withdraw"));
  const auto terminal = decide(f, b, "approve");
  CHECK(terminal.status == 409);
  CHECK(allowed_of(terminal).empty());

  const auto history = test::http_get(f.port(), b.path + "/decisions", f.auditor).json();
  std::vector<std::string> decisions;
  for (const auto& d : history.at("items").as_array()) decisions.emplace_back(d.at("decision").as_string());
  CHECK(decisions == std::vector<std::string>{"approve", "confirm", "confirm", "tendered", "withdraw"});
  // Each decision names who took it, and its organisation by name (before: a token id only).
  const auto& first = history.at("items").at(0);
  CHECK(first.at("decided_by_name") == "Programmbüro");
  CHECK(first.at("decided_by_organisation").is_null());
  std::set<std::string> answered;
  for (const auto& d : history.at("items").as_array()) {
    if (d.at("decision") != "confirm") continue;
    std::string who{d.at("decided_by_name").as_string()};
    who.append(" (").append(d.at("decided_by_organisation_name").as_string()).append(")");
    answered.insert(who);
  }
  CHECK(answered == std::set<std::string>{"IT Emmen (Emmen)", "IT Kriens (Kriens)"});
  // Kriens's feed: the proposal, then every change, in order.
  const auto feed = test::http_get(f.port(), "/api/v1/events?since=0", f.kriens).json();
  std::vector<std::string> kinds;
  for (const auto& e : feed.at("items").as_array()) kinds.emplace_back(e.at("kind").as_string());
  CHECK(kinds == std::vector<std::string>{"bundle_proposed", "bundle_decided", "participation_answered", "participation_answered",
                                          "bundle_decided", "bundle_decided"});
  const auto since = feed.at("next_since").as_int64();
  CHECK(test::http_get(f.port(), "/api/v1/events?since=" + std::to_string(since), f.kriens).json().at("items").as_array().empty());
  CHECK(test::http_get(f.port(), "/api/v1/events?since=x", f.kriens).status == 400);
  CHECK(test::http_get(f.port(), "/api/v1/events", f.coordinator).json().at("items").as_array().size() == 5);
}

TEST_CASE("rejected stays rejected; individual purchases are not approved; an old run's proposal is not approved") {
  api_fixture f;
  f.add_intent("1059", "school-administration-software", 500, 0, 170);
  f.add_intent("1024", "school-administration-software", 700, 10, 170);
  f.add_intent("1059", "laptop-standard-14", 5, 0, 30);
  start_run(f);
  auto b = ref_of(joint_tender(f));
  const auto hardware = test::http_get(f.port(), "/api/v1/bundles?category=hardware", f.coordinator).json().at("items").at(0);
  const auto individual = decide(f, ref_of(hardware), "approve");
  CHECK(individual.status == 409);
  CHECK(allowed_of(individual) == std::vector<std::string>{"reject", "withdraw", "merge"});

  start_run(f);  // a newer run replaces the first one's proposals
  const auto stale_run = decide(f, b, "approve");
  CHECK(stale_run.status == 409);
  CHECK(stale_run.json().at("detail").as_string().find("newer run") != std::string::npos);
  b = after(decide(f, b, "reject"));
  const auto rejected = test::http_get(f.port(), b.path, f.coordinator).json();
  CHECK(rejected.at("status") == "rejected");
  CHECK(rejected.at("allowed_actions").as_array().empty());
  CHECK(allowed_of(decide(f, b, "approve")).empty());
}

TEST_CASE("two coordinators approving at once: exactly one wins") {
  api_fixture f;
  submit_schools(f);
  start_run(f);
  const auto b = ref_of(joint_tender(f));
  auto first = std::async(std::launch::async, [&] { return decide(f, b, "approve").status; });
  auto second = std::async(std::launch::async, [&] { return decide(f, b, "approve").status; });
  const int a = first.get(), c = second.get();
  CHECK(((a == 200) != (c == 200)));
  CHECK((a == 412 || a == 409 || c == 412 || c == 409));
  const auto history = test::http_get(f.port(), b.path + "/decisions", f.coordinator).json();
  CHECK(history.at("items").as_array().size() == 1);
}

TEST_CASE("a decline re-evaluates the tender without the buyer, whose intent goes back to individual purchase; the others are asked again") {
  api_fixture f;
  submit_schools(f);
  start_run(f);
  const auto before = joint_tender(f);
  auto b = after(decide(f, ref_of(before), "approve"));
  b = after(answer(f, f.emmen, b, "confirm"));
  const auto declined = answer(f, f.kriens, b, "decline");
  REQUIRE(declined.status == 200);
  const auto now = test::http_get(f.port(), b.path, f.coordinator).json();
  CHECK(now.at("status") == "approved");
  CHECK(now.at("buyers") == 11);
  CHECK(now.at("members").as_array().size() == 11);
  CHECK(now.at("value_chf").to_number<double>() < before.at("value_chf").to_number<double>());
  // The value and savings Emmen confirmed changed: it is asked again (before: its confirmation stood).
  CHECK(now.at("answers").at("1024") == "pending");
  const auto emmen_view = test::http_get(f.port(), b.path, f.emmen).json();
  CHECK(emmen_view.at("allowed_actions") == boost::json::array{"confirm", "decline"});
  CHECK_FALSE(now.at("answers").as_object().contains("1059"));
  bool recorded = false;
  for (const auto& r : now.at("reasons").as_array()) recorded = recorded || r.at("code") == "REEVALUATED";
  CHECK(recorded);
  // The reasons name who declined and who acted by name (before: "Absage von 1059 durch f178263cc924",
  // "federführend: 1010"), and group the quantity.
  const auto german = test::http_request(f.port(), verb::get, b.path, {}, api_fixture::auth(f.coordinator, {{"Accept-Language", "de"}})).json();
  std::string reasons;
  for (const auto& r : german.at("reasons").as_array()) reasons.append(r.at("message").as_string()).append("\n");
  CHECK_MESSAGE(reasons.find("Neu bewertet nach Absage von Kriens (1059) durch IT Kriens (Kriens)") != std::string::npos, reasons);
  CHECK_MESSAGE(reasons.find("federführend: ") != std::string::npos, reasons);
  CHECK_MESSAGE(reasons.find(") mit einem gemeinsamen") == std::string::npos, reasons);
  const auto lead = reasons.substr(reasons.find("federführend: ") + std::string{"federführend: "}.size());
  CHECK_MESSAGE(lead.find(" (10") != std::string::npos, lead);  // "Hochdorf (1031)": a name, then the id
  // The coordinator sees before and after.
  const auto history = test::http_get(f.port(), b.path + "/decisions", f.coordinator).json();
  const auto& last = history.at("items").as_array().back();
  CHECK(last.at("decision") == "decline");
  CHECK(last.at("details").at("before").at("buyers") == 12);
  CHECK(last.at("details").at("after").at("buyers") == 11);
  // Kriens no longer sees the joint tender; its intent is an individual purchase of the same run, flagged.
  CHECK(test::http_get(f.port(), b.path, f.kriens).status == 404);
  const auto mine = test::http_get(f.port(), "/api/v1/bundles", f.kriens).json();
  REQUIRE(mine.at("items").as_array().size() == 1);
  CHECK(mine.at("items").at(0).at("decision") == "individual");
  CHECK(mine.at("items").at(0).at("run") == now.at("run"));
  const auto flags = test::http_get(f.port(), "/api/v1/flags?code=SINGLE_BUYER", f.kriens).json();
  CHECK(flags.at("items").as_array().size() == 1);
}

TEST_CASE("when a decline leaves one buyer, the tender needs review") {
  api_fixture f;
  f.add_intent("1059", "school-administration-software", 500, 0, 170);
  f.add_intent("1024", "school-administration-software", 700, 10, 170);
  start_run(f);
  auto b = after(decide(f, ref_of(joint_tender(f)), "approve"));
  const auto declined = answer(f, f.emmen, b, "decline");
  REQUIRE(declined.status == 200);
  CHECK(declined.json().at("status") == "needs_review");
  CHECK(declined.json().at("decision") == "individual");
  CHECK(declined.json().at("review_reason").as_string().find("1024") != std::string::npos);
  CHECK(allowed_of(decide(f, ref_of(declined.json()), "tendered", R"(, "reference": "x")")) ==
        std::vector<std::string>{"reject", "withdraw"});
}

TEST_CASE("a new run keeps approved tenders and puts one whose intent changed under review") {
  api_fixture f;
  submit_schools(f);
  const auto laptop = f.add_intent("1059", "laptop-standard-14", 5, 0, 30);
  start_run(f);
  auto b = after(decide(f, ref_of(joint_tender(f)), "approve"));
  const auto second = start_run(f);
  // The approved tender's intents are held out: the new run holds only the laptop.
  const auto run = test::http_get(f.port(), "/api/v1/bundling-runs/" + std::to_string(second), f.coordinator).json();
  CHECK(run.at("intents") == 1);
  const auto bundles = test::http_get(f.port(), "/api/v1/bundles?run=" + std::to_string(second), f.coordinator).json();
  REQUIRE(bundles.at("items").as_array().size() == 1);
  CHECK(bundles.at("items").at(0).at("members").at(0).at("intent") == laptop);
  CHECK(test::http_get(f.port(), b.path, f.coordinator).json().at("status") == "approved");

  // Kriens changes its school intent; the next run puts the tender under review.
  const auto kriens_intent = test::http_get(f.port(), b.path, f.coordinator).json().at("members").at(0).at("intent").as_int64();
  const auto path = "/api/v1/intents/" + std::to_string(kriens_intent);
  const auto current = test::http_get(f.port(), path, f.kriens);
  auto changed = current.json().as_object();
  const auto etag = current.header("ETag");
  boost::json::object body{{"item", changed.at("item")}, {"quantity", 999}, {"earliest", changed.at("earliest")},
                           {"latest", changed.at("latest")}};
  REQUIRE(test::http_request(f.port(), verb::put, path, boost::json::serialize(body),
                             api_fixture::auth(f.kriens, {{"Content-Type", "application/json"}, {"If-Match", etag}}))
              .status == 200);
  start_run(f);
  const auto reviewed = test::http_get(f.port(), b.path, f.coordinator).json();
  CHECK(reviewed.at("status") == "needs_review");
  CHECK(reviewed.at("review_reason").as_string().find(std::to_string(kriens_intent)) != std::string::npos);
  // Approving again re-evaluates with the changed quantity and asks every buyer again.
  const auto approved = decide(f, ref_of(reviewed), "approve");
  REQUIRE(approved.status == 200);
  CHECK(approved.json().at("answers").at("1059") == "pending");
  CHECK(approved.json().at("quantity").as_int64() > reviewed.at("quantity").as_int64());
}

TEST_CASE("a coordinator moves an intent out of a proposed tender and merges two proposals") {
  api_fixture f;
  f.add_intent("1059", "school-administration-software", 500, 0, 100);
  f.add_intent("1024", "school-administration-software", 700, 10, 100);
  const auto late = f.add_intent("1054", "school-administration-software", 600, 120, 200);
  f.add_intent("1058", "school-administration-software", 650, 110, 200);
  start_run(f);
  const auto list = test::http_get(f.port(), "/api/v1/bundles?decision=joint_tender", f.coordinator).json();
  REQUIRE(list.at("items").as_array().size() == 2);
  const auto first = ref_of(list.at("items").at(0));
  const auto second = ref_of(list.at("items").at(1));
  // No common award date: the merge is refused and nothing changes.
  const auto merge = post(f, f.coordinator, first.path + "/merge", R"({"with": )" + second.path.substr(16) + "}", first.version);
  CHECK(merge.status == 409);
  CHECK(post(f, f.coordinator, first.path + "/merge", R"({"with": 1, "extra": 2})", first.version).status == 422);
  const auto moved = post(f, f.coordinator, second.path + "/move-out", R"({"intent": )" + std::to_string(late) + "}", second.version);
  REQUIRE(moved.status == 200);
  CHECK(moved.json().at("members").as_array().size() == 1);
  CHECK(moved.json().at("decision") == "individual");
  bool by_person = false;
  const auto moved_body = moved.json();
  for (const auto& r : moved_body.at("reasons").as_array()) {
    by_person = by_person || (r.at("code") == "REEVALUATED" && r.at("message").as_string().find("moved out") != std::string::npos);
  }
  CHECK(by_person);
  CHECK(post(f, f.kriens, second.path + "/move-out", R"({"intent": 1})", 1).status == 403);

  // The moved intent is now bought on its own; merging it back makes one joint tender again and
  // withdraws the merged proposal, with a reason that names the person.
  const auto all = test::http_get(f.port(), "/api/v1/bundles?limit=100", f.coordinator).json();
  std::optional<bundle_ref> alone;
  for (const auto& b : all.at("items").as_array()) {
    if (b.at("members").as_array().size() == 1 && b.at("members").at(0).at("intent").as_int64() == late) alone = ref_of(b);
  }
  REQUIRE(alone);
  const auto remaining = ref_of(moved.json());
  CHECK(post(f, f.coordinator, remaining.path + "/merge", R"({"with": )" + alone->path.substr(16) + "}", first.version).status == 412);
  const auto merged = post(f, f.coordinator, remaining.path + "/merge", R"({"with": )" + alone->path.substr(16) + "}", remaining.version);
  REQUIRE(merged.status == 200);
  const auto merged_body = merged.json();
  CHECK(merged_body.at("decision") == "joint_tender");
  CHECK(merged_body.at("members").as_array().size() == 2);
  CHECK(merged_body.at("status") == "proposed");
  bool merge_reason = false;
  for (const auto& r : merged_body.at("reasons").as_array()) {
    merge_reason = merge_reason || (r.at("code") == "REEVALUATED" && r.at("message").as_string().find("merge with bundle " + alone->path.substr(16) + " (by ") != std::string::npos);
  }
  CHECK(merge_reason);
  const auto absorbed = test::http_get(f.port(), alone->path, f.coordinator).json();
  CHECK(absorbed.at("status") == "withdrawn");
  CHECK(absorbed.at("members").as_array().empty());
  // Before: buyers 1 and the moved intent's value stayed on the emptied bundle.
  CHECK(absorbed.at("buyers") == 0);
  CHECK(absorbed.at("quantity") == 0);
  CHECK(absorbed.at("value_chf").to_number<double>() == 0.0);
  CHECK(absorbed.at("estimated_savings_chf").to_number<double>() == 0.0);
}

TEST_CASE("an approved tender outlives the run that proposed it: it is listed under tenders and its intents link to it") {
  api_fixture f;
  f.add_intent("1059", "school-administration-software", 500, 0, 170);
  const auto emmen_intent = f.add_intent("1024", "school-administration-software", 700, 10, 170);
  f.add_intent("1054", "laptop-standard-14", 5, 0, 30);
  start_run(f);
  auto b = after(decide(f, ref_of(joint_tender(f)), "approve"));
  b = after(answer(f, f.emmen, b, "confirm"));
  const auto proposals = test::http_get(f.port(), "/api/v1/tenders", f.coordinator).json();
  REQUIRE(proposals.at("items").as_array().size() == 1);  // the laptop proposal nobody acted on is not a tender
  start_run(f);
  // The new run's proposals no longer contain it; the tenders do, for the coordinator and for both buyers.
  const auto latest = test::http_get(f.port(), "/api/v1/bundles", f.coordinator).json();
  for (const auto& b2 : latest.at("items").as_array()) {
    CHECK(b2.at("id").as_int64() != std::stoll(b.path.substr(16)));
  }
  for (const auto* who : {&f.coordinator, &f.emmen, &f.kriens, &f.auditor}) {
    const auto tenders = test::http_get(f.port(), "/api/v1/tenders", *who).json();
    REQUIRE(tenders.at("items").as_array().size() == 1);
    const auto& t = tenders.at("items").at(0);
    CHECK(t.at("status") == "approved");
    CHECK(t.at("answers").at("1024") == "confirmed");
    CHECK(t.at("answers").at("1059") == "pending");
  }
  const auto for_kriens = test::http_get(f.port(), "/api/v1/tenders", f.kriens).json().at("items").at(0);
  CHECK(for_kriens.at("allowed_actions") == boost::json::array{"confirm", "decline"});
  const auto for_emmen = test::http_get(f.port(), "/api/v1/tenders", f.emmen).json().at("items").at(0);
  CHECK(for_emmen.at("allowed_actions") == boost::json::array{"decline"});
  const auto for_coordinator = test::http_get(f.port(), "/api/v1/tenders", f.coordinator).json().at("items").at(0);
  CHECK(for_coordinator.at("allowed_actions") == boost::json::array{"withdraw"});
  // Filters by status and by organisation; a municipality sees only its own.
  CHECK(test::http_get(f.port(), "/api/v1/tenders?status=approved", f.coordinator).json().at("items").as_array().size() == 1);
  CHECK(test::http_get(f.port(), "/api/v1/tenders?status=tendered", f.coordinator).json().at("items").as_array().empty());
  CHECK(test::http_get(f.port(), "/api/v1/tenders?organisation=1054", f.coordinator).json().at("items").as_array().empty());
  CHECK(test::http_get(f.port(), "/api/v1/tenders?status=proposed", f.coordinator).status == 400);
  CHECK(test::http_get(f.port(), "/api/v1/tenders?status=maybe", f.coordinator).status == 400);
  CHECK(test::http_get(f.port(), "/api/v1/tenders?organisation=1059", f.emmen).status == 403);
  // The intent names the tender it is in now, and the history is there.
  const auto intent = test::http_get(f.port(), "/api/v1/intents/" + std::to_string(emmen_intent), f.emmen).json();
  CHECK(intent.at("bundle").at("id").as_int64() == std::stoll(b.path.substr(16)));
  CHECK(intent.at("bundle").at("status") == "approved");
  const auto history = test::http_get(f.port(), b.path + "/decisions", f.emmen).json();
  CHECK(history.at("items").as_array().size() == 2);
  // Tendering it still works after the new run.
  b = after(answer(f, f.kriens, b, "confirm"));
  CHECK(decide(f, b, "tendered", R"(, "reference": "simap-2027-0042")").status == 200);
}

TEST_CASE("refusals speak the caller's language") {
  api_fixture f;
  submit_schools(f);
  start_run(f);
  const auto b = ref_of(joint_tender(f));
  const auto german = [&](int version) {
    return api_fixture::auth(f.coordinator, {{"Content-Type", "application/json"}, {"If-Match", "\"" + std::to_string(version) + "\""},
                                             {"Accept-Language", "de-CH"}});
  };
  const auto reply = test::http_request(f.port(), verb::post, b.path + "/decision", R"({"decision": "tendered", "reference": "x"})", german(b.version));
  REQUIRE(reply.status == 409);
  CHECK(reply.json().at("title") == "Der Stand des Eintrags erlaubt das nicht");
  CHECK(reply.json().at("detail").as_string().find("vorgeschlagen") != std::string::npos);
  const auto stale = test::http_request(f.port(), verb::post, b.path + "/decision", R"({"decision": "approve"})", german(99));
  CHECK(stale.status == 412);
  CHECK(stale.json().at("detail").as_string().find("Version " + std::to_string(b.version)) != std::string::npos);
}
