#include <doctest/doctest.h>

#include "engine/thresholds.hpp"
#include "tests/support/reference_data.hpp"

using namespace jointbuy;
using namespace jointbuy::engine;
using namespace std::chrono;

namespace {

const date in_force{2027y / March / 1};

procedure_ruling rule(rappen value, procurement_type type, date day = in_force) {
  const auto ruling = required_procedure(test::shipped_reference_data().thresholds, value, type, day);
  REQUIRE(ruling.has_value());
  return *ruling;
}

rappen chf(long long francs, int cents = 0) { return francs * 100 + cents; }

}  // namespace

TEST_CASE("supplies and services: free-hand below 150'000, invitation below 250'000, open from 250'000") {
  for (const auto type : {procurement_type::supply, procurement_type::service, procurement_type::construction_secondary}) {
    CAPTURE(to_string(type));
    CHECK(rule(0, type).required == procedure::free_hand);
    CHECK(rule(chf(149'999, 99), type).required == procedure::free_hand);
    CHECK(rule(chf(150'000), type).required == procedure::invitation);
    CHECK(rule(chf(249'999, 99), type).required == procedure::invitation);
    CHECK(rule(chf(250'000), type).required == procedure::open);
    CHECK_FALSE(rule(chf(250'000), type).international);
  }
}

TEST_CASE("construction, main trades: free-hand below 300'000, invitation below 500'000") {
  const auto type = procurement_type::construction_main;
  CHECK(rule(chf(299'999, 99), type).required == procedure::free_hand);
  CHECK(rule(chf(300'000), type).required == procedure::invitation);
  CHECK(rule(chf(499'999, 99), type).required == procedure::invitation);
  CHECK(rule(chf(500'000), type).required == procedure::open);
}

TEST_CASE("the treaty threshold makes a tender international: 350'000 for supplies and services, 8'700'000 for construction") {
  for (const auto type : {procurement_type::supply, procurement_type::service}) {
    CAPTURE(to_string(type));
    CHECK_FALSE(rule(chf(349'999, 99), type).international);
    const auto at = rule(chf(350'000), type);
    CHECK(at.international);
    CHECK(at.required == procedure::open);
  }
  for (const auto type : {procurement_type::construction_main, procurement_type::construction_secondary}) {
    CAPTURE(to_string(type));
    CHECK_FALSE(rule(chf(8'699'999, 99), type).international);
    CHECK(rule(chf(8'700'000), type).international);
  }
}

TEST_CASE("the thresholds apply from their valid_from date, and a table with a gap has no ruling there") {
  const auto& shipped = test::shipped_reference_data().thresholds;
  CHECK(required_procedure(shipped, chf(200'000), procurement_type::supply, date{2023y / January / 1}).has_value());
  CHECK_FALSE(required_procedure(shipped, chf(200'000), procurement_type::supply, date{2022y / December / 31}).has_value());

  // Two periods: the old law's lower supply limit until 2022-12-31, the new one from 2023-01-01.
  threshold_table table;
  threshold_period old_law{date{2019y / January / 1}, date{2022y / December / 31}, {}, "old"};
  old_law.by_type[procurement_type::supply] = {chf(100'000), chf(200'000), chf(350'000)};
  threshold_period new_law{date{2023y / January / 1}, std::nullopt, {}, "new"};
  new_law.by_type[procurement_type::supply] = {chf(150'000), chf(250'000), chf(350'000)};
  table.periods = {new_law, old_law};
  const auto last_old_day = required_procedure(table, chf(120'000), procurement_type::supply, date{2022y / December / 31});
  const auto first_new_day = required_procedure(table, chf(120'000), procurement_type::supply, date{2023y / January / 1});
  REQUIRE(last_old_day);
  REQUIRE(first_new_day);
  CHECK(last_old_day->required == procedure::invitation);
  CHECK(last_old_day->period->source == "old");
  CHECK(first_new_day->required == procedure::free_hand);
  CHECK(first_new_day->period->source == "new");
  CHECK_FALSE(required_procedure(table, chf(1), procurement_type::supply, date{2018y / December / 31}));
  CHECK_FALSE(required_procedure(table, chf(1), procurement_type::service, date{2024y / January / 1}));  // no limits for services
}

TEST_CASE("the reason names the figures, in English and German") {
  const auto ruling = rule(chf(249'999, 99), procurement_type::supply);
  const auto en = explain(ruling, chf(249'999, 99), procurement_type::supply, language::en);
  CHECK(en == "CHF 249'999.99 for supplies is at or above the free-hand limit of CHF 150'000.00 and below the threshold "
              "of CHF 250'000.00 for an open procedure: invitation procedure (IVöB 2019 (SRL 733b), Annex 1 and 2, in "
              "force since 01.01.2023).");
  const auto de = explain(rule(chf(400'000), procurement_type::service), chf(400'000), procurement_type::service, language::de);
  CHECK(de.find("CHF 400'000.00 für Dienstleistungen erreicht den Schwellenwert des Staatsvertragsbereichs") == 0);
  CHECK(de.find("CHF 350'000.00") != std::string::npos);
  CHECK(de.find("international") != std::string::npos);
}
