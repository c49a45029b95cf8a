#pragma once
// Loading a municipality list into the store, shared by migrate and import-organisations.

#include <optional>
#include <string>

#include "api/store/database.hpp"

namespace jointbuy::cli {

/// Reads `file` (optionally one canton of it) and imports it under `actor`, printing what changed
/// or every bad line. Returns false, having loaded nothing, when the file has errors.
bool load_organisations(store::database& db, const std::string& file, const std::optional<std::string>& canton,
                        const std::string& actor);

}  // namespace jointbuy::cli
