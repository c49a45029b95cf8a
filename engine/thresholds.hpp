#pragma once
// Which procedure a contract value requires, under the thresholds in force on the award date
// (IVöB 2019 Annex 1 and 2, DOMAIN.md §3.1). The figures are data, never constants here.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/date.hpp"
#include "engine/money.hpp"
#include "engine/procurement.hpp"

namespace jointbuy::engine {

/// The limits for one procurement type, all excluding VAT.
struct type_thresholds {
  /// Values below this may be awarded free-hand.
  rappen free_hand_below = 0;
  /// Values below this (and at or above free_hand_below) need an invitation procedure; at or
  /// above it, an open or selective procedure.
  rappen invitation_below = 0;
  /// At or above this value the contract falls under the treaty (WTO GPA): international.
  rappen treaty_threshold = 0;

  friend bool operator==(const type_thresholds&, const type_thresholds&) = default;
};

/// The thresholds of one period of validity.
struct threshold_period {
  date valid_from;
  /// Inclusive; none while the period is in force.
  std::optional<date> valid_to;
  std::map<procurement_type, type_thresholds> by_type;
  /// Where the figures come from, named in messages ("IVöB 2019, Annex 1 and 2").
  std::string source;
};

/// Every period, in any order; periods must not overlap (the catalogue loader checks).
struct threshold_table {
  std::vector<threshold_period> periods;
};

/// The procedure a value requires, and the limits that decided it.
struct procedure_ruling {
  procedure required = procedure::free_hand;
  bool international = false;
  type_thresholds limits;
  const threshold_period* period = nullptr;
};

/// The period in force on `day`, if any.
const threshold_period* period_on(const threshold_table& table, date day);

/// The procedure `value` requires for `type` on `award_date`; nothing when no period covers the
/// date or the period has no limits for the type.
std::optional<procedure_ruling> required_procedure(const threshold_table& table, rappen value, procurement_type type,
                                                   date award_date);

/// One sentence with the figures that decided `ruling` for `value`:
/// "CHF 249'999.99 for supplies is below the open-procedure threshold of CHF 250'000.00 (IVöB 2019…):
/// invitation procedure."
std::string explain(const procedure_ruling& ruling, rappen value, procurement_type type, language lang);

}  // namespace jointbuy::engine
