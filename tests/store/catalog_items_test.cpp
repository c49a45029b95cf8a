#include <doctest/doctest.h>

#include <set>

#include "api/store/audit_log.hpp"
#include "api/store/catalog_items.hpp"
#include "tests/support/reference_data.hpp"
#include "tests/support/scratch_database.hpp"
#include "tests/support/store_helpers.hpp"

using namespace jointbuy;
using jointbuy::test::count_rows;

namespace {

std::unique_ptr<store::database> database_with_catalog(const test::scratch_database& scratch) {
  auto db = scratch.open_migrated();
  store::load_catalog(*db, test::shipped_reference_data(), "test");
  return db;
}

std::set<std::string> ids_of(const store::item_page& page) {
  std::set<std::string> ids;
  for (const auto& value : page.items) ids.insert(value.id);
  return ids;
}

}  // namespace

TEST_CASE("loading the catalogue stores every item and CPV code once, and again adds nothing") {
  test::scratch_database scratch;
  auto db = scratch.open_migrated();
  const auto& data = test::shipped_reference_data();
  const auto first = store::load_catalog(*db, data, "test");
  CHECK(first.items_added == data.items.size());
  CHECK(first.cpv_codes_added == 9458);
  const auto second = store::load_catalog(*db, data, "test");
  CHECK(second.items_added == 0);
  CHECK(second.items_kept == data.items.size());
  CHECK(second.cpv_codes_added == 0);
  CHECK(count_rows(*db, "catalog_items") == static_cast<long long>(data.items.size()));
  CHECK(count_rows(*db, "cpv_codes") == 9458);
}

TEST_CASE("a stored item reads back exactly as loaded") {
  test::scratch_database scratch;
  auto db = database_with_catalog(scratch);
  for (const auto& value : test::shipped_reference_data().items) {
    CAPTURE(value.id);
    const auto stored = store::find_item(*db, value.id);
    REQUIRE(stored.has_value());
    CHECK(*stored == value);
  }
  CHECK_FALSE(store::find_item(*db, "no-such-item").has_value());
}

TEST_CASE("search matches names in both languages, CPV codes and CPV labels, case-insensitively") {
  test::scratch_database scratch;
  auto db = database_with_catalog(scratch);
  const auto laptops = ids_of(store::search_items(*db, {"laptop", std::nullopt, "", "", 500}));
  CHECK(laptops.count("laptop-standard-14") == 1);
  CHECK(laptops.count("laptop-school-teacher") == 1);
  CHECK(laptops.count("tablet-school") == 0);
  const auto school = ids_of(store::search_items(*db, {"Schule", std::nullopt, "", "", 500}));
  CHECK(school.count("tablet-school") == 1);
  CHECK(school.count("school-administration-software") == 1);  // "Volksschule"
  CHECK(school.count("erp-finance") == 0);
  const auto by_label = ids_of(store::search_items(*db, {"portable computers", std::nullopt, "", "", 500}));
  CHECK(by_label.count("notebook-school-pupil") == 1);
  const auto educational = ids_of(store::search_items(*db, {"", std::nullopt, "48190000-6", "", 500}));
  CHECK(educational == std::set<std::string>{"learning-platform-school", "school-administration-software"});
  const auto services = store::search_items(*db, {"", engine::category::service, "", "", 500});
  for (const auto& value : services.items) CHECK(value.category == engine::category::service);
  CHECK(store::search_items(*db, {"%", std::nullopt, "", "", 500}).items.empty());  // wildcards are literal
  CHECK(store::search_items(*db, {"' OR 1=1 --", std::nullopt, "", "", 500}).items.empty());
}

TEST_CASE("search pages through the whole catalogue once") {
  test::scratch_database scratch;
  auto db = database_with_catalog(scratch);
  std::set<std::string> seen;
  store::item_query query;
  query.limit = 7;
  while (true) {
    const auto page = store::search_items(*db, query);
    for (const auto& value : page.items) CHECK(seen.insert(value.id).second);
    if (!page.next_after) break;
    query.after = *page.next_after;
  }
  CHECK(seen.size() == test::shipped_reference_data().items.size());
}

TEST_CASE("create, update with the current version, and refuse a stale one") {
  test::scratch_database scratch;
  auto db = database_with_catalog(scratch);
  auto value = test::shipped_reference_data().items.front();
  value.id = "laptop-rugged";
  value.name_en = "Rugged laptop (building services)";
  const auto created = store::create_item(*db, value, "coordinator-1");
  CHECK(created.version == 1);
  try {
    store::create_item(*db, value, "coordinator-1");
    FAIL("a second item with the same id was stored");
  } catch (const store::conflict& e) {
    CHECK(e.why() == store::conflict::reason::key_taken);
    REQUIRE(e.subject());
    CHECK(e.subject()->kind == store::record::catalogue_item);
    CHECK(e.subject()->id == "laptop-rugged");
  }

  auto edit = created;
  edit.reference_price = 210000;
  CHECK(store::update_item(*db, edit, 1, "coordinator-1").version == 2);
  CHECK(store::find_item(*db, "laptop-rugged")->reference_price == 210000);

  auto late = created;
  late.reference_price = 1;
  try {
    store::update_item(*db, late, 1, "coordinator-2");
    FAIL("a stale edit was stored");
  } catch (const store::stale_version& e) {
    CHECK(e.expected() == 1);
    CHECK(e.current() == 2);
    CHECK(e.subject().id == "laptop-rugged");
  }
  CHECK(store::find_item(*db, "laptop-rugged")->reference_price == 210000);
  auto missing = created;
  missing.id = "nothing-here";
  CHECK_THROWS_AS(store::update_item(*db, missing, 1, "coordinator-2"), store::not_found);

  const auto history = test::audit_history(*db, "catalog_item", "laptop-rugged");
  REQUIRE(history.size() == 2);
  CHECK(history[1].record.actor == "coordinator-1");
  CHECK(history[1].record.before->find("\"version\":1") != std::string::npos);
  CHECK(history[1].record.after->find("\"reference_price_chf\":2100") != std::string::npos);
}

TEST_CASE("items sharing a key are found, except the item itself") {
  test::scratch_database scratch;
  auto db = database_with_catalog(scratch);
  const auto siblings = store::items_with_key(*db, "laptop-office", "laptop-standard-14");
  REQUIRE(siblings.size() == 1);
  CHECK(siblings[0].id == "laptop-standard-15");
}
