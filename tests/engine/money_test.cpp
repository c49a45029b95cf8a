#include <doctest/doctest.h>

#include <limits>

#include "engine/money.hpp"

using namespace jointbuy::engine;

TEST_CASE("parse_chf reads the amounts people and spreadsheets write") {
  CHECK(parse_chf("1150") == 115000);
  CHECK(parse_chf("1150.5") == 115050);
  CHECK(parse_chf("1150.05") == 115005);
  CHECK(parse_chf("1'150.00") == 115000);
  CHECK(parse_chf("1\xE2\x80\x99" "150.00") == 115000);  // U+2019, as Excel in de-CH writes it
  CHECK(parse_chf("249'999.99") == 24999999);
  CHECK(parse_chf("0") == 0);
  CHECK(parse_chf("-12.30") == -1230);
}

TEST_CASE("parse_chf refuses what is not an amount of at most 2 decimals") {
  for (const char* bad : {"", "-", ".", "1.", ".50", "1.005", "1,50", "1'", "'1", "1''000", "abc", "12a", "1 000", "--1",
                          "100000000000"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_chf(bad).has_value());
  }
}

TEST_CASE("parse_chf accepts max_amount and nothing above it") {
  CHECK(parse_chf("10000000000.00") == max_amount);
  CHECK_FALSE(parse_chf("10000000000.01").has_value());
}

TEST_CASE("rappen_from_chf keeps JSON numbers with at most 2 decimals exact") {
  CHECK(rappen_from_chf(1150.0) == 115000);
  CHECK(rappen_from_chf(0.07) == 7);
  CHECK(rappen_from_chf(249999.99) == 24999999);
  CHECK(rappen_from_chf(1150.07) == 115007);
  CHECK(rappen_from_chf(9999999999.99) == 999999999999);
  CHECK_FALSE(rappen_from_chf(1.005).has_value());
  CHECK_FALSE(rappen_from_chf(0.001).has_value());
  CHECK_FALSE(rappen_from_chf(1e300).has_value());
  CHECK_FALSE(rappen_from_chf(std::numeric_limits<double>::quiet_NaN()).has_value());
  CHECK_FALSE(rappen_from_chf(std::numeric_limits<double>::infinity()).has_value());
}

TEST_CASE("amounts format for machines and for people") {
  CHECK(format_chf(115000) == "1150.00");
  CHECK(format_chf(5) == "0.05");
  CHECK(format_chf(-1230) == "-12.30");
  CHECK(format_chf_grouped(24999999) == "249'999.99");
  CHECK(format_chf_grouped(100) == "1.00");
  CHECK(format_chf_grouped(100000000) == "1'000'000.00");
  CHECK(format_chf_grouped(-2500000) == "-25'000.00");
  CHECK(chf_from_rappen(115007) == doctest::Approx(1150.07));
}
