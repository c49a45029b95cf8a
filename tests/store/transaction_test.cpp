#include <doctest/doctest.h>

#include "api/store/organisations.hpp"
#include "api/store/transaction.hpp"
#include "tests/support/scratch_database.hpp"
#include "tests/support/store_helpers.hpp"

using namespace jointbuy;
using jointbuy::test::count_rows;

TEST_CASE("a transaction left without commit leaves nothing behind") {
  test::scratch_database scratch;
  auto db = scratch.open_migrated();
  CHECK_THROWS_AS(db->with_session([](soci::session& session) {
    store::transaction tx{session};
    session << "INSERT INTO organisations (id, name, kind, canton, created_at, updated_at) "
               "VALUES ('9001', 'Temp', 'municipality', 'LU', 'now', 'now')";
    throw std::runtime_error("fails before commit");
  }), std::runtime_error);
  CHECK(count_rows(*db, "organisations") == 0);
}

TEST_CASE("an import that fails half way stores none of its rows and none of its audit records") {
  test::scratch_database scratch;
  auto db = scratch.open_migrated();
  std::vector<catalog::organisation> batch{
      {"1001", "Doppleschwand", "LU", "Entlebuch", catalog::organisation_kind::municipality},
      {"1002", "Entlebuch", "LU", "Entlebuch", catalog::organisation_kind::municipality},
      {"1004", "", "LU", "Entlebuch", catalog::organisation_kind::municipality},  // the schema refuses an empty name
  };
  CHECK_THROWS_AS(store::import_organisations(*db, batch, "test"), store::error);
  CHECK(count_rows(*db, "organisations") == 0);
  CHECK(count_rows(*db, "audit_log") == 0);
}

TEST_CASE("a committed transaction is visible to other sessions") {
  test::scratch_database scratch;
  auto db = scratch.open_migrated(2);
  db->with_session([](soci::session& session) {
    store::transaction tx{session};
    session << "INSERT INTO organisations (id, name, kind, canton, created_at, updated_at) "
               "VALUES ('9001', 'Kept', 'municipality', 'LU', 'now', 'now')";
    tx.commit();
  });
  auto other = scratch.open(1);
  CHECK(count_rows(*other, "organisations") == 1);
}
