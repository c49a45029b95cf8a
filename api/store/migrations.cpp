#include "api/store/migrations.hpp"

#include <string>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "api/store/timestamps.hpp"
#include "api/store/transaction.hpp"
#include "schemas/embedded.hpp"

namespace jointbuy::store {

namespace {

// "sql/sqlite/001_initial.sql" → {1, "initial", …}, in version order.
std::vector<migration> collect(std::string_view directory) {
  std::vector<migration> all;
  for (const auto& [path, sql] : embedded::sql_migrations()) {
    if (!path.starts_with(directory) || path.size() < directory.size() + 9) continue;
    const auto file = path.substr(directory.size() + 1);
    const auto stem = file.substr(0, file.size() - 4);  // without ".sql"
    all.push_back({std::stoi(std::string{stem.substr(0, 3)}), stem.substr(4), sql});
  }
  return all;  // the map is ordered by path, hence by version
}

// Migration scripts hold many statements (and trigger bodies with semicolons of their own), which
// SOCI's prepared statements cannot run: hand the whole script to the backend's own executor.
void execute_script(soci::session& session, backend kind, std::string_view sql) {
  const std::string script{sql};
  if (kind == backend::sqlite) {
    auto* native = static_cast<soci::sqlite3_session_backend*>(session.get_backend())->conn_;
    char* message = nullptr;
    if (sqlite_api::sqlite3_exec(native, script.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      std::string reason = message != nullptr ? message : "unknown error";
      sqlite_api::sqlite3_free(message);
      throw error("migration failed: " + reason);
    }
    return;
  }
  auto* native = static_cast<soci::postgresql_session_backend*>(session.get_backend())->conn_;
  PGresult* result = PQexec(native, script.c_str());
  const auto status = PQresultStatus(result);
  std::string reason = PQresultErrorMessage(result);
  PQclear(result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) throw error("migration failed: " + reason);
}

// Serialises concurrent migrators; SQLite's BEGIN IMMEDIATE already holds the write lock.
void lock_migrations(soci::session& session, backend kind) {
  if (kind == backend::postgresql) session << "SELECT pg_advisory_xact_lock(4242001)";
}

void ensure_migrations_table(soci::session& session) {
  session << "CREATE TABLE IF NOT EXISTS schema_migrations ("
             "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";
}

int recorded_version(soci::session& session) {
  int version = 0;
  soci::indicator null_version = soci::i_ok;
  session << "SELECT MAX(version) FROM schema_migrations", soci::into(version, null_version);
  return null_version == soci::i_null ? 0 : version;
}

void refuse_newer_schema(int database_version, backend kind) {
  const int known = latest_schema_version(kind);
  if (database_version > known) {
    throw configuration_error("the database has schema version " + std::to_string(database_version) +
                              ", newer than this jointbuy binary knows (" + std::to_string(known) +
                              "): run a newer jointbuy; nothing was changed");
  }
}

}  // namespace

const std::vector<migration>& migrations_for(backend kind) {
  static const auto sqlite = collect("sql/sqlite");
  static const auto postgresql = collect("sql/postgresql");
  return kind == backend::sqlite ? sqlite : postgresql;
}

int latest_schema_version(backend kind) {
  const auto& all = migrations_for(kind);
  return all.empty() ? 0 : all.back().version;
}

int schema_version(database& db) {
  return db.with_session([](soci::session& session) {
    ensure_migrations_table(session);
    return recorded_version(session);
  });
}

migration_report migrate(database& db) {
  return db.with_session([&db](soci::session& session) {
    const auto kind = db.kind();
    {
      transaction setup{session};
      lock_migrations(session, kind);
      ensure_migrations_table(session);
      setup.commit();
    }
    migration_report report;
    report.from_version = recorded_version(session);
    refuse_newer_schema(report.from_version, kind);
    for (const auto& step : migrations_for(kind)) {
      transaction tx{session};
      lock_migrations(session, kind);
      const int current = recorded_version(session);
      refuse_newer_schema(current, kind);
      if (step.version <= current) continue;
      execute_script(session, kind, step.sql);
      const std::string name{step.name};
      const std::string applied_at = utc_timestamp_now();
      session << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :t)",
          soci::use(step.version), soci::use(name), soci::use(applied_at);
      tx.commit();
      report.applied.push_back(step.version);
    }
    report.to_version = recorded_version(session);
    return report;
  });
}

}  // namespace jointbuy::store
