#pragma once
// Small look-ups the storage tests make directly in the database.

#include <string>

#include <soci/soci.h>

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

}  // namespace jointbuy::test
