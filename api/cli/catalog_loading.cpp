#include "api/cli/catalog_loading.hpp"

#include <iostream>

namespace jointbuy::cli {

std::optional<catalog::reference_data> load_valid_reference_data(const std::string& directory) {
  auto result = catalog::load_reference_data(directory);
  if (result.errors.empty()) return std::move(result.data);
  for (const auto& e : result.errors) {
    std::cerr << e.file << (e.path.empty() ? "" : " " + e.path) << ": " << e.reason << "\n";
  }
  std::cerr << result.errors.size() << " error(s) in the catalogue " << directory << "\n";
  return std::nullopt;
}

}  // namespace jointbuy::cli
