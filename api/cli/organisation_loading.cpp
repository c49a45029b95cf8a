#include "api/cli/organisation_loading.hpp"

#include <iostream>

#include "api/cli/configuration.hpp"
#include "api/store/organisations.hpp"
#include "catalog/organisations.hpp"

namespace jointbuy::cli {

bool load_organisations(store::database& db, const std::string& file, const std::optional<std::string>& canton,
                        const std::string& actor) {
  const auto list = catalog::read_organisations_csv(read_file(file), canton);
  if (!list.errors.empty()) {
    for (const auto& e : list.errors) std::cerr << file << ":" << e.line << ": " << e.reason << "\n";
    std::cerr << "nothing was loaded: " << list.errors.size() << " error(s)\n";
    return false;
  }
  const auto result = store::import_organisations(db, list.organisations, actor);
  std::cout << "organisations from " << file << (canton ? " (canton " + *canton + ")" : std::string{}) << ": "
            << result.inserted << " added, " << result.updated << " updated, " << result.unchanged << " unchanged\n";
  return true;
}

}  // namespace jointbuy::cli
