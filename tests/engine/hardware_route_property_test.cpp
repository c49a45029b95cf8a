// Property test of the hardware route (DOMAIN.md §4.8): random intents and agreements against slow
// references that scan every agreement for every purchase, replay the ceiling one call-off at a time
// and form the horizons by their definition, with the costs written out independently.
#include <doctest/doctest.h>

#include <map>
#include <random>
#include <set>

#include "engine/bundling.hpp"
#include "tests/support/reference_data.hpp"

using namespace jointbuy;
using namespace jointbuy::engine;
using namespace std::chrono;

namespace {

date day_of(int d) { return date{2027y / January / 1} + days{d}; }

int tier_points(const discount_tiers& tiers, std::int64_t quantity) {
  int found = 0;
  for (const auto& t : tiers) found = quantity >= t.min_quantity ? t.basis_points : found;
  return found;
}

rappen less(rappen value, int bp) { return (value * (10000 - bp) + 5000) / 10000; }

// The shipped IVöB 2019 limits for supplies and the shipped overheads, written out.
rappen procedure_cost(rappen value) {
  if (value >= 35000000) return 4000000;
  if (value >= 25000000) return 2500000;
  if (value >= 15000000) return 800000;
  return 200000;
}

struct expected_flag {
  static_name code = "";
  std::string agreement;
  rappen call_off_value = 0;
  rappen left = 0;
};

void check_instance(std::uint32_t seed) {
  CAPTURE(seed);
  std::mt19937 random{seed};
  const auto& shipped = test::shipped_reference_data();
  bundling_input in{{}, {}, shipped.thresholds, shipped.costs, {}};
  const rappen prices[] = {23000, 65000, 115000, 420000};
  const int items = 1 + static_cast<int>(random() % 3);
  for (int k = 0; k < items; ++k) {
    in.items["item" + std::to_string(k)] = {"key" + std::to_string(k), random() % 4 == 0 ? category::software : category::hardware,
                                            procurement_type::supply, "30213100-6", billing::one_time, std::nullopt,
                                            prices[random() % 4], std::nullopt};
  }
  const int intents = 2 + static_cast<int>(random() % 40);
  for (int k = 0; k < intents; ++k) {
    const int from = static_cast<int>(random() % 2500);
    in.intents.push_back({k + 1, std::to_string(1000 + random() % 12), "item" + std::to_string(random() % items),
                          1 + static_cast<std::int64_t>(random() % 60), std::nullopt, day_of(from),
                          day_of(from + static_cast<int>(random() % 90)), std::nullopt});
  }
  const int agreements = static_cast<int>(random() % 4);
  for (int a = 0; a < agreements; ++a) {
    framework_agreement fa;
    fa.id = 1 + static_cast<std::int64_t>(random() % 6);
    if (std::any_of(in.agreements.begin(), in.agreements.end(), [&](const auto& o) { return o.id == fa.id; })) continue;
    const int from = static_cast<int>(random() % 1500);
    fa.valid_from = day_of(from);
    fa.valid_to = day_of(from + 100 + static_cast<int>(random() % 1500));
    fa.all_eligible = random() % 2 == 0;
    for (int o = 0; o < 12; ++o) {
      if (!fa.all_eligible && random() % 2 == 0) fa.eligible.push_back(std::to_string(1000 + o));
    }
    fa.ceiling = 1'000'000 + static_cast<rappen>(random() % 20'000'000);
    fa.consumed = static_cast<rappen>(random() % 500'000);
    if (random() % 3 == 0) fa.ceiling_quantity = 20 + static_cast<std::int64_t>(random() % 200);
    for (int k = 0; k < items; ++k) {
      if (random() % 3 == 0) continue;
      const std::string item = "item" + std::to_string(k);
      fa.prices.push_back({item, fa.valid_from, in.items[item].reference_price * (70 + static_cast<int>(random() % 40)) / 100});
      if (random() % 2 == 0) fa.prices.push_back({item, fa.valid_from + days{200}, in.items[item].reference_price * 80 / 100});
    }
    in.agreements.push_back(fa);
  }
  const auto result = run_bundling(in);

  // The individual purchases, and when the engine took their own procedure (their tender's date).
  std::map<std::int64_t, const bundle*> individual;
  for (const auto& b : result.bundles) {
    if (b.verdict != verdict::individual) continue;
    for (const auto& m : b.members) individual[m.intent] = &b;
  }
  std::map<std::int64_t, const intent*> by_id;
  for (const auto& i : in.intents) by_id[i.id] = &i;

  // Routing: every agreement scanned for every purchase.
  struct route {
    date on;
    std::int64_t intent;
    std::size_t agreement;
    rappen price, value;
  };
  std::vector<route> routes;
  for (const auto& [id, b] : individual) {
    const auto& i = *by_id[id];
    std::optional<route> best;
    for (std::size_t a = 0; a < in.agreements.size(); ++a) {
      const auto& fa = in.agreements[a];
      if (!fa.all_eligible && std::find(fa.eligible.begin(), fa.eligible.end(), i.organisation) == fa.eligible.end()) continue;
      const date first = std::max(i.earliest, fa.valid_from);
      if (first > std::min(i.latest, fa.valid_to)) continue;
      std::optional<rappen> price;
      date version{};
      for (const auto& p : fa.prices) {
        if (p.item == i.item && p.valid_from <= first && (!price || version < p.valid_from)) {
          price = p.unit_price;
          version = p.valid_from;
        }
      }
      if (!price) continue;
      const rappen value = i.quantity * *price;
      if (!best || value < best->value || (value == best->value && fa.id < in.agreements[best->agreement].id)) {
        best = route{first, id, a, *price, value};
      }
    }
    if (best) routes.push_back(*best);
  }
  std::sort(routes.begin(), routes.end(), [](const route& x, const route& y) { return x.on != y.on ? x.on < y.on : x.intent < y.intent; });
  std::vector<rappen> left_value;
  std::vector<std::optional<std::int64_t>> left_quantity;
  for (const auto& fa : in.agreements) {
    left_value.push_back(fa.ceiling - fa.consumed);
    left_quantity.push_back(fa.ceiling_quantity ? std::optional{*fa.ceiling_quantity - fa.consumed_quantity} : std::nullopt);
  }
  std::map<std::int64_t, expected_flag> expected;
  std::set<std::int64_t> called_off;
  for (const auto& r : routes) {
    const auto quantity = by_id[r.intent]->quantity;
    const bool fits = r.value <= left_value[r.agreement] && (!left_quantity[r.agreement] || quantity <= *left_quantity[r.agreement]);
    const std::string agreement = std::to_string(in.agreements[r.agreement].id);
    if (!fits) {
      expected[r.intent] = {codes::call_off_ceiling_exceeded, agreement, r.value, left_value[r.agreement]};
      continue;
    }
    left_value[r.agreement] -= r.value;
    if (left_quantity[r.agreement]) *left_quantity[r.agreement] -= quantity;
    expected[r.intent] = {codes::call_off_available, agreement, r.value, left_value[r.agreement]};
    called_off.insert(r.intent);
  }
  std::size_t routed_flags = 0;
  for (const auto& f : result.flags) {
    if (f.reason.code != codes::call_off_available && f.reason.code != codes::call_off_ceiling_exceeded) continue;
    ++routed_flags;
    CAPTURE(f.intent);
    REQUIRE(expected.count(f.intent) == 1);
    const auto& e = expected[f.intent];
    CHECK(f.reason.code == e.code);
    CHECK(f.reason.texts.at("agreement") == e.agreement);
    CHECK(f.reason.amounts.at("call_off_value") == e.call_off_value);
    CHECK(f.reason.amounts.at(e.code == codes::call_off_available ? "remaining_after" : "remaining") == e.left);
  }
  CHECK(routed_flags == expected.size());

  // Horizons: per key, from the first open purchase, every open purchase within 1'461 days.
  std::map<std::string, std::vector<const intent*>> open_by_key;
  for (const auto& [id, b] : individual) {
    if (called_off.count(id) == 0) open_by_key[in.items[by_id[id]->item].compatibility_key].push_back(by_id[id]);
  }
  std::map<std::int64_t, rappen> expected_savings;
  for (auto& [key, open] : open_by_key) {
    std::set<std::int64_t> assigned;
    for (;;) {
      const intent* first = nullptr;
      for (const auto* i : open) {
        if (assigned.count(i->id) == 0 && (first == nullptr || i->earliest < first->earliest ||
                                           (i->earliest == first->earliest && i->id < first->id))) {
          first = i;
        }
      }
      if (first == nullptr) break;
      std::vector<const intent*> horizon;
      for (const auto* i : open) {
        if (assigned.count(i->id) == 0 && i->earliest >= first->earliest && (i->earliest - first->earliest).count() <= 1461) {
          horizon.push_back(i);
          assigned.insert(i->id);
        }
      }
      std::set<std::string> buyers;
      rappen value = 0, standalone = 0;
      std::int64_t quantity = 0;
      const auto& terms = in.items[horizon.front()->item];
      const auto& tiers = shipped.costs.default_tiers.at(terms.category);
      for (const auto* i : horizon) {
        const rappen own = i->quantity * terms.reference_price;
        buyers.insert(i->organisation);
        value += own;
        quantity += i->quantity;
        standalone += less(own, tier_points(tiers, i->quantity)) + procedure_cost(own);
      }
      if (buyers.size() < 2) continue;
      if (terms.category == category::hardware && value < 25000000) continue;
      const rappen joint = less(value, tier_points(tiers, quantity)) + procedure_cost(value) + 150000 * static_cast<rappen>(buyers.size());
      if (standalone - joint <= 0) continue;
      for (const auto* i : horizon) expected_savings[i->id] = standalone - joint;
    }
  }
  std::size_t opportunities = 0;
  for (const auto& f : result.flags) {
    if (f.reason.code != codes::agreement_opportunity) continue;
    ++opportunities;
    CAPTURE(f.intent);
    REQUIRE(expected_savings.count(f.intent) == 1);
    CHECK(f.reason.amounts.at("savings") == expected_savings[f.intent]);
  }
  CHECK(opportunities == expected_savings.size());
}

}  // namespace

TEST_CASE("1000 random instances of the hardware route agree with the slow references") {
  for (std::uint32_t seed = 1; seed <= 1000; ++seed) check_instance(seed);
}

TEST_CASE("a batch of time-seeded hardware-route instances agrees with the references (the seed is printed on failure)") {
  const auto base = static_cast<std::uint32_t>(std::chrono::steady_clock::now().time_since_epoch().count());
  for (std::uint32_t k = 0; k < 200; ++k) check_instance(base + k);
}
