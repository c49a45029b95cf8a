#include "api/store/transaction.hpp"

namespace jointbuy::store {

transaction::transaction(soci::session& session, kind purpose) : session_(session) {
  const bool sqlite = session_.get_backend_name() == "sqlite3";
  if (purpose == kind::snapshot_read) {
    session_ << (sqlite ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  } else {
    session_ << (sqlite ? "BEGIN IMMEDIATE" : "BEGIN");
  }
}

transaction::~transaction() {
  if (!open_) return;
  try {
    session_ << "ROLLBACK";
  } catch (...) {
    // The connection is gone; the server has rolled the transaction back with it.
  }
}

void transaction::commit() {
  session_ << "COMMIT";
  open_ = false;
}

}  // namespace jointbuy::store
