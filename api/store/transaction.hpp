#pragma once
// A write transaction that behaves the same on both backends.

#include <soci/soci.h>

namespace jointbuy::store {

/// A write transaction. On SQLite it takes the write lock at BEGIN (BEGIN IMMEDIATE), so that
/// concurrent writers wait in turn instead of failing with "database is locked" when a reader
/// upgrades; the writers of one process wait in a queue for it (at most the busy timeout), not in
/// SQLite's sleeping back-off. Rolls back on destruction unless committed.
class transaction {
 public:
  /// What the transaction is for.
  enum class kind { write, snapshot_read };

  /// `snapshot_read`: every statement sees the same snapshot (PostgreSQL REPEATABLE READ READ ONLY;
  /// SQLite's deferred transaction reads one snapshot in WAL mode).
  explicit transaction(soci::session& session, kind purpose = kind::write);
  ~transaction();
  transaction(const transaction&) = delete;
  transaction& operator=(const transaction&) = delete;

  /// Makes the transaction's changes durable.
  void commit();

 private:
  // Leaves this process's queue of SQLite writers, if it is in it.
  void release();

  soci::session& session_;
  bool open_ = true;
  bool queued_ = false;
};

}  // namespace jointbuy::store
