#include <doctest/doctest.h>

#include "catalog/csv.hpp"

using namespace jointbuy::catalog;

TEST_CASE("RFC 4180: quoted fields with separators, quotes and line breaks") {
  const auto doc = read_csv("a,b,c\r\n\"x,1\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nlast,,\r\n");
  REQUIRE_FALSE(doc.error);
  REQUIRE(doc.records.size() == 3);
  CHECK(doc.records[1].fields == std::vector<std::string>{"x,1", "say \"hi\"", "two\nlines"});
  CHECK(doc.records[2].fields == std::vector<std::string>{"last", "", ""});
  CHECK(doc.records[2].line == 4);  // the embedded line break counts
}

TEST_CASE("Excel de-CH: BOM and semicolons are recognised") {
  const auto doc = read_csv("\xEF\xBB\xBFitem;quantity;note\nlaptop;40;\"a; b\"\n");
  REQUIRE_FALSE(doc.error);
  REQUIRE(doc.records.size() == 2);
  CHECK(doc.records[0].fields[0] == "item");
  CHECK(doc.records[1].fields == std::vector<std::string>{"laptop", "40", "a; b"});
}

TEST_CASE("blank lines are skipped and a missing final line break is fine") {
  const auto doc = read_csv("a,b\n\n1,2");
  REQUIRE_FALSE(doc.error);
  REQUIRE(doc.records.size() == 2);
  CHECK(doc.records[1].line == 3);
}

TEST_CASE("malformed quoting is reported with its line") {
  SUBCASE("unterminated") {
    const auto doc = read_csv("a,b\n1,\"open\n");
    REQUIRE(doc.error);
    CHECK(doc.error->line == 2);
  }
  SUBCASE("quote inside an unquoted field") {
    const auto doc = read_csv("a,b\n1,x\"y\n");
    REQUIRE(doc.error);
    CHECK(doc.error->line == 2);
  }
  SUBCASE("text after a closing quote") {
    const auto doc = read_csv("a\n\"x\"y\n");
    REQUIRE(doc.error);
    CHECK(doc.error->line == 2);
  }
}

TEST_CASE("text that is not UTF-8 is refused with its line") {
  const auto doc = read_csv("a,b\n1,ok\n2,\xff\xfe\xc0\xaf\n");
  REQUIRE(doc.error);
  CHECK(doc.error->failure == csv_failure::not_utf8);
  CHECK(doc.error->line == 3);
  CHECK_FALSE(read_csv("a,b\n1,Grüezi\n").error);
}

TEST_CASE("the reader stops at its limits instead of holding a hostile file in memory") {
  SUBCASE("cells in a row") {
    const auto doc = read_csv(std::string(100'000, ','), ',', {10, 64});
    REQUIRE(doc.error);
    CHECK(doc.error->failure == csv_failure::too_many_fields);
    CHECK(doc.records.empty());
  }
  SUBCASE("records") {
    std::string text;
    for (int k = 0; k < 1000; ++k) text += "x\n";
    const auto doc = read_csv(text, ',', {10, 64});
    REQUIRE(doc.error);
    CHECK(doc.error->failure == csv_failure::too_many_records);
    CHECK(doc.records.size() == 10);
  }
  SUBCASE("exactly at the limits is fine") {
    const auto doc = read_csv("a,b\nc,d\n", ',', {2, 2});
    CHECK_FALSE(doc.error);
    CHECK(doc.records.size() == 2);
  }
}
