#pragma once
// Loading the catalogue directory, shared by migrate, serve and validate-catalog.

#include <optional>
#include <string>

#include "catalog/reference_data.hpp"

namespace jointbuy::cli {

/// Loads and validates the catalogue directory; prints every error (file, path, reason) to
/// standard error and returns nothing when there is any.
std::optional<catalog::reference_data> load_valid_reference_data(const std::string& directory);

}  // namespace jointbuy::cli
