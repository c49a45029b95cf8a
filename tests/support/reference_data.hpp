#pragma once
// The catalogue directory the project ships, loaded once per test process.

#include "catalog/reference_data.hpp"

namespace jointbuy::test {

/// catalog/data, loaded and validated (throws when it has errors: the shipped data must be valid).
const catalog::reference_data& shipped_reference_data();

}  // namespace jointbuy::test
