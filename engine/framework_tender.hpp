#pragma once
// A framework tender (DOMAIN.md §4.8, "from opportunity to agreement"): the purchases of one
// FRAMEWORK_AGREEMENT_OPPORTUNITY horizon evaluated as one tender of its own. Its value is the
// total over the term, each member is a buyer's expected call-off in its own window, and it is
// reviewed like a joint tender. Pure, like the rest of the engine.

#include "engine/bundling.hpp"

namespace jointbuy::engine {

/// Evaluates `input.intents` as one framework tender: the figures of the horizon (value, quantity,
/// buyers, procedure on its first `earliest`, savings), award window = the horizon's first and last
/// `earliest`, the lead buyer as in a joint tender, and the verdict joint_tender when an agreement
/// on it pays (§4.8: 2 or more buyers, savings > 0, for hardware an open procedure), individual
/// otherwise with the reason why. Reasons: FRAMEWORK_AGREEMENT_OPPORTUNITY (or SINGLE_BUYER,
/// HARDWARE_TOO_SMALL_FOR_PUBLIC_TENDER, NOT_WORTH_JOINT_TENDER) and PROCEDURE_REQUIRED.
/// Preconditions (invalid_input): those of run_bundling, at least one intent, one compatibility
/// key, every `earliest` within horizon_days of the first, every intent priceable and thresholds
/// in force on the first day.
bundle evaluate_framework_tender(const bundling_input& input);

}  // namespace jointbuy::engine
