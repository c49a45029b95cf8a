#pragma once
// The words for the store's typed errors, in English and German: what problem.cpp tells a client
// when a record is missing, out of date or in conflict. Only the facts the errors carry are used,
// never their what().

#include <string>

#include "api/store/errors.hpp"
#include "engine/procurement.hpp"

namespace jointbuy::http {

/// "There is no intent 12." / "Es gibt keine Absicht 12."
std::string describe(const store::not_found& missing, engine::language lang);

/// "The intent is at version 3, not 2. Reload it and apply your change again."
std::string describe(const store::stale_version& stale, engine::language lang);

/// The sentence for a conflict: a key taken, an Idempotency-Key reused, a withdrawn record.
std::string describe(const store::conflict& conflict, engine::language lang);

}  // namespace jointbuy::http
