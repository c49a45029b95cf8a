// The review's rules without a database: every action in every status, for coordinators, buyers
// and observers, and what each granted change does to the tender.
#include <doctest/doctest.h>

#include <algorithm>

#include "engine/framework_tender.hpp"
#include "engine/review/actions.hpp"
#include "tests/support/reference_data.hpp"

using namespace jointbuy;
using namespace jointbuy::review;
using namespace std::chrono;

namespace {

engine::date on_day(int d) { return engine::date{2027y / January / 1} + days{d}; }

// Yearly school software: two or more municipalities buying it together save enough for a joint tender.
current_intents rules() {
  const auto& shipped = test::shipped_reference_data();
  engine::item_terms school{"school-admin", engine::category::software, engine::procurement_type::supply, "48190000-6",
                            engine::billing::yearly, 5, 38000, std::nullopt};
  engine::item_terms laptop{"laptops", engine::category::hardware, engine::procurement_type::supply, "30213100-6",
                            engine::billing::one_time, std::nullopt, 115000, std::nullopt};
  return {{}, {{"school", school}, {"other-school", school}, {"laptop", laptop}}, shipped.thresholds, shipped.costs, {}};
}

engine::intent school_intent(std::int64_t id, std::string organisation, std::int64_t quantity, int from = 0, int to = 180) {
  return {id, std::move(organisation), "school", quantity, std::nullopt, on_day(from), on_day(to), std::nullopt};
}

// The intents of three municipalities and the tender the engine makes of them.
struct world {
  current_intents now = rules();
  tender t;

  explicit world(review::status s = status::proposed, std::vector<engine::intent> intents = {school_intent(1, "1059", 500),
                                                                                              school_intent(2, "1024", 700),
                                                                                              school_intent(3, "1054", 600)}) {
    now.intents = std::move(intents);
    const auto award = engine::common_award_date(now.intents);
    REQUIRE(award);
    t.id = 7;
    t.run = 3;
    t.status = s;
    t.version = 4;
    t.bundle = engine::evaluate_tender(now, *award).tender;
    for (const auto& m : t.bundle.members) t.answers[m.organisation] = participation::pending;
  }
};

const actor coordinator{"coordinator-token", role::coordinator, {}};
const actor kriens{"kriens-token", role::buyer, "1059"};
const actor emmen{"emmen-token", role::buyer, "1024"};
const actor stranger{"luzern-token", role::buyer, "1061"};
const actor auditor{"auditor-token", role::observer, {}};

request ask(action a, int version = 4) {
  request r;
  r.action = a;
  r.expected_version = version;
  if (a == action::tendered) r.reference = "simap-2027-0042";
  r.intent = 3;
  r.why = "intent 2 was changed";
  return r;
}

change granted(const outcome& o) {
  REQUIRE_MESSAGE(std::holds_alternative<change>(o),
                  "refused: reason " << static_cast<int>(std::get<refusal>(o).why) << " status " << to_string(std::get<refusal>(o).status)
                  << " allowed " << std::get<refusal>(o).allowed.size());
  return std::get<change>(o);
}

refusal refused(const outcome& o) {
  REQUIRE(std::holds_alternative<refusal>(o));
  return std::get<refusal>(o);
}

constexpr action every_action[] = {action::approve, action::reject,  action::tendered, action::withdraw, action::confirm,
                                   action::decline, action::move_out, action::merge,   action::reevaluate};
constexpr status every_status[] = {status::proposed, status::approved, status::rejected, status::tendered, status::withdrawn,
                                   status::needs_review};

// The status a granted action leads to, for a joint tender whose buyers all remain.
status expected_status(action a, status from) {
  switch (a) {
    case action::approve: return status::approved;
    case action::reject: return status::rejected;
    case action::tendered: return status::tendered;
    case action::withdraw: return status::withdrawn;
    case action::reevaluate: return status::needs_review;
    default: return from;
  }
}

}  // namespace

TEST_CASE("the names of statuses and actions are the API's and read back") {
  for (const auto s : every_status) CHECK(parse_status(to_string(s)) == s);
  for (const auto a : every_action) CHECK(parse_action(to_string(a)) == a);
  CHECK(to_string(action::move_out) == "move_out");
  CHECK(to_string(action::reevaluate) == "needs_review");
  CHECK_FALSE(parse_status("maybe"));
  CHECK_FALSE(parse_action("approve "));
  CHECK(acted_on(status::approved));
  CHECK_FALSE(acted_on(status::proposed));
}

TEST_CASE("who may do what in which status") {
  world w;
  REQUIRE(w.t.bundle.verdict == engine::verdict::joint_tender);
  using v = std::vector<action>;
  SUBCASE("a proposed joint tender") {
    CHECK(allowed_actions(w.t, coordinator) == v{action::approve, action::reject, action::withdraw, action::move_out, action::merge});
    CHECK(allowed_actions(w.t, kriens).empty());
    CHECK(allowed_actions(w.t, auditor).empty());
  }
  SUBCASE("a proposal a newer run replaced") {
    w.t.superseded = true;
    CHECK(allowed_actions(w.t, coordinator) == v{action::reject, action::withdraw});
  }
  SUBCASE("a proposal of individual purchases with one intent") {
    world alone{status::proposed, {school_intent(1, "1059", 500)}};
    REQUIRE(alone.t.bundle.verdict == engine::verdict::individual);
    CHECK(allowed_actions(alone.t, coordinator) == v{action::reject, action::withdraw, action::merge});
  }
  SUBCASE("an approved tender: published once every buyer confirmed") {
    w.t.status = status::approved;
    CHECK(allowed_actions(w.t, coordinator) == v{action::withdraw});
    CHECK(allowed_actions(w.t, kriens) == v{action::confirm, action::decline});
    CHECK(allowed_actions(w.t, stranger).empty());
    for (auto& [organisation, answer] : w.t.answers) answer = participation::confirmed;
    CHECK(allowed_actions(w.t, coordinator) == v{action::tendered, action::withdraw});
    CHECK(allowed_actions(w.t, kriens) == v{action::decline});
  }
  SUBCASE("under review") {
    w.t.status = status::needs_review;
    CHECK(allowed_actions(w.t, coordinator) == v{action::approve, action::reject, action::withdraw, action::move_out});
    w.t.bundle.verdict = engine::verdict::individual;
    CHECK(allowed_actions(w.t, coordinator) == v{action::reject, action::withdraw, action::move_out});
  }
  SUBCASE("tendered, rejected, withdrawn") {
    w.t.status = status::tendered;
    CHECK(allowed_actions(w.t, coordinator) == v{action::withdraw});
    CHECK(allowed_actions(w.t, kriens).empty());
    for (const auto s : {status::rejected, status::withdrawn}) {
      w.t.status = s;
      CHECK(allowed_actions(w.t, coordinator).empty());
      CHECK(allowed_actions(w.t, kriens).empty());
    }
  }
}

TEST_CASE("every action in every status: granted exactly when allowed, refused naming the allowed actions otherwise") {
  for (const auto s : every_status) {
    for (const bool confirmed : {false, true}) {
      world w{s};
      if (confirmed) {
        for (auto& [organisation, answer] : w.t.answers) answer = participation::confirmed;
      }
      world partner{status::proposed, {school_intent(4, "1058", 650, 10, 170)}};
      partner.t.id = 8;
      partner.t.run = w.t.run;
      w.now.intents.push_back(partner.now.intents.front());
      for (const auto a : every_action) {
        for (const auto* who : {&coordinator, &kriens, &stranger, &auditor}) {
          CAPTURE(to_string(s));
          CAPTURE(to_string(a));
          CAPTURE(who->name);
          CAPTURE(confirmed);
          auto r = ask(a);
          r.other = &partner.t;
          const auto allowed = allowed_actions(w.t, *who);
          const bool offered = std::find(allowed.begin(), allowed.end(), a) != allowed.end();
          const bool run_check = a == action::reevaluate && who->role == role::coordinator &&
                                 (s == status::approved || s == status::tendered);
          const auto o = apply(w.t, *who, r, w.now);
          if (offered || run_check) {
            const auto& c = granted(o);
            CHECK(c.before.version == 4);
            CHECK(c.after.version == 5);
            CHECK(c.after.id == w.t.id);
            CHECK(c.after.status == expected_status(a, s));
          } else {
            const auto& why = refused(o);
            CHECK(why.tender == w.t.id);
            CHECK(why.action == a);
            CHECK(why.allowed == allowed);
            if (who == &stranger) CHECK(why.why == refusal::reason::not_a_member);
          }
        }
      }
    }
  }
}

TEST_CASE("a change of another version is refused, whatever it is") {
  world w;
  for (const auto a : every_action) {
    const auto& why = refused(apply(w.t, coordinator, ask(a, 3), w.now));
    CHECK(why.why == refusal::reason::stale_version);
    CHECK(why.current_version == 4);
  }
}

TEST_CASE("refusals that say why") {
  world w;
  SUBCASE("approving a superseded proposal") {
    w.t.superseded = true;
    const auto& why = refused(apply(w.t, coordinator, ask(action::approve), w.now));
    CHECK(why.why == refusal::reason::superseded);
    CHECK(why.subjects == std::vector<std::string>{"3"});
    CHECK(why.allowed == std::vector<action>{action::reject, action::withdraw});
  }
  SUBCASE("publishing before every buyer confirmed, and without a reference") {
    w.t.status = status::approved;
    w.t.answers["1024"] = participation::confirmed;
    const auto& pending = refused(apply(w.t, coordinator, ask(action::tendered), w.now));
    CHECK(pending.why == refusal::reason::buyers_pending);
    CHECK(pending.subjects == std::vector<std::string>{"1054", "1059"});
    for (auto& [organisation, answer] : w.t.answers) answer = participation::confirmed;
    auto no_reference = ask(action::tendered);
    no_reference.reference.reset();
    CHECK(refused(apply(w.t, coordinator, no_reference, w.now)).why == refusal::reason::reference_missing);
    CHECK(granted(apply(w.t, coordinator, ask(action::tendered), w.now)).after.reference == "simap-2027-0042");
  }
  SUBCASE("moving out an intent that is not there, or the only one") {
    auto r = ask(action::move_out);
    r.intent = 99;
    CHECK(refused(apply(w.t, coordinator, r, w.now)).why == refusal::reason::not_in_tender);
    world alone{status::proposed, {school_intent(1, "1059", 500)}};
    r.intent = 1;
    CHECK(refused(apply(alone.t, coordinator, r, alone.now)).why == refusal::reason::only_intent);
  }
  SUBCASE("merging with itself, across runs or keys, or without a common date") {
    auto r = ask(action::merge);
    r.other = &w.t;
    CHECK(refused(apply(w.t, coordinator, r, w.now)).why == refusal::reason::same_tender);
    world late{status::proposed, {school_intent(4, "1058", 650, 200, 300)}};
    late.t.id = 8;
    late.t.run = 2;
    w.now.intents.push_back(late.now.intents.front());
    r.other = &late.t;
    CHECK(refused(apply(w.t, coordinator, r, w.now)).why == refusal::reason::not_mergeable);
    late.t.run = w.t.run;
    const auto& apart = refused(apply(w.t, coordinator, r, w.now));
    CHECK(apart.why == refusal::reason::no_common_date);
    CHECK(apart.subjects == std::vector<std::string>{"8"});
    late.t.status = status::approved;
    const auto& decided = refused(apply(w.t, coordinator, r, w.now));
    CHECK(decided.why == refusal::reason::not_allowed);
    CHECK(decided.tender == 8);
  }
  SUBCASE("approving after review when every intent was withdrawn, or when it no longer pays") {
    w.t.status = status::needs_review;
    auto gone = w.now;
    gone.intents.clear();
    CHECK(refused(apply(w.t, coordinator, ask(action::approve), gone)).why == refusal::reason::all_withdrawn);
    auto one_left = w.now;
    one_left.intents.resize(1);
    CHECK(refused(apply(w.t, coordinator, ask(action::approve), one_left)).why == refusal::reason::not_worth_joint_tender);
  }
  SUBCASE("the catalogue no longer knows an intent's item") {
    w.t.status = status::needs_review;
    auto changed = w.now;
    changed.items.erase("school");
    CHECK(refused(apply(w.t, coordinator, ask(action::approve), changed)).why == refusal::reason::items_changed);
  }
}

TEST_CASE("a decline re-evaluates without the buyer, whose intent is bought individually; the others are asked again") {
  world w{status::approved};
  w.t.answers["1024"] = participation::confirmed;
  const auto& c = granted(apply(w.t, kriens, ask(action::decline), w.now));
  CHECK(c.reevaluated);
  CHECK(c.after.status == status::approved);
  CHECK(c.after.bundle.buyers == 2);
  CHECK(c.after.bundle.value < w.t.bundle.value);
  // Before: Emmen's confirmation stood although the value and the savings it confirmed had fallen.
  CHECK(c.after.bundle.estimated_savings != w.t.bundle.estimated_savings);
  CHECK(c.after.answers == std::map<std::string, participation>{{"1024", participation::pending}, {"1054", participation::pending}});
  REQUIRE(c.individual.bundles.size() == 1);
  CHECK(c.individual.bundles[0].members.at(0).intent == 1);
  CHECK(c.individual.bundles[0].verdict == engine::verdict::individual);
  const auto& last = c.after.bundle.reasons.back();
  CHECK(last.code == engine::codes::reevaluated);
  CHECK(last.texts.at("change") == "decline");
  CHECK(last.texts.at("subject") == "1059");
  CHECK(last.texts.at("by") == "kriens-token");
  CHECK(last.amounts.at("value_before") == w.t.bundle.value);

  SUBCASE("when one buyer is left, the tender needs review") {
    const auto& second = granted(apply(c.after, emmen, ask(action::decline, 5), w.now));
    CHECK(second.after.status == status::needs_review);
    CHECK(second.after.bundle.verdict == engine::verdict::individual);
    CHECK(second.after.review_reason.find("1024") != std::string::npos);
    // Both people's reasons are kept.
    CHECK(std::count_if(second.after.bundle.reasons.begin(), second.after.bundle.reasons.end(),
                        [](const engine::reason& r) { return r.code == engine::codes::reevaluated; }) == 2);
  }
  SUBCASE("when every other buyer withdrew its intents, it needs review and is empty") {
    auto alone = w.now;
    alone.intents.resize(1);
    const auto& emptied = granted(apply(w.t, kriens, ask(action::decline), alone));
    CHECK(emptied.after.status == status::needs_review);
    CHECK(emptied.after.bundle.members.empty());
    CHECK(emptied.after.bundle.buyers == 0);
    CHECK(emptied.after.bundle.value == 0);
    CHECK(emptied.after.answers.empty());
  }
}

TEST_CASE("a confirmation changes only the buyer's answer") {
  world w{status::approved};
  const auto& c = granted(apply(w.t, emmen, ask(action::confirm), w.now));
  CHECK_FALSE(c.reevaluated);
  CHECK(c.after.answers.at("1024") == participation::confirmed);
  CHECK(c.after.answers.at("1059") == participation::pending);
  CHECK(c.after.bundle == w.t.bundle);
}

TEST_CASE("approving after review re-evaluates the intents as they are now and asks every buyer again") {
  world w{status::needs_review};
  for (auto& [organisation, answer] : w.t.answers) answer = participation::confirmed;
  auto now = w.now;
  now.intents[1].quantity = 999;
  const auto& c = granted(apply(w.t, coordinator, ask(action::approve), now));
  CHECK(c.reevaluated);
  CHECK(c.after.status == status::approved);
  CHECK(c.after.review_reason.empty());
  CHECK(c.after.bundle.quantity == 500 + 999 + 600);
  for (const auto& [organisation, answer] : c.after.answers) CHECK(answer == participation::pending);
  CHECK(c.after.bundle.reasons.back().texts.at("change") == "review");
}

TEST_CASE("moving out and merging") {
  world w{status::proposed, {school_intent(1, "1059", 500, 0, 100), school_intent(2, "1024", 700, 10, 100),
                             school_intent(3, "1054", 600, 50, 200)}};
  REQUIRE(w.t.bundle.members.size() == 3);
  const auto& out = granted(apply(w.t, coordinator, ask(action::move_out), w.now));
  CHECK(out.after.bundle.members.size() == 2);
  CHECK(out.after.answers.count("1054") == 0);
  REQUIRE(out.individual.bundles.size() == 1);
  CHECK(out.individual.bundles[0].members.at(0).intent == 3);
  CHECK(out.after.bundle.reasons.back().texts.at("change") == "move_out");

  world other{status::proposed, {school_intent(4, "1058", 650, 60, 200)}};
  other.t.id = 8;
  other.t.run = w.t.run;
  auto now = w.now;
  now.intents.push_back(other.now.intents.front());
  auto r = ask(action::merge, 5);
  r.other = &other.t;
  const auto& merged = granted(apply(out.after, coordinator, r, now));
  CHECK(merged.after.bundle.members.size() == 3);
  CHECK(merged.after.bundle.verdict == engine::verdict::joint_tender);
  REQUIRE(merged.absorbed);
  CHECK(merged.absorbed->status == status::withdrawn);
  CHECK(merged.absorbed->bundle.members.empty());
  // Before: the emptied bundle still said buyers 1 and the value of the intents that moved.
  CHECK(merged.absorbed->bundle.buyers == 0);
  CHECK(merged.absorbed->bundle.quantity == 0);
  CHECK(merged.absorbed->bundle.value == 0);
  CHECK(merged.absorbed->bundle.estimated_savings == 0);
  CHECK(merged.absorbed->version == other.t.version + 1);
  CHECK(merged.absorbed->review_reason.find("7") != std::string::npos);
  CHECK(merged.after.bundle.reasons.back().texts.at("subject") == "bundle 8");
}

TEST_CASE("a run puts an approved or tendered tender whose intents changed under review, saying why") {
  for (const auto s : {status::approved, status::tendered}) {
    world w{s};
    const auto& c = granted(apply(w.t, coordinator, ask(action::reevaluate), w.now));
    CHECK(c.after.status == status::needs_review);
    CHECK(c.after.review_reason == "intent 2 was changed");
    CHECK_FALSE(c.reevaluated);
  }
}

TEST_CASE("moving an intent out changes what the other buyers committed to: those who confirmed are asked again") {
  world w{status::needs_review};
  for (auto& [organisation, answer] : w.t.answers) answer = participation::confirmed;
  const auto& moved = granted(apply(w.t, coordinator, ask(action::move_out), w.now));
  CHECK(moved.after.bundle.value < w.t.bundle.value);
  REQUIRE(moved.after.answers.size() == 2);
  for (const auto& [organisation, answer] : moved.after.answers) CHECK(answer == participation::pending);
}

// A framework tender (DOMAIN.md §4.8): its buyers share no award date, so it is evaluated over its
// horizon; a decline re-evaluates it that way instead of failing for want of a common date.
TEST_CASE("a framework tender is re-evaluated over its horizon, never on a common award date") {
  auto now = rules();
  for (int k = 0; k < 30; ++k) {
    now.intents.push_back({k + 1, std::to_string(1000 + k), "laptop", 10, std::nullopt, on_day(k * 40), on_day(k * 40 + 10), std::nullopt});
  }
  REQUIRE_FALSE(engine::common_award_date(now.intents));
  tender t;
  t.id = 9;
  t.run = 3;
  t.kind = tender_kind::framework;
  t.status = status::approved;
  t.version = 2;
  t.bundle = engine::evaluate_framework_tender(now);
  REQUIRE(t.bundle.verdict == engine::verdict::joint_tender);
  for (const auto& m : t.bundle.members) t.answers[m.organisation] = participation::pending;
  const actor first{"buyer-token", role::buyer, "1000"};
  const auto& c = granted(apply(t, first, ask(action::decline, 2), now));
  CHECK(c.reevaluated);
  CHECK(c.after.kind == tender_kind::framework);
  CHECK(c.after.bundle.buyers == 29);
  CHECK(c.after.bundle.value == t.bundle.value - 10 * 115000);
  CHECK(c.after.bundle.award_from == on_day(40));
  CHECK(c.after.answers.count("1000") == 0);
  // A joint tender of the same intents could not be evaluated at all: they share no date.
  auto joint = t;
  joint.kind = tender_kind::joint;
  const auto refused = apply(joint, first, ask(action::decline, 2), now);
  REQUIRE(std::holds_alternative<refusal>(refused));
  CHECK(std::get<refusal>(refused).why == refusal::reason::no_common_date);
}
