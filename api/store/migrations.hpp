#pragma once
// Versioned schema migrations, embedded in the binary from schemas/sql/<backend>/NNN_name.sql.

#include <string_view>
#include <vector>

#include "api/store/database.hpp"

namespace jointbuy::store {

/// One migration: its version (NNN), its name and its SQL script.
struct migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

/// The migrations this binary carries for `kind`, in version order.
const std::vector<migration>& migrations_for(backend kind);

/// What `migrate` did.
struct migration_report {
  int from_version = 0;
  int to_version = 0;
  std::vector<int> applied;
};

/// The newest schema version this binary knows for `kind`.
int latest_schema_version(backend kind);

/// The schema version recorded in the database; 0 for an empty database.
int schema_version(database& db);

/// Brings the schema to the latest version: each missing migration runs in a transaction of its
/// own and is recorded in schema_migrations. Running it again does nothing. Two processes may
/// migrate at once. Throws configuration_error, changing nothing, when the database's schema is
/// newer than this binary.
migration_report migrate(database& db);

}  // namespace jointbuy::store
