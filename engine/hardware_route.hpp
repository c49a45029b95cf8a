#pragma once
// The hardware route of a run (DOMAIN.md §4.8): purchases that the grouping leaves individual are
// routed to the cheapest framework agreement that covers them, taking its ceiling in order, and the
// rest are gathered into horizons where a new agreement would pay. Internal to the engine: the
// run (bundling.cpp) calls it once, after grouping.

#include <cstdint>
#include <span>
#include <vector>

#include "engine/bundling.hpp"

namespace jointbuy::engine {

/// One purchase the grouping left individual.
struct individual_purchase {
  const intent* source = nullptr;
  const item_terms* terms = nullptr;
  rappen value = 0;
  /// Ranks of the compatibility key and the buyer in name order (the run's own ranks).
  std::uint32_t key_rank = 0;
  std::uint32_t buyer_rank = 0;
  /// The award date of the tender group it was evaluated in: its own procedure is taken there.
  date award_date;
};

/// A horizon of purchases of one compatibility key evaluated like a tender on its first `earliest`
/// (DOMAIN.md §4.8): its figures, and whether a framework agreement on it pays.
struct horizon_evaluation {
  rappen value = 0;
  std::int64_t quantity = 0;
  int buyers = 0;
  date first;
  date last;
  procedure_ruling ruling;
  rappen standalone = 0;
  rappen joint = 0;
  rappen savings = 0;
  /// The item whose tiers (and CPV) the horizon takes: the first item id.
  const item_terms* tiers_terms = nullptr;
  /// At least 2 distinct buyers, savings > 0 and, for hardware, a value that requires an open procedure.
  bool worth = false;
};

/// The evaluation of `horizon` (purchases of one key, non-empty); none when no thresholds are in
/// force on its first day or a purchase cannot be valued alone.
std::optional<horizon_evaluation> evaluate_horizon(const bundling_input& input, std::span<const individual_purchase* const> horizon);

/// The FRAMEWORK_AGREEMENT_OPPORTUNITY reason of a horizon of `purchases` purchases of `key`
/// (without a member's own value).
reason opportunity_reason(const horizon_evaluation& e, const std::string& key, std::size_t purchases);

/// Appends to `flags` the CALL_OFF_AVAILABLE, CALL_OFF_CEILING_EXCEEDED and
/// FRAMEWORK_AGREEMENT_OPPORTUNITY flags of `purchases` under `input.agreements`.
void route_hardware(const bundling_input& input, std::span<const individual_purchase> purchases, std::vector<flag>& flags);

}  // namespace jointbuy::engine
