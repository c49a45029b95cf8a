// The hardware route (DOMAIN.md §4.8), rule by rule: call-offs from framework agreements and the
// horizons where an agreement would pay, with the shipped thresholds and cost model.
#include <doctest/doctest.h>

#include <algorithm>

#include "engine/bundling.hpp"
#include "engine/framework_tender.hpp"
#include "tests/support/reference_data.hpp"

using namespace jointbuy;
using namespace jointbuy::engine;
using namespace std::chrono;

namespace {

date on_day(int d) { return date{2027y / January / 1} + days{d}; }

item_terms hardware(rappen price, std::string key) {
  return {std::move(key), category::hardware, procurement_type::supply, "30213100-6", billing::one_time, std::nullopt, price, std::nullopt};
}

bundling_input input() {
  const auto& shipped = test::shipped_reference_data();
  return {{},
          {{"laptop", hardware(115'000, "laptop")}, {"monitor", hardware(23'000, "monitor")}, {"phone", hardware(65'000, "phone")}},
          shipped.thresholds,
          shipped.costs,
          {}};
}

intent make(std::int64_t id, std::string org, std::string item, std::int64_t quantity, int from, int to) {
  return {id, std::move(org), std::move(item), quantity, std::nullopt, on_day(from), on_day(to), std::nullopt};
}

framework_agreement agreement(std::int64_t id, rappen laptop_price, int from = 0, int to = 3 * 365) {
  framework_agreement a;
  a.id = id;
  a.valid_from = on_day(from);
  a.valid_to = on_day(to);
  a.ceiling = 100'000'000;
  a.prices = {{"laptop", on_day(from), laptop_price}};
  return a;
}

const flag* flag_of(const bundling_result& r, std::int64_t intent, static_name code) {
  for (const auto& f : r.flags) {
    if (f.intent == intent && f.reason.code == code) return &f;
  }
  return nullptr;
}

std::size_t count_code(const bundling_result& r, static_name code) {
  return static_cast<std::size_t>(std::count_if(r.flags.begin(), r.flags.end(), [&](const flag& f) { return f.reason.code == code; }));
}

}  // namespace

TEST_CASE("an agreement covers a purchase only of an item it lists") {
  auto in = input();
  in.agreements = {agreement(1, 100'000)};
  in.intents = {make(1, "1059", "laptop", 10, 30, 60), make(2, "1059", "monitor", 10, 30, 60)};
  const auto r = run_bundling(in);
  REQUIRE(flag_of(r, 1, codes::call_off_available) != nullptr);
  CHECK(flag_of(r, 2, codes::call_off_available) == nullptr);
  CHECK(flag_of(r, 2, codes::call_off_ceiling_exceeded) == nullptr);
}

TEST_CASE("an agreement covers only the buyers it names") {
  auto in = input();
  auto a = agreement(1, 100'000);
  a.all_eligible = false;
  a.eligible = {"1059"};
  in.agreements = {a};
  in.intents = {make(1, "1059", "laptop", 10, 30, 60), make(2, "1024", "laptop", 10, 30, 60)};
  const auto r = run_bundling(in);
  CHECK(flag_of(r, 1, codes::call_off_available) != nullptr);
  CHECK(flag_of(r, 2, codes::call_off_available) == nullptr);
}

TEST_CASE("validity against windows: the call-off date is the first common day") {
  auto in = input();
  in.agreements = {agreement(1, 100'000, 100, 200)};
  in.intents = {make(1, "1059", "laptop", 10, 30, 99),   // ends the day before the agreement begins
                make(2, "1059", "laptop", 10, 30, 100),  // meets it on its first day
                make(3, "1024", "laptop", 10, 150, 250),
                make(4, "1054", "laptop", 10, 201, 250)};  // begins the day after it ends
  const auto r = run_bundling(in);
  CHECK(flag_of(r, 1, codes::call_off_available) == nullptr);
  const auto* second = flag_of(r, 2, codes::call_off_available);
  REQUIRE(second != nullptr);
  CHECK(second->reason.texts.at("call_off_date") == format_iso_date(on_day(100)));
  const auto* third = flag_of(r, 3, codes::call_off_available);
  REQUIRE(third != nullptr);
  CHECK(third->reason.texts.at("call_off_date") == format_iso_date(on_day(150)));
  CHECK(flag_of(r, 4, codes::call_off_available) == nullptr);
}

TEST_CASE("the price list version in force on the call-off date sets the price") {
  auto in = input();
  auto a = agreement(1, 100'000);
  a.prices.push_back({"laptop", on_day(180), 90'000});
  in.agreements = {a};
  in.intents = {make(1, "1059", "laptop", 10, 30, 60), make(2, "1024", "laptop", 10, 200, 230)};
  const auto r = run_bundling(in);
  CHECK(flag_of(r, 1, codes::call_off_available)->reason.amounts.at("price") == 100'000);
  CHECK(flag_of(r, 2, codes::call_off_available)->reason.amounts.at("price") == 90'000);
  CHECK(flag_of(r, 2, codes::call_off_available)->reason.amounts.at("call_off_value") == 900'000);
}

TEST_CASE("the cheapest covering agreement wins; a tie goes to the smaller id") {
  auto in = input();
  in.agreements = {agreement(7, 100'000), agreement(3, 95'000), agreement(5, 95'000)};
  in.intents = {make(1, "1059", "laptop", 10, 30, 60)};
  const auto r = run_bundling(in);
  const auto* f = flag_of(r, 1, codes::call_off_available);
  REQUIRE(f != nullptr);
  CHECK(f->reason.texts.at("agreement") == "3");
  CHECK(f->reason.amounts.at("call_off_value") == 950'000);
  // The saving is the stand-alone cost of §4.4 (own value, own discount, own procedure) less the call-off value.
  const rappen standalone = 10 * 115'000 + 200'000;  // below every discount tier; free-hand overhead CHF 2'000
  CHECK(f->reason.amounts.at("standalone") == standalone);
  CHECK(f->reason.amounts.at("saving") == standalone - 950'000);
}

TEST_CASE("the ceiling is taken after the call-offs ordered, in call-off date then intent order") {
  auto in = input();
  auto a = agreement(1, 100'000);
  a.ceiling = 3'000'000;  // CHF 30'000
  a.consumed = 500'000;   // CHF 5'000 ordered already
  in.agreements = {a};
  in.intents = {make(3, "1059", "laptop", 10, 20, 40),   // CHF 10'000 on day 20
                make(1, "1024", "laptop", 10, 50, 70),   // CHF 10'000 on day 50
                make(2, "1054", "laptop", 10, 50, 80),   // CHF 10'000 on day 50, after intent 1
                make(4, "1058", "laptop", 5, 90, 100)};  // CHF 5'000 on day 90: fits what is left
  const auto r = run_bundling(in);
  CHECK(flag_of(r, 3, codes::call_off_available)->reason.amounts.at("remaining_after") == 1'500'000);
  CHECK(flag_of(r, 1, codes::call_off_available)->reason.amounts.at("remaining_after") == 500'000);
  const auto* exceeded = flag_of(r, 2, codes::call_off_ceiling_exceeded);
  REQUIRE(exceeded != nullptr);
  CHECK(exceeded->reason.amounts.at("remaining") == 500'000);
  CHECK(exceeded->reason.amounts.at("call_off_value") == 1'000'000);
  CHECK(flag_of(r, 4, codes::call_off_available)->reason.amounts.at("remaining_after") == 0);
  CHECK(describe(exceeded->reason, language::de).find("CHF 5'000.00") != std::string::npos);
}

TEST_CASE("a quantity ceiling is taken as well") {
  auto in = input();
  auto a = agreement(1, 100'000);
  a.ceiling_quantity = 15;
  in.agreements = {a};
  in.intents = {make(1, "1059", "laptop", 10, 20, 40), make(2, "1024", "laptop", 10, 50, 70)};
  const auto r = run_bundling(in);
  CHECK(flag_of(r, 1, codes::call_off_available) != nullptr);
  const auto* exceeded = flag_of(r, 2, codes::call_off_ceiling_exceeded);
  REQUIRE(exceeded != nullptr);
  CHECK(exceeded->reason.amounts.at("remaining_quantity") == 5);
  CHECK(describe(exceeded->reason, language::en).find("only 5 of the 10 units") != std::string::npos);
}

TEST_CASE("members of a joint tender are not routed to agreements") {
  auto in = input();
  in.agreements = {agreement(1, 100'000)};
  // 550 laptops of two buyers in one window: CHF 632'500, tendered jointly.
  in.intents = {make(1, "1059", "laptop", 300, 30, 60), make(2, "1024", "laptop", 250, 30, 60)};
  const auto r = run_bundling(in);
  REQUIRE(r.bundles.size() == 1);
  REQUIRE(r.bundles.front().verdict == verdict::joint_tender);
  CHECK(count_code(r, codes::call_off_available) == 0);
}

namespace {

// 30 buyers of 17 phones each (CHF 11'050), one every `spacing` days: never a common award date.
bundling_input phones(int spacing, int buyers = 30) {
  auto in = input();
  for (int k = 0; k < buyers; ++k) in.intents.push_back(make(k + 1, std::to_string(1000 + k), "phone", 17, k * spacing, k * spacing));
  return in;
}

}  // namespace

TEST_CASE("purchases without a common date over a horizon that pays are flagged as an agreement opportunity") {
  const auto r = run_bundling(phones(50));
  CHECK(r.summary.joint_tenders == 0);
  REQUIRE(count_code(r, codes::agreement_opportunity) == 30);
  const auto& why = flag_of(r, 1, codes::agreement_opportunity)->reason;
  CHECK(why.amounts.at("value") == 30 * 17 * 65'000);
  CHECK(why.amounts.at("quantity") == 510);
  CHECK(why.amounts.at("buyers") == 30);
  CHECK(why.texts.at("first") == format_iso_date(on_day(0)));
  CHECK(why.texts.at("last") == format_iso_date(on_day(29 * 50)));
  CHECK(why.texts.at("procedure") == "open");
  CHECK(why.amounts.at("international") == 0);
  // Stand-alone: each below every tier, free-hand; jointly 9 % off 510 units, an open procedure and 30 buyers' coordination.
  const rappen standalone = rappen{30} * (17 * 65'000 + 200'000);
  const rappen joint = rappen{30 * 17 * 65'000} * 91 / 100 + 2'500'000 + 30 * 150'000;
  CHECK(why.amounts.at("savings") == standalone - joint);
  CHECK(describe(why, language::de).find("Rahmenvertrag") != std::string::npos);
}

TEST_CASE("a horizon spans 1'461 days from its first purchase") {
  // Spacing 50: purchase 30 starts on day 1'450, inside; with spacing 51 it starts on day 1'479, outside.
  CHECK(count_code(run_bundling(phones(50)), codes::agreement_opportunity) == 30);
  const auto split = run_bundling(phones(51));
  // Purchases 1..29 (days 0..1'428) form the first horizon, purchase 30 alone the second: one buyer, no flag.
  CHECK(count_code(split, codes::agreement_opportunity) == 29);
  CHECK(flag_of(split, 30, codes::agreement_opportunity) == nullptr);
  // Exactly 1'461 days after the first is still inside.
  auto edge = input();
  edge.intents = phones(50).intents;
  edge.intents.back().earliest = edge.intents.back().latest = on_day(1461);
  CHECK(count_code(run_bundling(edge), codes::agreement_opportunity) == 30);
  edge.intents.back().earliest = edge.intents.back().latest = on_day(1462);
  CHECK(flag_of(run_bundling(edge), 30, codes::agreement_opportunity) == nullptr);
}

TEST_CASE("hardware horizons below the open threshold are not proposed") {
  // 20 buyers: CHF 221'000 in all, below the open threshold of CHF 250'000.
  const auto r = run_bundling(phones(50, 20));
  CHECK(count_code(r, codes::agreement_opportunity) == 0);
}

TEST_CASE("purchases with a call-off leave the horizon; those over the ceiling stay in it") {
  auto in = phones(50);
  framework_agreement a;
  a.id = 1;
  a.valid_from = on_day(0);
  a.valid_to = on_day(2000);
  a.ceiling = 60'000 * 17 * 5;  // five call-offs at CHF 600
  a.prices = {{"phone", on_day(0), 60'000}};
  in.agreements = {a};
  const auto r = run_bundling(in);
  CHECK(count_code(r, codes::call_off_available) == 5);
  CHECK(count_code(r, codes::call_off_ceiling_exceeded) == 25);
  // The 25 left are worth CHF 276'250: still an open procedure; whether they pay is the figures' matter.
  for (std::int64_t id = 1; id <= 5; ++id) CHECK(flag_of(r, id, codes::agreement_opportunity) == nullptr);
}

TEST_CASE("broken agreements are refused at the engine's entry") {
  auto in = input();
  in.intents = {make(1, "1059", "laptop", 10, 30, 60)};
  auto reversed = agreement(1, 100'000, 100, 50);
  in.agreements = {reversed};
  CHECK_THROWS_AS(run_bundling(in), invalid_input);
  in.agreements = {agreement(2, 100'000), agreement(2, 90'000)};
  CHECK_THROWS_AS(run_bundling(in), invalid_input);
  auto negative = agreement(3, -1);
  in.agreements = {negative};
  CHECK_THROWS_AS(run_bundling(in), invalid_input);
}

// From opportunity to agreement: a framework tender evaluated on its own gives the figures of the
// opportunity the run flagged, and says why when an agreement on it does not pay.
TEST_CASE("a framework tender on an opportunity's purchases has the opportunity's figures") {
  const auto in = phones(50);
  const auto r = run_bundling(in);
  const auto& why = flag_of(r, 1, codes::agreement_opportunity)->reason;
  const auto b = evaluate_framework_tender(in);
  CHECK(b.verdict == verdict::joint_tender);
  CHECK(b.id == why.texts.at("horizon"));
  CHECK(b.value == why.amounts.at("value"));
  CHECK(b.quantity == why.amounts.at("quantity"));
  CHECK(b.buyers == why.amounts.at("buyers"));
  CHECK(b.estimated_savings == why.amounts.at("savings"));
  CHECK(to_string(b.procedure) == why.texts.at("procedure"));
  // The award window is the horizon: the first and the last buyer's earliest date.
  CHECK(b.award_from == on_day(0));
  CHECK(b.award_to == on_day(29 * 50));
  REQUIRE(b.members.size() == 30);
  CHECK(std::is_sorted(b.members.begin(), b.members.end(), [](const member& x, const member& y) { return x.intent < y.intent; }));
  // Equal shares: the lead is the smallest organisation id; alone each would buy free-hand.
  CHECK(std::count_if(b.members.begin(), b.members.end(), [](const member& m) { return m.lead; }) == 1);
  CHECK(b.members.front().lead);
  CHECK(b.members.front().own_procedure == procedure::free_hand);
  REQUIRE(b.reasons.size() == 2);
  CHECK(b.reasons[0].code == codes::agreement_opportunity);
  CHECK(b.reasons[1].code == codes::procedure_required);
  // Deterministic whatever the order of the intents.
  auto reversed = in;
  std::reverse(reversed.intents.begin(), reversed.intents.end());
  CHECK(evaluate_framework_tender(reversed) == b);
}

TEST_CASE("a framework tender that does not pay says why") {
  // 20 buyers: CHF 221'000, below the open threshold.
  const auto small = evaluate_framework_tender(phones(50, 20));
  CHECK(small.verdict == verdict::individual);
  CHECK(small.reasons.front().code == codes::hardware_too_small);
  CHECK(small.reasons.front().amounts.at("shortfall") == 25'000'000 - small.value);
  // One buyer only.
  auto one = phones(50, 3);
  for (auto& i : one.intents) i.organisation = "1059";
  const auto single = evaluate_framework_tender(one);
  CHECK(single.verdict == verdict::individual);
  CHECK(single.reasons.front().code == codes::single_buyer);
}

TEST_CASE("a framework tender's preconditions: one key, one horizon, intents at all") {
  auto mixed = phones(50, 3);
  mixed.intents.push_back(make(99, "1059", "laptop", 1, 10, 20));
  CHECK_THROWS_AS(evaluate_framework_tender(mixed), invalid_input);
  auto wide = phones(50, 3);
  wide.intents.back().earliest = wide.intents.back().latest = on_day(1462);
  CHECK_THROWS_AS(evaluate_framework_tender(wide), invalid_input);
  wide.intents.back().earliest = wide.intents.back().latest = on_day(1461);
  CHECK_NOTHROW(evaluate_framework_tender(wide));
  CHECK_THROWS_AS(evaluate_framework_tender(input()), invalid_input);
}
