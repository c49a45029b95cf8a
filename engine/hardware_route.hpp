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

/// Appends to `flags` the CALL_OFF_AVAILABLE, CALL_OFF_CEILING_EXCEEDED and
/// FRAMEWORK_AGREEMENT_OPPORTUNITY flags of `purchases` under `input.agreements`.
void route_hardware(const bundling_input& input, std::span<const individual_purchase> purchases, std::vector<flag>& flags);

}  // namespace jointbuy::engine
