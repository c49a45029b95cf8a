#include "engine/hardware_route.hpp"

#include <algorithm>
#include <unordered_map>

#include "engine/contract_value.hpp"

namespace jointbuy::engine {

namespace {

const discount_tiers& tiers_of(const item_terms& terms, const cost_model& costs) {
  return tiers_for(terms.tiers, terms.category, costs);
}

// The cost of one purchase bought alone under the thresholds in force on `day` (none without them).
std::optional<rappen> alone(const bundling_input& input, const individual_purchase& p, date day) {
  const auto own = required_procedure(input.thresholds, p.value, p.terms->procurement_type, day);
  if (!own) return std::nullopt;
  return standalone_cost(p.value, p.source->quantity, tiers_of(*p.terms, input.costs), own->required, own->international, input.costs);
}

// The cheapest agreement covering one purchase.
struct route {
  std::size_t purchase = 0;
  std::size_t agreement = 0;
  date call_off_date;
  rappen unit_price = 0;
  rappen call_off_value = 0;
};

std::optional<route> cheapest(const bundling_input& input, std::span<const std::size_t> listing, const individual_purchase& p,
                              std::size_t index) {
  std::optional<route> best;
  for (const auto a : listing) {
    const auto& agreement = input.agreements[a];
    const auto& i = *p.source;
    const auto cover = covers(agreement, i.item, i.organisation, i.earliest, i.latest);
    if (!cover) continue;
    const auto value = purchase_value(i.quantity, cover->unit_price, p.terms->reference_price, p.terms->billing, i.contract_years,
                                      p.terms->default_contract_years);
    if (!value) continue;
    const bool better = !best || *value < best->call_off_value ||
                        (*value == best->call_off_value && agreement.id < input.agreements[best->agreement].id);
    if (better) best = route{index, a, cover->call_off_date, cover->unit_price, *value};
  }
  return best;
}

// Routes every purchase that an agreement covers; returns which purchases got a call-off.
std::vector<bool> route_to_agreements(const bundling_input& input, std::span<const individual_purchase> purchases,
                                      std::vector<flag>& flags) {
  std::vector<bool> called_off(purchases.size(), false);
  if (input.agreements.empty()) return called_off;
  // Which agreements list an item, so that a purchase looks at those only.
  std::unordered_map<std::string_view, std::vector<std::size_t>> listing;
  for (std::size_t a = 0; a < input.agreements.size(); ++a) {
    for (const auto& p : input.agreements[a].prices) {
      auto& list = listing[p.item];
      if (list.empty() || list.back() != a) list.push_back(a);
    }
  }
  std::vector<route> routes;
  for (std::size_t k = 0; k < purchases.size(); ++k) {
    const auto found = listing.find(purchases[k].source->item);
    if (found == listing.end()) continue;
    if (auto r = cheapest(input, found->second, purchases[k], k)) routes.push_back(*r);
  }
  // The ceiling is taken after the call-offs already ordered, in the order call-off date, intent id.
  std::sort(routes.begin(), routes.end(), [&](const route& x, const route& y) {
    if (x.call_off_date != y.call_off_date) return x.call_off_date < y.call_off_date;
    return purchases[x.purchase].source->id < purchases[y.purchase].source->id;
  });
  std::vector<remaining_ceiling> left;
  left.reserve(input.agreements.size());
  for (const auto& a : input.agreements) left.push_back(remaining(a));
  for (const auto& r : routes) {
    const auto& p = purchases[r.purchase];
    auto& room = left[r.agreement];
    const std::string agreement = std::to_string(input.agreements[r.agreement].id);
    const std::string day = format_iso_date(r.call_off_date);
    if (!fits(room, r.call_off_value, p.source->quantity)) {
      reason why{codes::call_off_ceiling_exceeded,
                 {{"call_off_value", r.call_off_value}, {"remaining", room.value}, {"quantity", p.source->quantity}},
                 {{"agreement", agreement}, {"call_off_date", day}}};
      if (room.quantity) why.amounts["remaining_quantity"] = *room.quantity;
      flags.push_back({p.source->id, p.source->organisation, std::move(why)});
      continue;
    }
    room.value -= r.call_off_value;
    if (room.quantity) *room.quantity -= p.source->quantity;
    const rappen standalone = alone(input, p, p.award_date).value_or(p.value);
    reason why{codes::call_off_available,
               {{"price", r.unit_price}, {"call_off_value", r.call_off_value}, {"standalone", standalone},
                {"saving", standalone - r.call_off_value}, {"remaining_after", room.value}, {"quantity", p.source->quantity}},
               {{"agreement", agreement}, {"call_off_date", day}}};
    flags.push_back({p.source->id, p.source->organisation, std::move(why)});
    called_off[r.purchase] = true;
  }
  return called_off;
}

// DOMAIN.md §4.8: per key, the purchases without a call-off in horizons of 1'461 days from the
// first `earliest`; a horizon of 2 or more buyers evaluated like a tender on its first day.
void propose_agreements(const bundling_input& input, std::span<const individual_purchase> purchases,
                        const std::vector<bool>& called_off, std::vector<flag>& flags) {
  std::vector<const individual_purchase*> open;
  for (std::size_t k = 0; k < purchases.size(); ++k) {
    if (!called_off[k]) open.push_back(&purchases[k]);
  }
  std::sort(open.begin(), open.end(), [](const individual_purchase* x, const individual_purchase* y) {
    if (x->key_rank != y->key_rank) return x->key_rank < y->key_rank;
    if (x->source->earliest != y->source->earliest) return x->source->earliest < y->source->earliest;
    return x->source->id < y->source->id;
  });
  for (std::size_t start = 0; start < open.size();) {
    const auto& first = *open[start];
    std::size_t end = start;
    while (end < open.size() && open[end]->key_rank == first.key_rank &&
           (open[end]->source->earliest - first.source->earliest).count() <= horizon_days) {
      ++end;
    }
    const std::span<const individual_purchase* const> horizon(open.data() + start, end - start);
    start = end;
    const auto e = evaluate_horizon(input, horizon);
    if (!e || !e->worth) continue;
    // The horizon's figures once, shared by the flag of each of its purchases.
    const auto shared = opportunity_reason(*e, first.terms->compatibility_key, horizon.size());
    const auto amounts = shared.amounts.share();
    const auto texts = shared.texts.share();
    for (const auto* p : horizon) {
      reason why{shared.code, figures<std::int64_t>{amounts}, figures<std::string>{texts}};
      why.amounts["own_value"] = p->value;
      flags.push_back({p->source->id, p->source->organisation, std::move(why)});
    }
  }
}

}  // namespace

std::optional<horizon_evaluation> evaluate_horizon(const bundling_input& input, std::span<const individual_purchase* const> horizon) {
  horizon_evaluation e;
  const auto& first = *horizon.front();
  e.first = e.last = first.source->earliest;
  e.tiers_terms = first.terms;
  const std::string* tiers_item = &first.source->item;
  std::vector<std::uint32_t> buyers;
  buyers.reserve(horizon.size());
  for (const auto* p : horizon) {
    buyers.push_back(p->buyer_rank);
    e.value += p->value;
    e.quantity += p->source->quantity;
    e.first = std::min(e.first, p->source->earliest);
    e.last = std::max(e.last, p->source->earliest);
    if (p->source->item < *tiers_item) {
      tiers_item = &p->source->item;
      e.tiers_terms = p->terms;
    }
  }
  std::sort(buyers.begin(), buyers.end());
  e.buyers = static_cast<int>(std::unique(buyers.begin(), buyers.end()) - buyers.begin());
  const auto ruling = required_procedure(input.thresholds, e.value, first.terms->procurement_type, e.first);
  if (!ruling) return std::nullopt;
  e.ruling = *ruling;
  for (const auto* p : horizon) {
    const auto cost = alone(input, *p, e.first);
    if (!cost) return std::nullopt;
    e.standalone += *cost;
  }
  e.joint = joint_cost(e.value, e.quantity, e.buyers, tiers_of(*e.tiers_terms, input.costs), ruling->required, ruling->international,
                       input.costs);
  e.savings = e.standalone - e.joint;
  const bool too_small = first.terms->category == category::hardware && e.value < ruling->limits.invitation_below;
  e.worth = e.buyers >= 2 && e.savings > 0 && !too_small;
  return e;
}

reason opportunity_reason(const horizon_evaluation& e, const std::string& key, std::size_t purchases) {
  const std::string first_day = format_iso_date(e.first);
  std::string horizon = key;
  horizon.append("/").append(first_day);
  return {codes::agreement_opportunity,
          {{"value", e.value}, {"quantity", e.quantity}, {"buyers", e.buyers}, {"purchases", static_cast<std::int64_t>(purchases)},
           {"standalone", e.standalone}, {"joint", e.joint}, {"savings", e.savings}, {"international", e.ruling.international ? 1 : 0}},
          {{"key", key}, {"horizon", std::move(horizon)}, {"first", first_day}, {"last", format_iso_date(e.last)},
           {"procedure", std::string{to_string(e.ruling.required)}}}};
}

void route_hardware(const bundling_input& input, std::span<const individual_purchase> purchases, std::vector<flag>& flags) {
  const auto called_off = route_to_agreements(input, purchases, flags);
  propose_agreements(input, purchases, called_off, flags);
}

}  // namespace jointbuy::engine
