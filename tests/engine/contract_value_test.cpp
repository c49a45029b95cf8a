#include <doctest/doctest.h>

#include <limits>

#include "engine/contract_value.hpp"

using namespace jointbuy::engine;

TEST_CASE("one-time purchases count once") {
  CHECK(term_factor(billing::one_time, std::nullopt) == 1);
  CHECK(term_factor(billing::one_time, 4) == 1);
  CHECK(contract_value(40, 115000, billing::one_time, std::nullopt) == 40 * 115000);
}

TEST_CASE("yearly billing counts the contract years, at most 5") {
  CHECK(term_factor(billing::yearly, 1) == 1);
  CHECK(term_factor(billing::yearly, 3) == 3);
  CHECK(term_factor(billing::yearly, 5) == 5);
  CHECK(term_factor(billing::yearly, 7) == 5);
  CHECK(contract_value(1200, 3800, billing::yearly, 5) == 1200 * 3800 * 5);
}

TEST_CASE("an open-ended term counts 48 months") {
  CHECK(term_factor(billing::yearly, std::nullopt) == 4);
  CHECK(contract_value(10, 100000, billing::yearly, std::nullopt) == 10 * 100000 * 4);
}

TEST_CASE("values beyond the largest amount, and nonsense inputs, have no value") {
  CHECK(contract_value(1, max_amount, billing::one_time, std::nullopt) == max_amount);
  CHECK_FALSE(contract_value(2, max_amount, billing::one_time, std::nullopt).has_value());
  CHECK_FALSE(contract_value(1, max_amount, billing::yearly, 2).has_value());
  CHECK_FALSE(contract_value(std::numeric_limits<std::int64_t>::max(), 100, billing::one_time, std::nullopt).has_value());
  CHECK_FALSE(contract_value(0, 100, billing::one_time, std::nullopt).has_value());
  CHECK_FALSE(contract_value(-5, 100, billing::one_time, std::nullopt).has_value());
  CHECK_FALSE(contract_value(5, -1, billing::one_time, std::nullopt).has_value());
  CHECK(contract_value(5, 0, billing::one_time, std::nullopt) == 0);
}
