#include "api/store/transaction.hpp"

namespace jointbuy::store {

transaction::transaction(soci::session& session) : session_(session) {
  session_ << (session_.get_backend_name() == "sqlite3" ? "BEGIN IMMEDIATE" : "BEGIN");
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
