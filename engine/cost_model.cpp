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

}  // namespace jointbuy::engine
