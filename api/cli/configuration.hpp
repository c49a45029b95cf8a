#pragma once
// Settings shared by the subcommands: from options first, then the environment, then defaults.

#include <memory>
#include <string>

#include "api/cli/arguments.hpp"
#include "api/store/database.hpp"

namespace jointbuy::cli {

/// The options every database-using subcommand accepts: --db and --db-pool.
argument_spec with_database_options(argument_spec spec);

/// The option `--name` if given, else the environment variable `env` if set and not empty.
std::optional<std::string> setting(const arguments& args, const std::string& name, const char* env);

/// The database URL: --db, else JOINTBUY_DB, else sqlite:var/jointbuy.db.
std::string database_url_setting(const arguments& args);

/// The catalogue and reference data directory: --catalog, else JOINTBUY_CATALOG, else the
/// source tree's catalog/data.
std::string catalog_directory_setting(const arguments& args);

/// Opens the database named by the settings (--db-pool / JOINTBUY_DB_POOL sessions, default 8).
std::unique_ptr<store::database> open_database(const arguments& args);

/// Opens the database and refuses, with the reason, when its schema is not this binary's.
std::unique_ptr<store::database> open_migrated_database(const arguments& args);

/// Reads a whole file; throws std::runtime_error naming the file when it cannot be read.
std::string read_file(const std::string& path);

}  // namespace jointbuy::cli
