#pragma once
// Small look-ups the storage tests make directly in the database.

#include <string>

#include <soci/soci.h>

#include "api/store/audit_log.hpp"
#include "api/store/database.hpp"

namespace jointbuy::test {

/// The number of rows of `table` (a fixed table name from the test itself).
inline long long count_rows(store::database& db, const std::string& table) {
  return db.with_session([&](soci::session& session) {
    long long count = 0;
    session << "SELECT COUNT(*) FROM " + table, soci::into(count);
    return count;
  });
}

/// The recorded changes of one record, oldest first, after sequence number `after`.
inline std::vector<store::audit_entry> audit_history(store::database& db, const std::string& entity, const std::string& id,
                                                     long long after = 0) {
  store::audit_search search;
  search.entity = entity;
  search.entity_id = id;
  search.after = after;
  return store::search_audit(db, search).items;
}

}  // namespace jointbuy::test
