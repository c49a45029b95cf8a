#include <iostream>

#include "api/cli/commands.hpp"
#include "api/cli/configuration.hpp"
#include "api/cli/organisation_loading.hpp"

namespace jointbuy::cli {

namespace {

constexpr const char* usage = R"(usage: jointbuy import-organisations FILE.csv [--canton XX] [--db URL]

Loads buyers from a municipality list with the columns bfs_number,name,canton,district (as the
Swiss Federal Statistical Office publishes it; catalog/data/municipalities-ch-2026.csv has all of
Switzerland). With --canton only that canton's municipalities are loaded; every canton in the
result is loaded as a buyer of its own. New organisations are added, changed ones updated, each
change audited; loading the same file again changes nothing. Bad lines are all reported and
nothing is loaded.
)";

}  // namespace

int run_import_organisations(const std::vector<std::string>& raw) {
  const auto args = parse_arguments(raw, with_database_options({{"canton"}, {}}));
  if (args.has("help")) {
    std::cout << usage;
    return 0;
  }
  if (args.positional.size() != 1) throw usage_error("name one CSV file\n\n" + std::string{usage});
  auto db = open_migrated_database(args);
  return load_organisations(*db, args.positional[0], args.get("canton"), "cli:import-organisations") ? 0 : 1;
}

}  // namespace jointbuy::cli
