// The one intake of intents: a JSON body, a spreadsheet row and an entry of a `jointbuy bundle`
// file are checked by the same rules and told with the same words, in English and German.
#include <doctest/doctest.h>

#include <boost/json.hpp>

#include "catalog/intent_intake.hpp"

using namespace jointbuy;

namespace {

const engine::date today{std::chrono::year{2026} / 12 / 2};

catalog::item monitor() {
  catalog::item i;
  i.id = "monitor-24";
  i.reference_price = 18000;
  return i;
}

// The look-ups of a store with one item and two organisations, counting what they are asked.
struct counting_lookups {
  int items_asked = 0, organisations_asked = 0, names_asked = 0;
  catalog::intake_lookups lookups() {
    return {[this](const std::string& id) -> std::optional<catalog::item> {
              ++items_asked;
              if (id == "monitor-24") return monitor();
              return std::nullopt;
            },
            [this](const std::string& id) {
              ++organisations_asked;
              return id == "1059" || id == "1024";
            },
            [this](const std::string& name) -> std::optional<std::string> {
              ++names_asked;
              if (name == "Monitor 24 Zoll") return "monitor-24";
              return std::nullopt;
            }};
  }
};

// The same entry as a JSON object and as a CSV file of one row (header, then the row).
struct entry {
  const char* what;
  boost::json::object json;
  const char* field;
};

std::string csv_of(const boost::json::object& fields, bool with_id) {
  std::string header = with_id ? "id" : "", row = with_id ? "1" : "";
  for (const auto& [name, value] : fields) {
    header.append(header.empty() ? "" : ",").append(name);
    row.append(row.empty() ? "" : ",");
    row.append(value.is_string() ? std::string{value.as_string()} : boost::json::serialize(value));
  }
  return header + "\n" + row + "\n";
}

boost::json::object base() {
  return {{"organisation", "1059"}, {"item", "monitor-24"}, {"quantity", 2}, {"earliest", "2027-02-01"}, {"latest", "2027-05-31"}};
}

// A scope with the calendar of `today` and `rule` for `organisation`.
catalog::intake_scope scope_of(catalog::organisation_rule rule, const char* organisation) {
  catalog::intake_scope scope;
  scope.today = today;
  scope.rule = rule;
  scope.organisation = organisation;
  return scope;
}

boost::json::object with(boost::json::object fields, const char* name, boost::json::value value) {
  fields[name] = std::move(value);
  return fields;
}

}  // namespace

TEST_CASE("a JSON body, a spreadsheet row and a file entry get the same problem with the same words") {
  const entry entries[] = {
      {"reversed window", with(base(), "earliest", "2027-07-01"), "latest"},
      {"window beyond 3 years", with(base(), "latest", "2031-01-01"), "latest"},
      {"window in the past", with(with(base(), "earliest", "2026-01-05"), "latest", "2026-03-31"), "latest"},
      {"unknown item", with(base(), "item", "flying-car"), "item"},
      {"contract years on an item bought once", with(base(), "contract_years", 3), "contract_years"},
      {"note beyond 2000 characters", with(base(), "note", boost::json::string(2001, 'x')), "note"},
      {"quantity beyond 10 million", with(base(), "quantity", 10'000'001), "quantity"},
      {"quantity below 1", with(base(), "quantity", 0), "quantity"},
      {"unit price with 3 decimals", with(base(), "unit_price_chf", 12.345), "unit_price_chf"},
      {"contract years beyond 5", with(base(), "contract_years", 6), "contract_years"},
      {"value beyond CHF 10 billion", with(with(base(), "quantity", 10'000'000), "unit_price_chf", 2000), "quantity"},
      {"unknown organisation", with(base(), "organisation", "9999"), "organisation"},
  };
  catalog::intake_scope scope;
  scope.today = today;
  auto file_scope = scope;
  file_scope.with_ids = true;
  for (const auto& e : entries) {
    CAPTURE(e.what);
    counting_lookups store;
    const auto body = catalog::intake_json(e.json, scope, store.lookups());
    const auto sheet = catalog::intake_csv(csv_of(e.json, false), scope, store.lookups());
    auto numbered = e.json;
    numbered["id"] = 1;
    const auto file = catalog::intake_json_list(boost::json::array{numbered}, file_scope, store.lookups());
    const auto file_sheet = catalog::intake_csv(csv_of(e.json, true), file_scope, store.lookups());
    for (const auto* result : {&body, &sheet, &file, &file_sheet}) {
      CHECK(result->intents.empty());
      REQUIRE(result->problems.size() == 1);
    }
    CHECK(body.problems[0].field == e.field);
    CHECK(body.problems[0].row == 0);
    CHECK(sheet.problems[0].field == e.field);
    CHECK(sheet.problems[0].row == 2);
    CHECK(file.problems[0].field == std::string{"[0]."} + e.field);
    CHECK(file_sheet.problems[0].field == e.field);
    CHECK(file_sheet.problems[0].row == 2);
    for (const auto* result : {&sheet, &file, &file_sheet}) {
      CHECK(result->problems[0].why.en == body.problems[0].why.en);
      CHECK(result->problems[0].why.de == body.problems[0].why.de);
    }
    CHECK(!body.problems[0].why.de.empty());
    CHECK(body.problems[0].why.de != body.problems[0].why.en);
  }
}

TEST_CASE("a good entry is taken as it came, with the scope's organisation when it names none") {
  const auto scope = scope_of(catalog::organisation_rule::own_only, "1024");
  counting_lookups store;
  auto fields = base();
  fields.erase("organisation");
  const auto body = catalog::intake_json(fields, scope, store.lookups());
  REQUIRE(body.problems.empty());
  REQUIRE(body.intents.size() == 1);
  CHECK(body.intents[0].draft.organisation == "1024");
  CHECK(body.intents[0].draft.quantity == 2);
  CHECK(engine::format_iso_date(body.intents[0].draft.latest) == "2027-05-31");
  const auto sheet = catalog::intake_csv(csv_of(fields, false), scope, store.lookups());
  REQUIRE(sheet.intents.size() == 1);
  CHECK(sheet.intents[0].draft == body.intents[0].draft);
}

TEST_CASE("another organisation's entry in an own-only scope is named as foreign, in every form") {
  const auto scope = scope_of(catalog::organisation_rule::own_only, "1024");
  counting_lookups store;
  const auto body = catalog::intake_json(base(), scope, store.lookups());
  const auto sheet = catalog::intake_csv(csv_of(base(), false), scope, store.lookups());
  for (const auto* result : {&body, &sheet}) {
    CHECK(result->foreign_organisation == std::optional<std::string>{"1059"});
    REQUIRE(result->problems.size() == 1);
    CHECK(result->problems[0].why.en == "must be your own organisation, 1024");
  }
}

TEST_CASE("a change keeps the stored organisation") {
  const auto scope = scope_of(catalog::organisation_rule::unchangeable, "1024");
  counting_lookups store;
  const auto moved = catalog::intake_json(base(), scope, store.lookups());
  REQUIRE(moved.problems.size() == 1);
  CHECK(moved.problems[0].field == "organisation");
  CHECK(!moved.foreign_organisation);
  auto fields = base();
  fields.erase("organisation");
  const auto kept = catalog::intake_json(fields, scope, store.lookups());
  REQUIRE(kept.intents.size() == 1);
  CHECK(kept.intents[0].draft.organisation == "1024");
}

TEST_CASE("files need a unique positive id per entry, named by its place") {
  catalog::intake_scope scope;
  scope.with_ids = true;
  counting_lookups store;
  auto first = base(), second = base(), third = base();
  first["id"] = 7;
  second["id"] = 7;
  third["id"] = -1;
  const auto file = catalog::intake_json_list(boost::json::array{first, second, third}, scope, store.lookups());
  REQUIRE(file.problems.size() == 2);
  CHECK(file.problems[0].field == "[1].id");
  CHECK(file.problems[0].why.en == "is also the id of [0].id");
  CHECK(file.problems[1].field == "[2].id");
  const auto sheet = catalog::intake_csv("id,organisation,item,quantity,earliest,latest\n"
                                         "7,1059,monitor-24,2,2027-02-01,2027-05-31\n"
                                         "7,1024,monitor-24,2,2027-02-01,2027-05-31\n",
                                         scope, store.lookups());
  REQUIRE(sheet.problems.size() == 1);
  CHECK(sheet.problems[0].row == 3);
  CHECK(sheet.problems[0].why.en == "is also the id of row 2");
  CHECK(sheet.problems[0].why.de == "ist auch die Id von Zeile 2");
  // Without ids, an "id" column is not one the import knows.
  scope.with_ids = false;
  const auto api = catalog::intake_csv("id,item,quantity,earliest,latest\n7,monitor-24,2,2027-02-01,2027-05-31\n", scope, store.lookups());
  REQUIRE(api.problems.size() == 1);
  CHECK(api.problems[0].field == "id");
}

TEST_CASE("each item and organisation is looked up once per input, however many rows name it") {
  catalog::intake_scope scope;
  scope.today = today;
  counting_lookups store;
  std::string csv = "organisation,item,quantity,earliest,latest\n";
  for (int i = 0; i < 200; ++i) csv += (i % 2 ? "1059" : "1024") + std::string{",monitor-24,2,2027-02-01,2027-05-31\n"};
  const auto result = catalog::intake_csv(csv, scope, store.lookups());
  CHECK(result.intents.size() == 200);
  CHECK(store.items_asked == 1);
  CHECK(store.organisations_asked == 2);
}

TEST_CASE("a spreadsheet names the item by its id or by its exact catalogue name; anything else is refused with what it said") {
  catalog::intake_scope scope;
  scope.today = today;
  scope.organisation = "1059";
  counting_lookups store;
  const auto named = catalog::intake_csv("Artikel;Menge;Frühestens;Spätestens\n"
                                         "Monitor 24 Zoll;2;01.02.2027;31.05.2027\n"
                                         "monitor-24;3;01.02.2027;31.05.2027\n"
                                         "Monitor 24 Zoll;4;01.02.2027;31.05.2027\n",
                                         scope, store.lookups());
  REQUIRE(named.problems.empty());
  REQUIRE(named.intents.size() == 3);
  for (const auto& i : named.intents) CHECK(i.draft.item == "monitor-24");
  CHECK(store.names_asked == 1);
  const auto unknown = catalog::intake_csv("Artikel;Menge;Frühestens;Spätestens\nmonitor 24 zoll;2;01.02.2027;31.05.2027\n", scope,
                                           store.lookups());
  REQUIRE(unknown.problems.size() == 1);
  CHECK(unknown.problems[0].field == "item");
  CHECK(unknown.problems[0].why.in(engine::language::de) == "'monitor 24 zoll' ist nicht im Katalog");
  // A JSON body names items by id only: the API's contract.
  const auto json = catalog::intake_json(boost::json::parse(R"({"item":"Monitor 24 Zoll","quantity":2,"earliest":"2027-02-01","latest":"2027-05-31"})"),
                                         scope, store.lookups());
  CHECK(json.intents.empty());
}
