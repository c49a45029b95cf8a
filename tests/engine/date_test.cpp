#include <doctest/doctest.h>

#include "engine/date.hpp"

using namespace jointbuy::engine;
using namespace std::chrono;

TEST_CASE("ISO dates are parsed strictly") {
  CHECK(parse_iso_date("2027-02-28") == date{2027y / February / 28});
  CHECK(parse_iso_date("2028-02-29") == date{2028y / February / 29});  // leap year
  for (const char* bad : {"2027-02-30", "2027-02-29", "2027-13-01", "2027-00-10", "2027-1-01", "27-01-01", "2027/01/01",
                          "2027-01-01T00:00", "", "2027-01-0a"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_iso_date(bad).has_value());
  }
}

TEST_CASE("Swiss dates are parsed as Excel writes them") {
  CHECK(parse_swiss_date("01.04.2027") == date{2027y / April / 1});
  CHECK(parse_swiss_date("1.4.2027") == date{2027y / April / 1});
  CHECK_FALSE(parse_swiss_date("31.04.2027").has_value());
  CHECK_FALSE(parse_swiss_date("01.04.27").has_value());
  CHECK_FALSE(parse_swiss_date("2027-04-01").has_value());
}

TEST_CASE("dates format as ISO and Swiss text and survive a round trip") {
  const date day{2027y / May / 31};
  CHECK(format_iso_date(day) == "2027-05-31");
  CHECK(format_swiss_date(day) == "31.05.2027");
  CHECK(parse_iso_date(format_iso_date(day)) == day);
  CHECK((day + days{1}) == date{2027y / June / 1});
}
