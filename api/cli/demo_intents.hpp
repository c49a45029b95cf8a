#pragma once
// A plausible year of purchase intents for the demo (DOMAIN.md §1 needs), the same on every run.

#include <string>
#include <vector>

#include "catalog/intent_input.hpp"

namespace jointbuy::cli {

/// One demo intent and the key that makes seeding it idempotent.
struct demo_intent {
  std::string key;
  catalog::intent_draft draft;
};

/// About 130 intents of 30 Lucerne municipalities, the canton and the city, for the year `year`:
/// software needs that many share in overlapping windows (school administration, eUmzug, GEVER…),
/// and small hardware buys with scattered windows.
std::vector<demo_intent> demo_intents(int year);

}  // namespace jointbuy::cli
