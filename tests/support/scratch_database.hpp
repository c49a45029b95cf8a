#pragma once
// Fresh databases for tests: a temporary SQLite file, or a new database on the PostgreSQL server
// that scripts/test starts (JOINTBUY_TEST_PG_HOST, JOINTBUY_TEST_PG_PORT, JOINTBUY_TEST_PG_USER).

#include <filesystem>
#include <memory>
#include <string>

#include "api/store/database.hpp"

namespace jointbuy::test {

/// Chooses the backend the storage tests of this process run on.
void select_backend(store::backend kind);

/// The backend chosen by --backend=… (SQLite unless told).
store::backend backend_under_test();

/// An empty database that exists as long as this object: a SQLite file in a fresh temporary
/// directory, or a freshly created PostgreSQL database that is dropped at the end.
class scratch_database {
 public:
  explicit scratch_database(store::backend kind = backend_under_test());
  ~scratch_database();
  scratch_database(const scratch_database&) = delete;
  scratch_database& operator=(const scratch_database&) = delete;

  /// The URL jointbuy takes: "sqlite:/tmp/…/jointbuy.db" or "postgresql://…".
  const std::string& url() const { return url_; }
  store::backend kind() const { return kind_; }
  /// Opens the database with a pool of `pool_size` sessions.
  std::unique_ptr<store::database> open(std::size_t pool_size = 4) const;
  /// Opens it and migrates it to the current schema.
  std::unique_ptr<store::database> open_migrated(std::size_t pool_size = 4) const;
  /// A scratch directory that lives as long as this object (for files a test writes).
  const std::filesystem::path& directory() const { return directory_; }

 private:
  store::backend kind_;
  std::filesystem::path directory_;
  std::string name_;
  std::string url_;
};

}  // namespace jointbuy::test
