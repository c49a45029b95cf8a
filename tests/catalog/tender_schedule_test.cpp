#include <doctest/doctest.h>

#include "catalog/tender_schedule.hpp"

using namespace jointbuy::catalog;

TEST_CASE("a text cell begins no formula wherever a spreadsheet could begin a cell") {
  CHECK(csv_cell("plain", ',') == "plain");
  CHECK(csv_cell("=1+1", ',') == "'=1+1");
  CHECK(csv_cell("-2+3", ';') == "'-2+3");
  // Before: only the first character was checked and only the chosen separator quoted, so these
  // were formulas when the file was opened with the other separator.
  CHECK(csv_cell(";=1+1", ',') == "\";'=1+1\"");
  CHECK(csv_cell(",=1+1", ';') == "\",'=1+1\"");
  CHECK(csv_cell("x\n@SUM(1)", ',') == "\"x\n'@SUM(1)\"");
  CHECK(csv_cell("a;\"=1", ',') == "\"a;\"\"'=1\"");
  CHECK(csv_cell("\t=1", ',') == "'\t'=1");
  // Within text a sign after a space stays as written.
  CHECK(csv_cell("Ersatz, -20 %", ',') == "\"Ersatz, -20 %\"");
}

TEST_CASE("what a buyer sees of its co-buyers' rows") {
  std::vector<schedule_row> rows(2);
  rows[0].buyer = "1059";
  rows[0].unit_price = 3800;
  rows[0].value = 38000;
  rows[0].note = "ours";
  rows[1].buyer = "1024";
  rows[1].buyer_name = "Emmen";
  rows[1].quantity = 7;
  rows[1].unit_price = 3777;
  rows[1].value = 26439;
  rows[1].note = "theirs";
  SUBCASE("a joint tender: the name and quantity, not the estimate or the note") {
    const auto seen = as_seen_by(rows, "1059", true);
    REQUIRE(seen.size() == 2);
    CHECK_FALSE(seen[0].withheld);
    CHECK(seen[0].note == "ours");
    CHECK(seen[1].withheld);
    CHECK(seen[1].buyer_name == "Emmen");
    CHECK(seen[1].quantity == 7);
    CHECK(seen[1].unit_price == 0);
    CHECK(seen[1].note.empty());
    const auto csv = schedule_csv(seen, {});
    CHECK(csv.find("37.77") == std::string::npos);
    CHECK(csv.find("264.39") == std::string::npos);
    CHECK(csv.find("theirs") == std::string::npos);
    CHECK(csv.find("Emmen") != std::string::npos);
  }
  SUBCASE("each buying alone: only its own rows") {
    const auto seen = as_seen_by(rows, "1059", false);
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].buyer == "1059");
  }
}
