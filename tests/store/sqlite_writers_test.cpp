// The queue of SQLite writers in one process (store::transaction): a write nested in another on the
// same thread does not wait for itself, and a write that failed leaves the queue to the next.
#include <doctest/doctest.h>

#include <thread>

#include "api/store/transaction.hpp"
#include "tests/support/scratch_database.hpp"
#include "tests/support/store_helpers.hpp"

using namespace jointbuy;
using jointbuy::test::count_rows;

TEST_CASE("a SQLite write begun inside another on the same thread fails on the busy timeout instead of waiting for itself") {
  test::scratch_database scratch{store::backend::sqlite};
  auto db = scratch.open_migrated(2);
  db->with_session([&](soci::session& outer) {
    store::transaction held{outer};
    outer << "INSERT INTO organisations (id, name, kind, canton, created_at, updated_at) "
             "VALUES ('9001', 'Aussen', 'municipality', 'LU', 'now', 'now')";
    // The writers' queue of this process is this thread's already: the inner write skips it and
    // meets SQLite's lock, which the outer transaction holds, for its busy timeout.
    CHECK_THROWS(db->with_session([](soci::session& inner) {
      inner << "PRAGMA busy_timeout = 200";
      store::transaction nested{inner};
    }));
    held.commit();
  });
  // The failed write left the queue: a writer on another thread gets through.
  std::thread other([&] {
    db->with_session([](soci::session& session) {
      store::transaction tx{session};
      session << "INSERT INTO organisations (id, name, kind, canton, created_at, updated_at) "
                 "VALUES ('9002', 'Andere', 'municipality', 'LU', 'now', 'now')";
      tx.commit();
    });
  });
  other.join();
  CHECK(count_rows(*db, "organisations") == 2);
}
