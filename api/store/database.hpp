#pragma once
// A pool of database sessions on one of the two backends, and the one way to use a session.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

#include <soci/soci.h>

#include "api/store/database_url.hpp"
#include "api/store/errors.hpp"

namespace jointbuy::store {

class access_watch;

/// How the pool and the connections behave.
struct database_options {
  /// Number of pooled sessions: at most this many requests use the database at once.
  std::size_t pool_size = 8;
  /// How long a caller waits for a free session before the store reports `unavailable`.
  std::chrono::milliseconds lease_timeout{5000};
  /// SQLite: how long a writer waits for the write lock before it gives up.
  std::chrono::milliseconds busy_timeout{10000};
};

/// The database: a fixed pool of sessions, opened at construction, closed at destruction.
class database {
 public:
  /// Opens `options.pool_size` sessions. For SQLite creates the file's directory and turns on
  /// WAL, full synchronous commits, foreign keys and the busy timeout on every session.
  database(const database_url& url, database_options options = {});
  ~database();
  database(const database&) = delete;
  database& operator=(const database&) = delete;

  /// Which backend this is.
  backend kind() const { return url_.kind; }
  /// How many sessions the pool holds.
  std::size_t pool_size() const { return options_.pool_size; }

  /// Runs `fn(soci::session&)` on a pooled session and returns its result. Any SOCI or backend
  /// error is rethrown as a store error; a session whose connection broke is reconnected, and the
  /// failure is `unavailable` (worth a retry), whatever the driver called it.
  template <class Fn>
  auto with_session(Fn&& fn) -> decltype(fn(std::declval<soci::session&>())) {
    lease held{*this};
    try {
      return fn(held.session());
    } catch (...) {
      rethrow_as_store_error(held.after_failure());
    }
  }

  /// True when the database answers a trivial query now.
  bool ping();

  /// A text that changes whenever a transaction that changed data ended since it was read, in this
  /// or any other process: PostgreSQL's current snapshot (which transactions are visible), SQLite's
  /// data version seen from a connection of its own that never writes. Read before a response is
  /// made, an equal text later means the response is still what the database holds.
  std::string data_version();

  /// What the tokens this process verified depend on: the access generation, which every change of
  /// tokens or people moves on in any process (read every 100 ms by a thread of its own, from the
  /// first call), and this process's own count of such changes (access_changed).
  struct access_state {
    long long generation = 0;
    std::uint64_t changes_here = 0;
    bool operator==(const access_state&) const = default;
  };
  /// The state now; nothing when the generation was not read lately (then nothing may be kept).
  std::optional<access_state> access_now();
  /// Counts a change of tokens or people this process committed: what was kept is let go at once.
  void access_changed() { access_changes_.fetch_add(1, std::memory_order_acq_rel); }

  /// How many sessions were leased from the pool since it opened: what a request costs the pool.
  std::uint64_t leases_taken() const { return leases_.load(std::memory_order_relaxed); }

 private:
  class lease {
   public:
    explicit lease(database& db);
    ~lease();
    lease(const lease&) = delete;
    lease& operator=(const lease&) = delete;
    soci::session& session() { return db_.pool_.at(position_); }
    /// After a failure: true when the session's connection was lost (then it is reconnected, or
    /// the next lease tries).
    bool after_failure();

   private:
    database& db_;
    std::size_t position_ = 0;
  };

  void open_session(soci::session& session);

  database_url url_;
  database_options options_;
  soci::connection_pool pool_;
  // SQLite: the connection that reads the data version (of the other connections' commits).
  std::mutex version_mutex_;
  std::unique_ptr<soci::session> version_session_;
  // Counts the openings of that connection: its versions are its own, so a new one starts anew.
  std::uint64_t version_connection_ = 0;
  std::atomic<std::uint64_t> access_changes_{0};
  std::once_flag access_watch_started_;
  std::unique_ptr<access_watch> access_watch_;
  std::atomic<std::uint64_t> leases_{0};
};

}  // namespace jointbuy::store
