#include "api/cli/configuration.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "api/store/migrations.hpp"

namespace jointbuy::cli {

std::optional<std::string> setting(const arguments& args, const std::string& name, const char* env) {
  if (auto value = args.get(name)) return value;
  const char* value = std::getenv(env);
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string{value};
}

argument_spec with_database_options(argument_spec spec) {
  spec.options.insert({"db", "db-pool"});
  return spec;
}

std::string database_url_setting(const arguments& args) {
  return setting(args, "db", "JOINTBUY_DB").value_or("sqlite:var/jointbuy.db");
}

std::string catalog_directory_setting(const arguments& args) {
  return setting(args, "catalog", "JOINTBUY_CATALOG").value_or(JOINTBUY_DEFAULT_CATALOG_DIR);
}

std::unique_ptr<store::database> open_database(const arguments& args) {
  store::database_options options;
  if (auto pool = setting(args, "db-pool", "JOINTBUY_DB_POOL")) {
    options.pool_size = static_cast<std::size_t>(positive_number("db-pool (or JOINTBUY_DB_POOL)", *pool));
  }
  return std::make_unique<store::database>(store::parse_database_url(database_url_setting(args)), options);
}

std::unique_ptr<store::database> open_migrated_database(const arguments& args) {
  auto db = open_database(args);
  const int version = store::schema_version(*db);
  const int expected = store::latest_schema_version(db->kind());
  if (version < expected) {
    throw store::configuration_error("the database has schema version " + std::to_string(version) + ", this jointbuy needs " +
                                     std::to_string(expected) + ": run 'jointbuy migrate' first");
  }
  if (version > expected) {
    throw store::configuration_error("the database has schema version " + std::to_string(version) +
                                     ", newer than this jointbuy knows (" + std::to_string(expected) + ")");
  }
  return db;
}

std::string read_file(const std::string& path) {
  std::ifstream in{path, std::ios::binary};
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace jointbuy::cli
