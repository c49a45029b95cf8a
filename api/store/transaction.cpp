#include "api/store/transaction.hpp"

#include <chrono>
#include <mutex>

namespace jointbuy::store {

namespace {

// SQLite takes one writer at a time. The writers of this process queue here for it, instead of
// each retrying BEGIN IMMEDIATE in SQLite's busy handler, whose back-off sleeps up to 100 ms
// between tries (at 64 connections a p99 of 755 ms). Waiting is bounded by the session's busy
// timeout; after that, or for a write begun inside another on the same thread, BEGIN IMMEDIATE
// waits in SQLite as before (as it always does for the writers of other processes).
std::timed_mutex sqlite_writers;
thread_local int sqlite_writes_held = 0;

std::chrono::milliseconds busy_timeout(soci::session& session) {
  long long milliseconds = 0;
  session << "PRAGMA busy_timeout", soci::into(milliseconds);
  return std::chrono::milliseconds{milliseconds};
}

}  // namespace

transaction::transaction(soci::session& session, kind purpose) : session_(session) {
  const bool sqlite = session_.get_backend_name() == "sqlite3";
  if (purpose == kind::snapshot_read) {
    session_ << (sqlite ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    return;
  }
  if (!sqlite) {
    session_ << "BEGIN";
    return;
  }
  if (sqlite_writes_held == 0 && sqlite_writers.try_lock_for(busy_timeout(session_))) {
    queued_ = true;
    ++sqlite_writes_held;
  }
  try {
    session_ << "BEGIN IMMEDIATE";
  } catch (...) {
    release();
    throw;
  }
}

transaction::~transaction() {
  if (open_) {
    try {
      session_ << "ROLLBACK";
    } catch (...) {
      // The connection is gone; the server has rolled the transaction back with it.
    }
  }
  release();
}

void transaction::commit() {
  session_ << "COMMIT";
  open_ = false;
  release();
}

void transaction::release() {
  if (!queued_) return;
  queued_ = false;
  --sqlite_writes_held;
  sqlite_writers.unlock();
}

}  // namespace jointbuy::store
