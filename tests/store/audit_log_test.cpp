#include <doctest/doctest.h>

#include "api/store/audit_log.hpp"
#include "api/store/transaction.hpp"
#include "tests/support/scratch_database.hpp"
#include "tests/support/store_helpers.hpp"

using namespace jointbuy;
using jointbuy::test::count_rows;

TEST_CASE("audit records come back in order with their before and after") {
  test::scratch_database scratch;
  auto db = scratch.open_migrated();
  db->with_session([](soci::session& session) {
    store::transaction tx{session};
    store::append_audit(session, {"alice", "create", "intent", "7", std::nullopt, R"({"quantity":40})"});
    store::append_audit(session, {"bob", "update", "intent", "7", R"({"quantity":40})", R"({"quantity":35})"});
    store::append_audit(session, {"bob", "create", "intent", "8", std::nullopt, R"({"quantity":1})"});
    tx.commit();
  });
  const auto history = test::audit_history(*db, "intent", "7");
  REQUIRE(history.size() == 2);
  CHECK(history[0].record.actor == "alice");
  CHECK_FALSE(history[0].record.before.has_value());
  CHECK(history[1].record.before == R"({"quantity":40})");
  CHECK(history[1].record.after == R"({"quantity":35})");
  CHECK(history[0].id < history[1].id);
  CHECK(history[0].occurred_at <= history[1].occurred_at);
  CHECK(history[0].occurred_at.size() == 27);  // 2026-11-22T06:41:00.000000Z
  CHECK(test::audit_history(*db, "intent", "7", history[0].id).size() == 1);
}

TEST_CASE("the database itself refuses to change or delete audit records") {
  test::scratch_database scratch;
  auto db = scratch.open_migrated();
  db->with_session([](soci::session& session) {
    store::transaction tx{session};
    store::append_audit(session, {"alice", "create", "intent", "7", std::nullopt, "{}"});
    tx.commit();
  });
  CHECK_THROWS_AS(db->with_session([](soci::session& session) { session << "UPDATE audit_log SET actor = 'mallory'"; }),
                  store::error);
  CHECK_THROWS_AS(db->with_session([](soci::session& session) { session << "DELETE FROM audit_log"; }), store::error);
  CHECK(count_rows(*db, "audit_log") == 1);
  CHECK(test::audit_history(*db, "intent", "7")[0].record.actor == "alice");
}
