// Reminder offsets as ISO 8601 durations: what is taken, what is refused and why.
#include <doctest/doctest.h>

#include "engine/campaign/durations.hpp"

using jointbuy::campaign::parse_offset;
using namespace std::chrono;

TEST_CASE("reminder offsets are ISO 8601 durations of weeks, days, hours, minutes and seconds") {
  CHECK(parse_offset("P7D") == seconds{7 * 86400});
  CHECK(parse_offset("P2D") == seconds{2 * 86400});
  CHECK(parse_offset("P1W") == seconds{7 * 86400});
  CHECK(parse_offset("P1DT12H") == seconds{36 * 3600});
  CHECK(parse_offset("PT30M") == seconds{1800});
  CHECK(parse_offset("PT5S") == seconds{5});
  CHECK(parse_offset("PT1H30M15S") == seconds{5415});
}

TEST_CASE("offsets that are not durations, are zero, depend on the calendar or exceed a year are refused") {
  for (const char* bad : {"", "P", "PT", "7D", "P7", "PT5", "P1Y", "P1M", "P1DT", "PT1S1M", "P2D1W", "P1D1D", "P-1D", "P0D",
                          "PT0S", "P1.5D", "p7d", "P367D", "P99999999999999999999D", "P7D ", " P7D", "P1DT12H5"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_offset(bad));
  }
  CHECK(parse_offset("P366D") == seconds{366 * 86400});
}
