#include "engine/cost_model.hpp"

namespace jointbuy::engine {

int discount_basis_points(const discount_tiers& tiers, std::int64_t quantity) {
  int reached = 0;
  for (const auto& tier : tiers) {
    if (quantity >= tier.min_quantity) reached = tier.basis_points;
  }
  return reached;
}

rappen discounted(rappen value, int basis_points) {
  // value ≤ max_amount (1e12) and basis points ≤ 10'000 keep the product far below 2^63.
  const rappen kept = value * (10'000 - basis_points);
  return (kept + 5'000) / 10'000;
}

rappen procedure_overhead(const cost_model& model, procedure required, bool international) {
  switch (required) {
    case procedure::free_hand: return model.overhead_free_hand;
    case procedure::invitation: return model.overhead_invitation;
    case procedure::open: return international ? model.overhead_open_international : model.overhead_open;
  }
  return 0;
}

const discount_tiers& tiers_for(const std::optional<discount_tiers>& own, category of, const cost_model& model) {
  static const discount_tiers none;
  if (own) return *own;
  const auto found = model.default_tiers.find(of);
  return found == model.default_tiers.end() ? none : found->second;
}

rappen standalone_cost(rappen value, std::int64_t quantity, const discount_tiers& tiers, procedure own, bool own_international,
                       const cost_model& model) {
  return discounted(value, discount_basis_points(tiers, quantity)) + procedure_overhead(model, own, own_international);
}

rappen joint_cost(rappen value, std::int64_t quantity, int buyers, const discount_tiers& tiers, procedure required,
                  bool international, const cost_model& model) {
  return discounted(value, discount_basis_points(tiers, quantity)) + procedure_overhead(model, required, international) +
         model.coordination_per_buyer * buyers;
}

}  // namespace jointbuy::engine
