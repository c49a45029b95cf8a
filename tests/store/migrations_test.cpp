#include <doctest/doctest.h>

#include <thread>

#include "api/store/migrations.hpp"
#include "tests/support/scratch_database.hpp"
#include "tests/support/store_helpers.hpp"

using namespace jointbuy;
using jointbuy::test::count_rows;

TEST_CASE("migrate creates every table on an empty database and records each version") {
  test::scratch_database scratch;
  auto db = scratch.open();
  CHECK(store::schema_version(*db) == 0);
  const auto report = store::migrate(*db);
  CHECK(report.from_version == 0);
  CHECK(report.to_version == store::latest_schema_version(db->kind()));
  CHECK(report.applied.size() == static_cast<std::size_t>(report.to_version));
  for (const char* table : {"organisations", "api_tokens", "catalog_items", "intents", "bundling_runs", "bundles",
                            "bundle_members", "flags", "decisions", "audit_log"}) {
    CAPTURE(table);
    CHECK(count_rows(*db, table) == 0);
  }
  CHECK(count_rows(*db, "schema_migrations") == report.to_version);
}

TEST_CASE("running migrate again changes nothing") {
  test::scratch_database scratch;
  auto db = scratch.open();
  store::migrate(*db);
  const auto second = store::migrate(*db);
  CHECK(second.applied.empty());
  CHECK(second.from_version == second.to_version);
  CHECK(count_rows(*db, "schema_migrations") == second.to_version);
}

TEST_CASE("a database newer than the binary is refused and left as it is") {
  test::scratch_database scratch;
  auto db = scratch.open();
  store::migrate(*db);
  db->with_session([](soci::session& session) {
    session << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from_the_future', 'now')";
  });
  try {
    store::migrate(*db);
    FAIL("migrate accepted a newer schema");
  } catch (const store::configuration_error& e) {
    CHECK(std::string{e.what()}.find("999") != std::string::npos);
    CHECK(std::string{e.what()}.find("newer") != std::string::npos);
  }
  CHECK(store::schema_version(*db) == 999);
  CHECK(count_rows(*db, "schema_migrations") == store::latest_schema_version(db->kind()) + 1);
}

TEST_CASE("two processes migrating at once apply each migration once") {
  test::scratch_database scratch;
  auto first = scratch.open(1);
  auto second = scratch.open(1);
  std::vector<int> applied_first, applied_second;
  std::thread a([&] { applied_first = store::migrate(*first).applied; });
  std::thread b([&] { applied_second = store::migrate(*second).applied; });
  a.join();
  b.join();
  CHECK(applied_first.size() + applied_second.size() == static_cast<std::size_t>(store::latest_schema_version(first->kind())));
  CHECK(count_rows(*first, "schema_migrations") == store::latest_schema_version(first->kind()));
}
