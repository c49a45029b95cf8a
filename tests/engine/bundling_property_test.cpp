// Property test: random instances against a slow, independent reference. The reference finds the
// fewest tenders by trying every partition of each key's intents, and recomputes values, procedure,
// savings and decision from DOMAIN.md §4.4–4.5 directly.
#include <doctest/doctest.h>

#include <chrono>
#include <map>
#include <random>
#include <set>

#include "engine/bundling.hpp"
#include "tests/support/reference_data.hpp"

using namespace jointbuy;
using namespace jointbuy::engine;
using namespace std::chrono;

namespace {

struct window {
  date from, to;
};

// The fewest groups with a common date each, by exhaustive search with pruning.
void search(const std::vector<window>& windows, std::size_t next, std::vector<window>& blocks, std::size_t& best) {
  if (blocks.size() >= best) return;
  if (next == windows.size()) {
    best = blocks.size();
    return;
  }
  const auto& w = windows[next];
  for (std::size_t b = 0; b < blocks.size(); ++b) {  // by index: deeper calls push and pop blocks
    const window saved = blocks[b];
    blocks[b] = {std::max(saved.from, w.from), std::min(saved.to, w.to)};
    if (blocks[b].from <= blocks[b].to) search(windows, next + 1, blocks, best);
    blocks[b] = saved;
  }
  blocks.push_back(w);
  search(windows, next + 1, blocks, best);
  blocks.pop_back();
}

std::size_t fewest_groups(const std::vector<window>& windows) {
  std::vector<window> blocks;
  blocks.reserve(windows.size());
  std::size_t best = windows.size();
  search(windows, 0, blocks, best);
  return best;
}

int basis_points(const discount_tiers& tiers, std::int64_t quantity) {
  int found = 0;
  for (const auto& t : tiers) found = quantity >= t.min_quantity ? t.basis_points : found;
  return found;
}

rappen after_discount(rappen value, int bp) { return (value * (10000 - bp) + 5000) / 10000; }

struct expected_procedure {
  procedure p;
  bool international;
};

expected_procedure procedure_for(rappen value) {
  // The shipped IVöB 2019 limits for supplies, written out independently of the engine.
  if (value >= 35000000) return {procedure::open, true};
  if (value >= 25000000) return {procedure::open, false};
  if (value >= 15000000) return {procedure::invitation, false};
  return {procedure::free_hand, false};
}

rappen overhead(expected_procedure e) {
  if (e.p == procedure::free_hand) return 200000;
  if (e.p == procedure::invitation) return 800000;
  return e.international ? 4000000 : 2500000;
}

// DOMAIN.md §4.6, the slow way: every individual purchase against every joint tender of its key.
void check_window_shifts(const bundling_input& in, const bundling_result& result, const std::map<std::string, rappen>& standalone_of) {
  const auto& tiers_of = test::shipped_reference_data().costs.default_tiers;
  for (const auto& home : result.bundles) {
    if (home.verdict != verdict::individual) continue;
    for (const auto& m : home.members) {
      CAPTURE(m.intent);
      const auto& n = *std::find_if(in.intents.begin(), in.intents.end(), [&](const intent& i) { return i.id == m.intent; });
      const bundle* best = nullptr;
      std::int64_t best_shift = 0;
      for (const auto& tender : result.bundles) {
        if (tender.verdict != verdict::joint_tender || tender.compatibility_key != home.compatibility_key) continue;
        std::int64_t shift = 0;
        if (n.latest < tender.award_from) shift = (tender.award_from - n.latest).count();
        if (n.earliest > tender.award_to) shift = (tender.award_to - n.earliest).count();
        if (best == nullptr || std::llabs(shift) < std::llabs(best_shift)) {
          best = &tender;
          best_shift = shift;
        }
      }
      const flag* suggestion = nullptr;
      for (const auto& f : result.flags) {
        if (f.intent == m.intent && f.reason.code == codes::window_shift) suggestion = &f;
      }
      if (best == nullptr) {
        CHECK(suggestion == nullptr);
        continue;
      }
      const bool new_buyer = std::none_of(best->members.begin(), best->members.end(),
                                          [&](const member& other) { return other.organisation == m.organisation; });
      const rappen value = best->value + m.value;
      const std::int64_t quantity = best->quantity + m.quantity;
      const auto& tiers = tiers_of.at(best->category);
      const auto ruling = procedure_for(value);
      const rappen standalone = standalone_of.at(best->id) + after_discount(m.value, basis_points(tiers, m.quantity)) +
                                overhead(procedure_for(m.value));
      const rappen joint = after_discount(value, basis_points(tiers, quantity)) + overhead(ruling) +
                           150000 * (best->buyers + (new_buyer ? 1 : 0));
      const rappen change = standalone - joint - best->estimated_savings;
      if (change <= 0) {
        CHECK(suggestion == nullptr);
        continue;
      }
      REQUIRE(suggestion != nullptr);
      CHECK(suggestion->reason.amounts.at("shift_days") == best_shift);
      CHECK(suggestion->reason.amounts.at("savings_change") == change);
      CHECK(suggestion->reason.texts.at("bundle") == best->id);
    }
  }
}

void check_instance(std::uint32_t seed) {
  CAPTURE(seed);
  std::mt19937 random{seed};
  const auto& shipped = test::shipped_reference_data();
  bundling_input in{{}, {}, shipped.thresholds, shipped.costs, {}};
  const int keys = 1 + static_cast<int>(random() % 3);
  const rappen prices[] = {4000, 115000, 420000, 2500000, 9000000};
  for (int k = 0; k < keys; ++k) {
    const bool is_hardware = random() % 2 == 0;
    item_terms terms{"key" + std::to_string(k), is_hardware ? category::hardware : category::software, procurement_type::supply,
                     "48000000-8", billing::one_time, std::nullopt, prices[random() % 5], std::nullopt};
    in.items["item" + std::to_string(k)] = terms;
  }
  const int count = 1 + static_cast<int>(random() % (8 * keys));
  for (int i = 0; i < count; ++i) {
    const int from = static_cast<int>(random() % 120);
    const int length = static_cast<int>(random() % 3 == 0 ? 0 : random() % 60);
    intent n{i + 1, std::to_string(1001 + random() % 5), "item" + std::to_string(random() % keys), 1 + static_cast<int>(random() % 600),
             std::nullopt, date{2027y / March / 1} + days{from}, date{2027y / March / 1} + days{from + length}, std::nullopt};
    if (random() % 3 == 0) n.unit_price = prices[random() % 5];
    in.intents.push_back(n);
  }
  const auto result = run_bundling(in);

  // Every intent in exactly one bundle.
  std::map<std::int64_t, const bundle*> home;
  for (const auto& b : result.bundles) {
    for (const auto& m : b.members) REQUIRE(home.emplace(m.intent, &b).second);
  }
  REQUIRE(home.size() == in.intents.size());

  std::map<std::string, std::vector<window>> windows_by_key;
  std::map<std::int64_t, const intent*> by_id;
  for (const auto& n : in.intents) {
    windows_by_key[in.items.at(n.item).compatibility_key].push_back({n.earliest, n.latest});
    by_id[n.id] = &n;
  }
  std::map<std::string, std::size_t> bundles_by_key;
  for (const auto& b : result.bundles) ++bundles_by_key[b.compatibility_key];
  for (const auto& [key, windows] : windows_by_key) {
    CAPTURE(key);
    CHECK(bundles_by_key[key] == fewest_groups(windows));
  }

  std::map<std::string, rappen> standalone_of;
  for (const auto& b : result.bundles) {
    CAPTURE(b.id);
    date from = date::min(), to = date::max();
    rappen value = 0, standalone = 0;
    std::int64_t quantity = 0;
    std::map<std::string, rappen> per_buyer;
    for (const auto& m : b.members) {
      const auto& n = *by_id.at(m.intent);
      const auto& terms = in.items.at(n.item);
      CHECK(terms.compatibility_key == b.compatibility_key);
      from = std::max(from, n.earliest);
      to = std::min(to, n.latest);
      const rappen own = n.quantity * n.unit_price.value_or(terms.reference_price);
      CHECK(m.value == own);
      value += own;
      quantity += n.quantity;
      per_buyer[n.organisation] += own;
      const auto& tiers = shipped.costs.default_tiers.at(terms.category);
      standalone += after_discount(own, basis_points(tiers, n.quantity)) + overhead(procedure_for(own));
      CHECK(m.own_procedure == procedure_for(own).p);
    }
    CHECK(from <= to);
    CHECK(b.award_from == from);
    CHECK(b.award_to == to);
    CHECK(b.value == value);
    CHECK(b.quantity == quantity);
    CHECK(b.buyers == static_cast<int>(per_buyer.size()));
    const auto expected = procedure_for(value);
    CHECK(b.procedure == expected.p);
    CHECK(b.international == expected.international);
    const auto& tiers = shipped.costs.default_tiers.at(b.category);
    const rappen joint = after_discount(value, basis_points(tiers, quantity)) + overhead(expected) + 150000 * b.buyers;
    CHECK(b.estimated_savings == standalone - joint);
    const bool joint_tender = b.buyers >= 2 && standalone - joint > 0 && (b.category != category::hardware || value >= 25000000);
    CHECK((b.verdict == verdict::joint_tender) == joint_tender);
    standalone_of[b.id] = standalone;
    // The lead buyer: the largest share; ties go to the smallest organisation id.
    std::string lead;
    rappen lead_value = -1;
    for (const auto& [organisation, share] : per_buyer) {
      if (share > lead_value) {
        lead = organisation;
        lead_value = share;
      }
    }
    for (const auto& m : b.members) CHECK(m.lead == (m.organisation == lead));
  }
  check_window_shifts(in, result, standalone_of);

  // Re-evaluating a tender's intents on their common date (what the review does after every
  // change) gives the tender the run made.
  for (const auto& b : result.bundles) {
    bundling_input group{{}, in.items, in.thresholds, in.costs, {}};
    for (const auto& m : b.members) {
      group.intents.push_back(*std::find_if(in.intents.begin(), in.intents.end(), [&](const intent& i) { return i.id == m.intent; }));
    }
    REQUIRE(common_award_date(group.intents) == b.award_to);
    CHECK(evaluate_tender(group, b.award_to).tender == b);
  }
}

}  // namespace

TEST_CASE("2000 random instances with a fixed seed agree with the brute-force reference") {
  for (std::uint32_t seed = 1; seed <= 2000; ++seed) check_instance(seed);
}

TEST_CASE("a batch of time-seeded random instances agrees with the reference (the seed is printed on failure)") {
  const auto base = static_cast<std::uint32_t>(std::chrono::system_clock::now().time_since_epoch().count());
  MESSAGE("time seed base: " << base);
  for (std::uint32_t k = 0; k < 500; ++k) check_instance(base + k * 7919);
}
