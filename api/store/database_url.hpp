#pragma once
// Which database jointbuy talks to, from a URL such as "sqlite:var/jointbuy.db" or "postgresql://…".

#include <string>
#include <string_view>

namespace jointbuy::store {

/// The two supported databases.
enum class backend { sqlite, postgresql };

/// "sqlite" or "postgresql".
std::string_view to_string(backend kind);

/// A parsed database URL.
struct database_url {
  backend kind = backend::sqlite;
  /// SQLite: the file path. PostgreSQL: the URL itself, which libpq understands.
  std::string connect;
};

/// Parses "sqlite:PATH" or a libpq URL "postgresql://…" / "postgres://…".
/// Throws store::configuration_error for anything else.
database_url parse_database_url(std::string_view url);

/// The URL with a password replaced by "***", fit for logs and messages.
std::string redact_database_url(std::string_view url);

}  // namespace jointbuy::store
