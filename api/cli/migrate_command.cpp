#include <cstdlib>
#include <iostream>

#include "api/cli/commands.hpp"
#include "api/cli/configuration.hpp"
#include "api/cli/organisation_loading.hpp"
#include "api/store/migrations.hpp"

namespace jointbuy::cli {

namespace {

constexpr const char* usage = R"(usage: jointbuy migrate [--db URL] [--catalog DIR] [--canton XX]

Creates or upgrades the database schema (each migration in its own transaction, recorded in
schema_migrations) and loads the reference data from the catalogue directory: the canton's
organisations from municipalities-ch-2026.csv. Idempotent: running it again changes nothing.
Refuses a database whose schema is newer than this binary.

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
  auto db = open_database(args);
  const auto report = store::migrate(*db);
  std::cout << "schema (" << store::to_string(db->kind()) << "): version " << report.from_version << " -> "
            << report.to_version << (report.applied.empty() ? ", already current" : "") << "\n";
  const char* env_canton = std::getenv("JOINTBUY_CANTON");
  const std::string canton = args.get("canton").value_or(env_canton != nullptr && *env_canton ? env_canton : "LU");
  const auto file = catalog_directory_setting(args) + "/municipalities-ch-2026.csv";
  return load_organisations(*db, file, canton, "cli:migrate") ? 0 : 1;
}

}  // namespace jointbuy::cli
