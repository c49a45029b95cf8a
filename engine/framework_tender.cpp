#include "engine/framework_tender.hpp"

#include <algorithm>
#include <map>

#include "engine/framework_agreements.hpp"
#include "engine/hardware_route.hpp"

namespace jointbuy::engine {

namespace {

// The purchases of the tender in the order of the horizon: earliest, then id.
std::vector<individual_purchase> purchases_of(const bundling_input& input) {
  std::map<std::string, std::uint32_t> buyer_rank;
  for (const auto& i : input.intents) buyer_rank.emplace(i.organisation, 0);
  std::uint32_t rank = 0;
  for (auto& [organisation, r] : buyer_rank) r = rank++;
  std::vector<individual_purchase> purchases;
  purchases.reserve(input.intents.size());
  for (const auto& i : input.intents) {
    const auto& terms = input.items.at(i.item);
    const auto value = intent_value(i, terms);
    if (!value) throw invalid_input(invalid_input::rule::unpriceable, i.id, "intent " + std::to_string(i.id) + " cannot be valued");
    purchases.push_back({&i, &terms, *value, 0, buyer_rank.at(i.organisation), i.earliest});
  }
  std::sort(purchases.begin(), purchases.end(), [](const individual_purchase& x, const individual_purchase& y) {
    if (x.source->earliest != y.source->earliest) return x.source->earliest < y.source->earliest;
    return x.source->id < y.source->id;
  });
  return purchases;
}

void check_horizon(const std::vector<individual_purchase>& purchases) {
  if (purchases.empty()) throw invalid_input(invalid_input::rule::no_intents, 0, "a framework tender needs at least one intent");
  const auto& key = purchases.front().terms->compatibility_key;
  const auto first = purchases.front().source->earliest;
  for (const auto& p : purchases) {
    if (p.terms->compatibility_key != key) {
      throw invalid_input(invalid_input::rule::mixed_keys, p.source->id,
                          "intent " + std::to_string(p.source->id) + ": its item is not compatible with the tender's (" + key + ")");
    }
    if ((p.source->earliest - first).count() > horizon_days) {
      throw invalid_input(invalid_input::rule::outside_window, p.source->id,
                          "intent " + std::to_string(p.source->id) + ": its earliest date lies more than 1461 days after the first");
    }
  }
}

}  // namespace

bundle evaluate_framework_tender(const bundling_input& input) {
  check_preconditions(input);
  const auto purchases = purchases_of(input);
  check_horizon(purchases);
  std::vector<const individual_purchase*> horizon;
  horizon.reserve(purchases.size());
  for (const auto& p : purchases) horizon.push_back(&p);
  const auto e = evaluate_horizon(input, horizon);
  if (!e) {
    std::string message = "no thresholds in force on ";
    message.append(format_iso_date(purchases.front().source->earliest)).append(" or a purchase cannot be valued alone");
    throw invalid_input(invalid_input::rule::unpriceable, purchases.front().source->id, message);
  }
  const auto& terms = *purchases.front().terms;
  bundle b;
  b.compatibility_key = terms.compatibility_key;
  b.category = terms.category;
  b.procurement_type = terms.procurement_type;
  b.cpv = e->tiers_terms->cpv;
  b.award_from = e->first;
  b.award_to = e->last;
  b.id = b.compatibility_key;
  b.id.append("/").append(format_iso_date(e->first));
  b.buyers = e->buyers;
  b.quantity = e->quantity;
  b.value = e->value;
  b.procedure = e->ruling.required;
  b.international = e->ruling.international;
  b.estimated_savings = e->savings;
  b.verdict = e->worth ? verdict::joint_tender : verdict::individual;
  // Members in intent order; the lead buyer is the largest value share (ties: the smaller organisation id).
  std::map<std::string, rappen> shares;
  for (const auto& p : purchases) {
    const auto own = required_procedure(input.thresholds, p.value, terms.procurement_type, e->first);
    b.members.push_back({p.source->id, p.source->organisation, p.source->quantity, p.value, false, own ? own->required : procedure::free_hand});
    shares[p.source->organisation] += p.value;
  }
  std::sort(b.members.begin(), b.members.end(), [](const member& x, const member& y) { return x.intent < y.intent; });
  const auto lead = std::max_element(shares.begin(), shares.end(), [](const auto& x, const auto& y) { return x.second < y.second; });
  for (auto& m : b.members) m.lead = m.organisation == lead->first;

  auto why = opportunity_reason(*e, b.compatibility_key, purchases.size());
  if (!e->worth) {
    const auto figures = why.amounts;
    if (e->buyers < 2) {
      why = reason{codes::single_buyer, figures, {}};
    } else if (b.category == category::hardware && b.value < e->ruling.limits.invitation_below) {
      why = reason{codes::hardware_too_small, figures, {}};
      why.amounts["open_threshold"] = e->ruling.limits.invitation_below;
      why.amounts["shortfall"] = e->ruling.limits.invitation_below - b.value;
    } else {
      why = reason{codes::not_worth, figures, {}};
    }
  }
  b.reasons.push_back(std::move(why));
  reason procedure_reason{codes::procedure_required,
                          {{"value", b.value},
                           {"free_hand_below", e->ruling.limits.free_hand_below},
                           {"invitation_below", e->ruling.limits.invitation_below},
                           {"treaty", e->ruling.limits.treaty_threshold},
                           {"international", b.international ? 1 : 0}},
                          {{"procedure", std::string{to_string(b.procedure)}},
                           {"procurement_type", std::string{to_string(b.procurement_type)}},
                           {"source", e->ruling.period->source},
                           {"valid_from", format_iso_date(e->ruling.period->valid_from)}}};
  b.reasons.push_back(std::move(procedure_reason));
  return b;
}

}  // namespace jointbuy::engine
