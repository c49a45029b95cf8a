#pragma once
// What running a procedure costs the authority and what volume saves (DOMAIN.md §3.5).
// Every figure is an assumption held as data (catalog/data/cost-model.json).

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "engine/money.hpp"
#include "engine/procurement.hpp"

namespace jointbuy::engine {

/// From `min_quantity` units on, a discount of `basis_points` hundredths of a percent (300 = 3 %).
struct discount_tier {
  std::int64_t min_quantity = 0;
  int basis_points = 0;

  friend bool operator==(const discount_tier&, const discount_tier&) = default;
};

/// Tiers in increasing order of quantity and discount.
using discount_tiers = std::vector<discount_tier>;

/// The authority's cost of procedures and the default volume discounts.
struct cost_model {
  rappen overhead_free_hand = 0;
  rappen overhead_invitation = 0;
  rappen overhead_open = 0;
  rappen overhead_open_international = 0;
  rappen coordination_per_buyer = 0;
  std::map<category, discount_tiers> default_tiers;
};

/// The discount for buying `quantity` units: the highest tier reached, 0 below the first.
int discount_basis_points(const discount_tiers& tiers, std::int64_t quantity);

/// `value` less `basis_points`, rounded half up to the Rappen.
rappen discounted(rappen value, int basis_points);

/// What one procedure costs the authority.
rappen procedure_overhead(const cost_model& model, procedure required, bool international);

/// The tiers that apply to an item: its own when it has them (`own`), else its category's default.
const discount_tiers& tiers_for(const std::optional<discount_tiers>& own, category of, const cost_model& model);

/// DOMAIN.md §4.4: what one buyer pays alone — its value less the discount of its own quantity,
/// plus the overhead of the procedure its own value requires.
rappen standalone_cost(rappen value, std::int64_t quantity, const discount_tiers& tiers, procedure own, bool own_international,
                       const cost_model& model);

/// DOMAIN.md §4.4: what a group pays together — its value less the discount of its quantity, plus
/// the overhead of its procedure and the coordination of every buyer.
rappen joint_cost(rappen value, std::int64_t quantity, int buyers, const discount_tiers& tiers, procedure required,
                  bool international, const cost_model& model);

}  // namespace jointbuy::engine
