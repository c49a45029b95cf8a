// The batching engine, rule by rule (DOMAIN.md §4), with the shipped thresholds and cost model.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "catalog/bundling_json.hpp"
#include "engine/bundling.hpp"
#include "tests/support/reference_data.hpp"

using namespace jointbuy;
using namespace jointbuy::engine;
using namespace std::chrono;

namespace {

date on_day(int d) { return date{2027y / January / 1} + days{d}; }

item_terms hardware(rappen price, std::string key = "laptops") {
  return {std::move(key), category::hardware, procurement_type::supply, "30213100-6", billing::one_time, std::nullopt, price, std::nullopt};
}

item_terms software_yearly(rappen price, std::optional<int> years, std::string key = "office") {
  return {std::move(key), category::software, procurement_type::supply, "48920000-3", billing::yearly, years, price, std::nullopt};
}

bundling_input input_with(std::map<std::string, item_terms> items) {
  const auto& shipped = test::shipped_reference_data();
  return {{}, std::move(items), shipped.thresholds, shipped.costs, {}};
}

intent make(std::int64_t id, std::string org, std::string item, std::int64_t quantity, int from, int to,
            std::optional<rappen> price = std::nullopt) {
  return {id, std::move(org), std::move(item), quantity, price, on_day(from), on_day(to), std::nullopt};
}

const bundle& bundle_of(const bundling_result& r, std::int64_t intent) {
  for (const auto& b : r.bundles) {
    for (const auto& m : b.members) {
      if (m.intent == intent) return b;
    }
  }
  FAIL("intent " << intent << " is in no bundle");
  throw;
}

std::vector<std::string_view> flag_codes(const bundling_result& r, std::int64_t intent) {
  std::vector<std::string_view> codes;
  for (const auto& f : r.flags) {
    if (f.intent == intent) codes.emplace_back(f.reason.code);
  }
  return codes;
}

bool has_reason(const bundle& b, std::string_view code) {
  return std::any_of(b.reasons.begin(), b.reasons.end(), [&](const reason& r) { return r.code == code; });
}

}  // namespace

TEST_CASE("no intents, no bundles") {
  const auto r = run_bundling(input_with({}));
  CHECK(r.bundles.empty());
  CHECK(r.flags.empty());
  CHECK(r.summary.intents == 0);
}

TEST_CASE("one intent is a bundle of its own, bought individually by its single buyer") {
  auto in = input_with({{"laptop", hardware(115000)}});
  in.intents = {make(1, "1059", "laptop", 40, 0, 90)};
  const auto r = run_bundling(in);
  REQUIRE(r.bundles.size() == 1);
  const auto& b = r.bundles[0];
  CHECK(b.verdict == verdict::individual);
  CHECK(b.value == 40 * 115000);
  CHECK(b.buyers == 1);
  CHECK(b.members[0].lead);
  CHECK(b.award_from == on_day(0));
  CHECK(b.award_to == on_day(90));
  CHECK(flag_codes(r, 1) == std::vector<std::string_view>{codes::hardware_too_small, codes::single_buyer});
}

TEST_CASE("the fewest tenders, by the earliest-deadline rule") {
  auto in = input_with({{"laptop", hardware(115000)}});
  in.intents = {make(1, "1001", "laptop", 1, 0, 10), make(2, "1002", "laptop", 1, 5, 20), make(3, "1003", "laptop", 1, 15, 25),
                make(4, "1004", "laptop", 1, 21, 21)};  // a window of a single day
  const auto r = run_bundling(in);
  REQUIRE(r.bundles.size() == 2);
  CHECK(bundle_of(r, 1).id == bundle_of(r, 2).id);  // date 10: 1 and 2
  CHECK(bundle_of(r, 3).id == bundle_of(r, 4).id);  // date 21: 3 and the single day
  CHECK(bundle_of(r, 1).award_from == on_day(5));
  CHECK(bundle_of(r, 1).award_to == on_day(10));
  CHECK(bundle_of(r, 3).award_from == on_day(21));
  CHECK(bundle_of(r, 3).award_to == on_day(21));
}

TEST_CASE("identical windows make one tender; different keys never share one") {
  auto in = input_with({{"laptop", hardware(115000, "laptops")}, {"monitor", hardware(23000, "monitors")}});
  in.intents = {make(1, "1001", "laptop", 5, 0, 30), make(2, "1002", "laptop", 5, 0, 30), make(3, "1003", "monitor", 5, 0, 30)};
  const auto r = run_bundling(in);
  REQUIRE(r.bundles.size() == 2);
  CHECK(bundle_of(r, 1).id == bundle_of(r, 2).id);
  CHECK(bundle_of(r, 3).compatibility_key == "monitors");
}

TEST_CASE("software needed by many at once is tendered jointly with the procedure its total requires") {
  auto in = input_with({{"school", software_yearly(3800, 5, "school-admin")}});
  for (int k = 0; k < 6; ++k) in.intents.push_back(make(k + 1, std::to_string(1001 + k), "school", 300 + 100 * k, k, 180));
  const auto r = run_bundling(in);
  REQUIRE(r.bundles.size() == 1);
  const auto& b = r.bundles[0];
  const rappen total = (300 + 400 + 500 + 600 + 700 + 800) * 3800LL * 5;  // CHF 627'000
  CHECK(b.value == total);
  CHECK(b.verdict == verdict::joint_tender);
  CHECK(b.procedure == procedure::open);
  CHECK(b.international);
  CHECK(b.estimated_savings > 0);
  CHECK(has_reason(b, codes::joint_tender));
  CHECK(has_reason(b, codes::procedure_required));
  const auto lead = std::find_if(b.members.begin(), b.members.end(), [](const member& m) { return m.lead; });
  CHECK(lead->organisation == "1006");  // the largest value
  CHECK(std::count_if(b.members.begin(), b.members.end(), [](const member& m) { return m.lead; }) == 1);
  CHECK(r.flags.empty());
  // The sentence groups the quantity and names the lead buyer as whoever knows the names says it; alone, by id.
  const auto joint = std::find_if(b.reasons.begin(), b.reasons.end(), [](const reason& x) { return x.code == codes::joint_tender; });
  REQUIRE(joint != b.reasons.end());
  const reason_names names{[](const std::string& id) { return "Gemeinde Nr. " + id; }, {}, {}};
  const auto named = describe(*joint, language::de, names);
  CHECK_MESSAGE(named.find("benötigen 3'300 Einheiten") != std::string::npos, named);
  CHECK_MESSAGE(named.find("federführend: Gemeinde Nr. 1006.") != std::string::npos, named);
  CHECK(describe(*joint, language::en).find("lead buyer: 1006.") != std::string::npos);
}

TEST_CASE("two small software buyers: not worth a joint tender, with the figures") {
  auto in = input_with({{"office", software_yearly(17500, 3)}});
  in.intents = {make(1, "1001", "office", 10, 0, 60), make(2, "1002", "office", 10, 0, 60)};
  const auto r = run_bundling(in);
  const auto& b = r.bundles.at(0);
  // Alone: 5'250 + 2'000 each; together: 10'500 + 2'000 + 2 × 1'500.
  CHECK(b.estimated_savings == (525000 + 200000) * 2 - (1050000 + 200000 + 300000));
  CHECK(b.verdict == verdict::individual);
  CHECK(flag_codes(r, 1) == std::vector<std::string_view>{codes::not_worth});
}

TEST_CASE("hardware below the open threshold is flagged too small, with shortfall, not 'not worth'") {
  auto in = input_with({{"laptop", hardware(115000)}});
  in.intents = {make(1, "1059", "laptop", 40, 0, 60), make(2, "1024", "laptop", 35, 10, 60)};
  const auto r = run_bundling(in);
  const auto& b = r.bundles.at(0);
  CHECK(b.verdict == verdict::individual);
  CHECK(flag_codes(r, 1) == std::vector<std::string_view>{codes::hardware_too_small});
  const auto& f = r.flags.at(0);
  CHECK(f.reason.amounts.at("value") == 75 * 115000);
  CHECK(f.reason.amounts.at("open_threshold") == 25000000);
  CHECK(f.reason.amounts.at("shortfall") == 25000000 - 75 * 115000);
  CHECK(f.reason.texts.at("own_procedure") == "free_hand");
  CHECK(describe(f.reason, language::en).find("CHF 163'750.00 below") != std::string::npos);
  CHECK(describe(f.reason, language::de).find("lohnt sich nicht") != std::string::npos);
}

TEST_CASE("hardware that reaches the open threshold with enough volume is tendered jointly") {
  item_terms tablets = hardware(42000, "tablets");
  tablets.tiers = discount_tiers{{100, 400}, {500, 700}, {2000, 1000}};
  auto in = input_with({{"tablet", tablets}});
  for (int k = 0; k < 5; ++k) in.intents.push_back(make(k + 1, std::to_string(1001 + k), "tablet", 400, 0, 90));
  const auto r = run_bundling(in);
  const auto& b = r.bundles.at(0);
  CHECK(b.value == 2000 * 42000);
  // Alone: 168'000 less 4 % plus an invitation procedure, five times; together: 840'000 less 10 %
  // plus an international open procedure and five coordinations.
  CHECK(b.estimated_savings == 5 * (16128000 + 800000) - (75600000 + 4000000 + 750000));
  CHECK(b.verdict == verdict::joint_tender);
}

TEST_CASE("the group's value decides the procedure at the boundary") {
  auto in = input_with({{"a", {"k", category::software, procurement_type::supply, "48000000-8", billing::one_time, std::nullopt, 1, std::nullopt}}});
  in.intents = {make(1, "1001", "a", 1, 0, 10, 12499999), make(2, "1002", "a", 1, 0, 10, 12500000)};
  CHECK(run_bundling(in).bundles.at(0).procedure == procedure::invitation);  // 249'999.99
  in.intents[0].unit_price = 12500000;
  CHECK(run_bundling(in).bundles.at(0).procedure == procedure::open);  // 250'000.00
}

TEST_CASE("open-ended terms count 48 months, fixed terms their years up to 5") {
  CHECK(intent_value(make(1, "1001", "x", 10, 0, 1), software_yearly(10000, std::nullopt)) == 10 * 10000 * 4);
  CHECK(intent_value(make(1, "1001", "x", 10, 0, 1), software_yearly(10000, 3)) == 10 * 10000 * 3);
  auto seven = make(1, "1001", "x", 10, 0, 1);
  seven.contract_years = 7;
  CHECK(intent_value(seven, software_yearly(10000, 3)) == 10 * 10000 * 5);
}

TEST_CASE("the lead buyer: the largest value share, ties to the smaller organisation id") {
  auto in = input_with({{"office", software_yearly(100000, 5)}});
  in.intents = {make(1, "1024", "office", 50, 0, 30), make(2, "1005", "office", 50, 0, 30), make(3, "1024", "office", 1, 0, 30),
                make(4, "1005", "office", 1, 0, 30)};
  const auto r = run_bundling(in);
  for (const auto& m : r.bundles.at(0).members) CHECK(m.lead == (m.organisation == "1005"));
}

TEST_CASE("splitting risk: one buyer's individual purchases within a year that together need a stricter procedure") {
  const item_terms erp{"erp", category::software, procurement_type::supply, "48443000-5", billing::one_time, std::nullopt, 100, std::nullopt};
  auto in = input_with({{"erp", erp}});
  in.intents = {make(1, "1059", "erp", 1, 0, 30, 14000000), make(2, "1059", "erp", 1, 200, 230, 14000000),
                make(3, "1059", "erp", 1, 600, 630, 1000000)};
  const auto r = run_bundling(in);
  CHECK(r.bundles.size() == 3);
  const auto codes1 = flag_codes(r, 1);
  CHECK(std::count(codes1.begin(), codes1.end(), codes::splitting_risk) == 1);
  const auto codes2 = flag_codes(r, 2);
  CHECK(std::count(codes2.begin(), codes2.end(), codes::splitting_risk) == 1);
  const auto codes3 = flag_codes(r, 3);
  CHECK(std::count(codes3.begin(), codes3.end(), codes::splitting_risk) == 0);  // more than 365 days later
  for (const auto& f : r.flags) {
    if (f.reason.code == codes::splitting_risk) {
      CHECK(f.reason.amounts.at("sum") == 28000000);
      CHECK(f.reason.texts.at("procedure") == "open");
    }
  }
}

TEST_CASE("window shift: the smallest move that lets an individual purchase join a joint tender") {
  auto in = input_with({{"school", software_yearly(3800, 5, "school-admin")}});
  // Six buyers of 1'000 pupils: CHF 1'140'000 together, CHF 56'000 saved. A seventh buyer's window
  // starts 10 days after theirs ends.
  for (int k = 0; k < 6; ++k) in.intents.push_back(make(k + 1, std::to_string(1001 + k), "school", 1000, 0, 100));
  in.intents.push_back(make(9, "1009", "school", 400, 110, 200));
  const auto r = run_bundling(in);
  REQUIRE(r.bundles.size() == 2);
  REQUIRE(r.bundles[0].verdict == verdict::joint_tender);
  CHECK(r.bundles[0].estimated_savings == 5600000);
  const flag* shift = nullptr;
  for (const auto& f : r.flags) {
    if (f.intent == 9 && f.reason.code == codes::window_shift) shift = &f;
  }
  REQUIRE(shift != nullptr);
  CHECK(shift->reason.amounts.at("shift_days") == -10);
  CHECK(shift->reason.amounts.at("savings_change") == 810000);  // alone 70'400 more, together 62'300 more
  CHECK(shift->reason.texts.at("bundle") == "school-admin/2027-04-11");
  CHECK(describe(shift->reason, language::en).find("10 days earlier") != std::string::npos);
}

TEST_CASE("the engine's preconditions are checked at its entry with a typed error") {
  auto in = input_with({{"laptop", hardware(115000)}});
  const auto refused = [&](invalid_input::rule rule, std::int64_t intent) {
    try {
      (void)run_bundling(in);
    } catch (const invalid_input& e) {
      CHECK(e.broken() == rule);
      CHECK(e.intent() == intent);
      return true;
    }
    return false;
  };
  SUBCASE("an unknown item") {
    in.intents = {make(1, "1001", "laptop", 1, 0, 1), make(2, "1001", "ghost", 1, 0, 1)};
    CHECK(refused(invalid_input::rule::unknown_item, 2));
  }
  SUBCASE("a window that ends before it begins") {
    in.intents = {make(1, "1001", "laptop", 1, 0, 1), make(7, "1002", "laptop", 1, 30, 10)};
    CHECK(refused(invalid_input::rule::window_reversed, 7));
  }
  SUBCASE("an id given twice") {
    in.intents = {make(3, "1001", "laptop", 1, 0, 1), make(3, "1002", "laptop", 2, 0, 1)};
    CHECK(refused(invalid_input::rule::duplicate_id, 3));
  }
}

TEST_CASE("an intent whose value exceeds the limits is not grouped and is flagged") {
  auto in = input_with({{"laptop", hardware(115000)}});
  in.intents = {make(1, "1001", "laptop", 9'000'000'000'000'000, 0, 1)};
  const auto r = run_bundling(in);
  CHECK(r.bundles.empty());
  CHECK(flag_codes(r, 1) == std::vector<std::string_view>{codes::unpriceable});
}

TEST_CASE("the same input in any order gives the same output") {
  auto in = input_with({{"laptop", hardware(115000)}, {"school", software_yearly(3800, 5, "school-admin")}});
  std::mt19937 random{7};
  for (int k = 1; k <= 60; ++k) {
    const int from = static_cast<int>(random() % 200);
    in.intents.push_back(make(k, std::to_string(1000 + random() % 12), k % 2 ? "laptop" : "school",
                              1 + static_cast<int>(random() % 300), from, from + static_cast<int>(random() % 90)));
  }
  const auto expected = run_bundling(in);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(in.intents.begin(), in.intents.end(), random);
    const auto again = run_bundling(in);
    CHECK(again.bundles == expected.bundles);
    CHECK(again.flags == expected.flags);
  }
}

TEST_CASE("the seeds' scenario: school administration software jointly, a handful of laptops too small") {
  const auto& shipped = test::shipped_reference_data();
  bundling_input in{{}, catalog::engine_terms(shipped.items), shipped.thresholds, shipped.costs, {}};
  std::int64_t id = 0;
  // Twelve municipalities need the school administration software from the same half year.
  for (int k = 0; k < 12; ++k) {
    in.intents.push_back(make(++id, std::to_string(1001 + k), "school-administration-software", 300 + 50 * k, k * 5, 150 + k));
  }
  // Five buy a few laptops each, at scattered times.
  for (int k = 0; k < 5; ++k) {
    in.intents.push_back(make(++id, std::to_string(1101 + k), "laptop-standard-14", 6 + k, k * 70, k * 70 + 20));
  }
  const auto r = run_bundling(in);
  const auto& school = bundle_of(r, 1);
  CHECK(school.members.size() == 12);
  CHECK(school.verdict == verdict::joint_tender);
  const auto expected = required_procedure(shipped.thresholds, school.value, procurement_type::supply, school.award_to);
  CHECK(school.procedure == expected->required);
  CHECK(school.procedure == procedure::open);
  for (std::int64_t laptop = 13; laptop <= 17; ++laptop) {
    const auto codes = flag_codes(r, laptop);
    CHECK(std::count(codes.begin(), codes.end(), codes::hardware_too_small) == 1);
    CHECK(bundle_of(r, laptop).verdict == verdict::individual);
  }
}
