#include "api/store/database.hpp"

#include <cstdio>
#include <filesystem>
#include <string_view>

#include <boost/json.hpp>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "api/store/access_watch.hpp"
#include "api/store/timestamps.hpp"
#include "catalog/json_text.hpp"

namespace jointbuy::store {

namespace {

// libpq prints the server's notices to standard error as they come ("NOTICE: relation
// schema_migrations already exists, skipping"), which breaks the log's one JSON object per line.
// Notices and below are the server thinking aloud; warnings become log lines like any other.
void receive_notice(void*, const PGresult* result) {
  const char* severity = PQresultErrorField(result, PG_DIAG_SEVERITY_NONLOCALIZED);
  const std::string_view level = severity == nullptr ? "WARNING" : severity;
  if (level == "NOTICE" || level == "INFO" || level == "LOG" || level == "DEBUG") return;
  const char* message = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
  const auto line = catalog::json_text(boost::json::object{
      {"ts", utc_timestamp_now()}, {"level", "warning"}, {"context", "postgresql"}, {"message", message == nullptr ? "" : message}});
  std::fprintf(stderr, "%s\n", line.c_str());
}

void receive_notices_as_log_lines(soci::session& session) {
  auto* backend = static_cast<soci::postgresql_session_backend*>(session.get_backend());
  if (backend != nullptr && backend->conn_ != nullptr) PQsetNoticeReceiver(backend->conn_, receive_notice, nullptr);
}

}  // namespace

database::database(const database_url& url, database_options options)
    : url_(url), options_(options), pool_(options.pool_size) {
  if (options_.pool_size == 0) throw configuration_error("the database pool needs at least one session");
  if (url_.kind == backend::sqlite) {
    const auto directory = std::filesystem::path(url_.connect).parent_path();
    if (!directory.empty()) std::filesystem::create_directories(directory);
  }
  try {
    for (std::size_t i = 0; i < options_.pool_size; ++i) open_session(pool_.at(i));
  } catch (...) {
    rethrow_as_store_error();
  }
}

database::~database() = default;

void database::open_session(soci::session& session) {
  if (url_.kind == backend::sqlite) {
    session.open(soci::sqlite3, "db=" + url_.connect + " timeout=" +
                                    std::to_string(std::max<long long>(1, options_.busy_timeout.count() / 1000)));
    session << "PRAGMA busy_timeout = " + std::to_string(options_.busy_timeout.count());
    session << "PRAGMA journal_mode = WAL";
    // FULL: a commit is on disk before it is acknowledged, even across a power cut.
    session << "PRAGMA synchronous = FULL";
    session << "PRAGMA foreign_keys = ON";
  } else {
    session.open(soci::postgresql, url_.connect);
    receive_notices_as_log_lines(session);
  }
}

std::string database::data_version() {
  if (url_.kind == backend::postgresql) {
    return with_session([](soci::session& session) {
      std::string snapshot;
      session << "SELECT CAST(pg_current_snapshot() AS TEXT)", soci::into(snapshot);
      return snapshot;
    });
  }
  const std::lock_guard guard{version_mutex_};
  try {
    if (!version_session_) {
      auto session = std::make_unique<soci::session>();
      open_session(*session);
      version_session_ = std::move(session);
      ++version_connection_;
    }
    long long version = 0;
    *version_session_ << "PRAGMA data_version", soci::into(version);
    return std::to_string(version_connection_) + ":" + std::to_string(version);
  } catch (...) {
    version_session_.reset();
    rethrow_as_store_error();
  }
}

std::optional<database::access_state> database::access_now() {
  // Read before the generation: a change counted meanwhile makes the state newer, never older.
  const auto changes_here = access_changes_.load(std::memory_order_acquire);
  std::call_once(access_watch_started_, [this] {
    access_watch_ = std::make_unique<access_watch>([this](soci::session& session) { open_session(session); },
                                                   std::chrono::milliseconds{100});
  });
  const auto generation = access_watch_->generation();
  if (!generation) return std::nullopt;
  return access_state{*generation, changes_here};
}

bool database::ping() {
  try {
    return with_session([](soci::session& session) {
      int one = 0;
      session << "SELECT 1", soci::into(one);
      return one == 1;
    });
  } catch (const error&) {
    return false;
  }
}

database::lease::lease(database& db) : db_(db) {
  const auto timeout_ms = static_cast<int>(db_.options_.lease_timeout.count());
  if (!db_.pool_.try_lease(position_, timeout_ms)) {
    throw unavailable("all " + std::to_string(db_.options_.pool_size) + " database sessions are busy");
  }
  db_.leases_.fetch_add(1, std::memory_order_relaxed);
  auto& s = session();
  if (db_.url_.kind == backend::postgresql) {
    auto* backend = static_cast<soci::postgresql_session_backend*>(s.get_backend());
    if (backend == nullptr || PQstatus(backend->conn_) != CONNECTION_OK) {
      try {
        s.reconnect();
        receive_notices_as_log_lines(s);
      } catch (...) {
        db_.pool_.give_back(position_);
        rethrow_as_store_error(true);  // the server is down or refuses us: worth a retry
      }
    }
  }
}

database::lease::~lease() { db_.pool_.give_back(position_); }

bool database::lease::after_failure() {
  if (db_.url_.kind != backend::postgresql) return false;
  auto* backend = static_cast<soci::postgresql_session_backend*>(session().get_backend());
  if (backend == nullptr || PQstatus(backend->conn_) == CONNECTION_OK) return false;
  // The server went away: try once now so that the next caller finds a working session; if the
  // server is still down, the next lease tries again.
  try {
    session().reconnect();
    receive_notices_as_log_lines(session());
  } catch (...) {
  }
  return true;
}

}  // namespace jointbuy::store
