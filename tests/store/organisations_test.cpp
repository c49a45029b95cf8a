#include <doctest/doctest.h>

#include <set>

#include "api/store/audit_log.hpp"
#include "api/store/organisations.hpp"
#include "tests/support/scratch_database.hpp"
#include "tests/support/store_helpers.hpp"

using namespace jointbuy;
using jointbuy::catalog::organisation;
using jointbuy::catalog::organisation_kind;
using jointbuy::test::count_rows;

namespace {

std::vector<organisation> sample() {
  return {{"1059", "Kriens", "LU", "Luzern-Land", organisation_kind::municipality},
          {"1061", "Luzern", "LU", "Luzern-Stadt", organisation_kind::municipality},
          {"1701", "Baar", "ZG", "Zug", organisation_kind::municipality},
          {"LU", "Kanton Luzern", "LU", "", organisation_kind::canton}};
}

}  // namespace

TEST_CASE("importing the same list twice changes nothing the second time") {
  test::scratch_database scratch;
  auto db = scratch.open_migrated();
  const auto first = store::import_organisations(*db, sample(), "test");
  CHECK(first.inserted == 4);
  const auto second = store::import_organisations(*db, sample(), "test");
  CHECK(second.inserted == 0);
  CHECK(second.updated == 0);
  CHECK(second.unchanged == 4);
  CHECK(count_rows(*db, "organisations") == 4);
  CHECK(count_rows(*db, "audit_log") == 4);
}

TEST_CASE("a changed organisation is updated and the change audited with before and after") {
  test::scratch_database scratch;
  auto db = scratch.open_migrated();
  store::import_organisations(*db, sample(), "test");
  auto renamed = sample();
  renamed[0].name = "Kriens (Stadt)";
  const auto result = store::import_organisations(*db, renamed, "importer");
  CHECK(result.updated == 1);
  CHECK(result.unchanged == 3);
  CHECK(store::find_organisation(*db, "1059")->name == "Kriens (Stadt)");
  const auto history = test::audit_history(*db, "organisation", "1059");
  REQUIRE(history.size() == 2);
  CHECK(history[0].record.action == "create");
  CHECK(history[1].record.action == "update");
  CHECK(history[1].record.actor == "importer");
  CHECK(history[1].record.before->find("\"Kriens\"") != std::string::npos);
  CHECK(history[1].record.after->find("Kriens (Stadt)") != std::string::npos);
}

TEST_CASE("find returns the stored organisation or nothing") {
  test::scratch_database scratch;
  auto db = scratch.open_migrated();
  store::import_organisations(*db, sample(), "test");
  CHECK(store::find_organisation(*db, "1061") == sample()[1]);
  CHECK(store::find_organisation(*db, "LU")->kind == organisation_kind::canton);
  CHECK_FALSE(store::find_organisation(*db, "9999").has_value());
  CHECK_FALSE(store::find_organisation(*db, "' OR '1'='1").has_value());
}

TEST_CASE("pages cover every organisation exactly once, filters narrow them") {
  test::scratch_database scratch;
  auto db = scratch.open_migrated();
  store::import_organisations(*db, sample(), "test");
  std::set<std::string> seen;
  store::organisation_query query;
  query.limit = 3;
  int pages = 0;
  while (true) {
    const auto page = store::list_organisations(*db, query);
    ++pages;
    for (const auto& org : page.items) CHECK(seen.insert(org.id).second);
    if (!page.next_after) break;
    query.after = *page.next_after;
  }
  CHECK(pages == 2);
  CHECK(seen.size() == 4);

  store::organisation_query lucerne;
  lucerne.canton = "LU";
  CHECK(store::list_organisations(*db, lucerne).items.size() == 3);
  lucerne.kind = organisation_kind::canton;
  const auto cantons = store::list_organisations(*db, lucerne);
  REQUIRE(cantons.items.size() == 1);
  CHECK(cantons.items[0].id == "LU");
}
