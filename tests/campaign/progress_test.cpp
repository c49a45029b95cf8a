// A campaign's totals so far: per item quantity, value, buyers and the procedure the sum requires;
// answers over time.
#include <doctest/doctest.h>

#include "engine/campaign/progress.hpp"
#include "tests/support/reference_data.hpp"

using namespace jointbuy;
using namespace jointbuy::campaign;
using namespace std::chrono;

TEST_CASE("totals per item: sums, distinct buyers, and the procedure the sum would require") {
  const auto& thresholds = test::shipped_reference_data().thresholds;
  const std::vector<campaign_item> items{{"school-admin", engine::procurement_type::supply}, {"laptops", engine::procurement_type::supply}};
  const std::vector<declared_need> needs{{"1059", "school-admin", 40, 15'000'000},
                                         {"1061", "school-admin", 60, 22'500'000},
                                         {"1061", "school-admin", 5, 1'000'000},
                                         {"1054", "other", 1, 100}};
  const auto totals = item_totals(items, needs, thresholds, sys_days{2027y / June / 1});
  REQUIRE(totals.size() == 2);
  CHECK(totals[0].item == "school-admin");
  CHECK(totals[0].quantity == 105);
  CHECK(totals[0].value == 38'500'000);
  CHECK(totals[0].buyers == 2);
  REQUIRE(totals[0].ruling);
  // CHF 385'000 of supplies reach the open procedure (CHF 250'000 under IVöB 2019).
  CHECK(totals[0].ruling->required == engine::procedure::open);
  CHECK(totals[1].quantity == 0);
  CHECK(totals[1].buyers == 0);
  REQUIRE(totals[1].ruling);
  CHECK(totals[1].ruling->required == engine::procedure::free_hand);
}

TEST_CASE("answers over time are running totals per day") {
  const auto d = sys_days{2027y / March / 1};
  const auto days_ = answers_over_time({{d + days{2}, false}, {d, true}, {d + days{2}, false}}, d - days{1}, d + days{3});
  REQUIRE(days_.size() == 5);
  CHECK(days_[0].answered == 0);
  CHECK(days_[0].no_need == 0);
  CHECK(days_[1].no_need == 1);
  CHECK(days_[2].answered == 0);
  CHECK(days_[3].answered == 2);
  CHECK(days_[4].answered == 2);
  CHECK(days_[4].day == d + days{3});
  CHECK(answers_over_time({}, d, d - days{1}).empty());
  CHECK(answers_over_time({}, d - days{1000}, d).size() == 400);
}
