#include <doctest/doctest.h>

#include "engine/cost_model.hpp"
#include "tests/support/reference_data.hpp"

using namespace jointbuy;
using namespace jointbuy::engine;

TEST_CASE("the discount is the highest tier reached") {
  const discount_tiers hardware{{20, 300}, {100, 600}, {500, 900}};
  CHECK(discount_basis_points(hardware, 1) == 0);
  CHECK(discount_basis_points(hardware, 19) == 0);
  CHECK(discount_basis_points(hardware, 20) == 300);
  CHECK(discount_basis_points(hardware, 99) == 300);
  CHECK(discount_basis_points(hardware, 100) == 600);
  CHECK(discount_basis_points(hardware, 500) == 900);
  CHECK(discount_basis_points(hardware, 1'000'000) == 900);
  CHECK(discount_basis_points({}, 1'000'000) == 0);
}

TEST_CASE("discounts round half up to the Rappen") {
  CHECK(discounted(100'000, 300) == 97'000);
  CHECK(discounted(12'345, 750) == 11'419);  // 11'419.125
  CHECK(discounted(10, 500) == 10);          // 9.5 rounds up
  CHECK(discounted(max_amount, 2000) == max_amount / 10 * 8);
  CHECK(discounted(0, 900) == 0);
}

TEST_CASE("the shipped cost model holds the defaults of DOMAIN.md §3.5") {
  const auto& model = test::shipped_reference_data().costs;
  CHECK(procedure_overhead(model, procedure::free_hand, false) == 200'000);
  CHECK(procedure_overhead(model, procedure::invitation, false) == 800'000);
  CHECK(procedure_overhead(model, procedure::open, false) == 2'500'000);
  CHECK(procedure_overhead(model, procedure::open, true) == 4'000'000);
  CHECK(model.coordination_per_buyer == 150'000);
  CHECK(model.default_tiers.at(category::hardware) == discount_tiers{{20, 300}, {100, 600}, {500, 900}});
  CHECK(model.default_tiers.at(category::software) == discount_tiers{{50, 500}, {250, 1000}, {1000, 1500}, {5000, 2000}});
  CHECK(model.default_tiers.at(category::service) == discount_tiers{{10, 300}, {50, 600}});
}
