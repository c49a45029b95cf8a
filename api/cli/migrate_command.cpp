#include <iostream>

#include "api/cli/catalog_loading.hpp"
#include "api/cli/commands.hpp"
#include "api/cli/configuration.hpp"
#include "api/cli/organisation_loading.hpp"
#include "api/store/catalog_items.hpp"
#include "api/store/migrations.hpp"

namespace jointbuy::cli {

namespace {

constexpr const char* usage = R"(usage: jointbuy migrate [--db URL] [--catalog DIR] [--canton XX]

Creates or upgrades the database schema (each migration in its own transaction, recorded in
schema_migrations) and loads the reference data from the catalogue directory: the canton's
organisations from municipalities-ch-2026.csv, the CPV codes and the catalogue items (items the
database has already are kept, as coordinators may have edited them). Idempotent: running it again
changes nothing. Refuses a database whose schema is newer than this binary, and a catalogue
directory with errors (see validate-catalog).

  --db URL       sqlite:PATH or postgresql://… (JOINTBUY_DB; default sqlite:var/jointbuy.db)
  --catalog DIR  reference data (JOINTBUY_CATALOG; default the source tree's catalog/data)
  --canton XX    whose organisations to load (JOINTBUY_CANTON; default LU)
)";

}  // namespace

int run_migrate(const std::vector<std::string>& raw) {
  const auto args = parse_arguments(raw, with_database_options({{"catalog", "canton"}, {}}));
  if (args.has("help")) {
    std::cout << usage;
    return 0;
  }
  if (!args.positional.empty()) throw usage_error(usage);
  const auto directory = catalog_directory_setting(args);
  const auto reference = load_valid_reference_data(directory);
  if (!reference) return 1;
  auto db = open_database(args);
  const auto report = store::migrate(*db);
  std::cout << "schema (" << store::to_string(db->kind()) << "): version " << report.from_version << " -> "
            << report.to_version << (report.applied.empty() ? ", already current" : "") << "\n";
  const std::string canton = setting(args, "canton", "JOINTBUY_CANTON").value_or("LU");
  if (!load_organisations(*db, directory + "/municipalities-ch-2026.csv", canton, "cli:migrate")) return 1;
  const auto loaded = store::load_catalog(*db, *reference, "cli:migrate");
  std::cout << "catalogue from " << directory << ": " << loaded.items_added << " items added, " << loaded.items_kept
            << " kept, " << loaded.cpv_codes_added << " CPV codes added\n";
  return 0;
}

}  // namespace jointbuy::cli
