#include "tests/support/scratch_database.hpp"

#include <cstdlib>
#include <stdexcept>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include "api/store/migrations.hpp"
#include "api/store/token_secret.hpp"

namespace jointbuy::test {

namespace {

store::backend selected = store::backend::sqlite;

std::string required_environment(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') {
    throw std::runtime_error(std::string{"PostgreSQL tests need "} + name +
                             ": run them through scripts/test, which starts a throwaway server");
  }
  return value;
}

std::string postgresql_url(const std::string& database) {
  return "postgresql://" + required_environment("JOINTBUY_TEST_PG_USER") + "@/" + database +
         "?host=" + required_environment("JOINTBUY_TEST_PG_HOST") + "&port=" + required_environment("JOINTBUY_TEST_PG_PORT");
}

void run_admin(const std::string& sql) {
  soci::session admin(soci::postgresql, postgresql_url("postgres"));
  admin << sql;
}

}  // namespace

void select_backend(store::backend kind) { selected = kind; }

store::backend backend_under_test() { return selected; }

scratch_database::scratch_database(store::backend kind) : kind_(kind) {
  std::string pattern = (std::filesystem::temp_directory_path() / "jointbuy-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot create a temporary directory");
  directory_ = pattern;
  if (kind_ == store::backend::sqlite) {
    url_ = "sqlite:" + (directory_ / "jointbuy.db").string();
  } else {
    name_ = "jointbuy_test_" + store::random_hex(8);
    run_admin("CREATE DATABASE " + name_);  // a generated identifier: no input reaches this text
    url_ = postgresql_url(name_);
  }
}

scratch_database::~scratch_database() {
  try {
    if (kind_ == store::backend::postgresql) run_admin("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  } catch (...) {
    // The server is gone with the test run; the database goes with it.
  }
  std::error_code ignored;
  std::filesystem::remove_all(directory_, ignored);
}

std::unique_ptr<store::database> scratch_database::open(std::size_t pool_size) const {
  store::database_options options;
  options.pool_size = pool_size;
  return std::make_unique<store::database>(store::parse_database_url(url_), options);
}

std::unique_ptr<store::database> scratch_database::open_migrated(std::size_t pool_size) const {
  auto db = open(pool_size);
  store::migrate(*db);
  return db;
}

}  // namespace jointbuy::test
