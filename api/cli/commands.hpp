#pragma once
// The jointbuy subcommands. Each takes its arguments (after the subcommand's name), prints its
// usage for --help, and returns the process exit code; usage errors are thrown as usage_error.

#include <string>
#include <vector>

namespace jointbuy::cli {

/// `jointbuy serve`: serves the API.
int run_serve(const std::vector<std::string>& args);
/// `jointbuy migrate`: creates or upgrades the schema and loads the reference data.
int run_migrate(const std::vector<std::string>& args);
/// `jointbuy import-organisations FILE.csv`: loads buyers from a municipality list.
int run_import_organisations(const std::vector<std::string>& args);
/// `jointbuy seed-demo`: demo data and demo tokens.
int run_seed_demo(const std::vector<std::string>& args);
/// `jointbuy import-intents FILE.csv [--org ID]`: the spreadsheet import from the command line.
int run_import_intents(const std::vector<std::string>& args);
/// `jointbuy bundle --intents FILE`: the batching engine offline.
int run_bundle(const std::vector<std::string>& args);
/// `jointbuy demo-intents`: the demo intents as a file for `bundle`.
int run_demo_intents(const std::vector<std::string>& args);
/// `jointbuy export --run ID --format csv|ocds --out DIR`: a run's tender documents as files.
int run_export(const std::vector<std::string>& args);
/// `jointbuy validate-catalog [DIR]`: checks the catalogue files.
int run_validate_catalog(const std::vector<std::string>& args);
/// `jointbuy token create|revoke|list`.
int run_token(const std::vector<std::string>& args);

/// jointbuy user invite|list|deactivate: the people who sign in.
int run_user(const std::vector<std::string>& args);

}  // namespace jointbuy::cli
