#include "engine/contract_value.hpp"

#include <algorithm>

namespace jointbuy::engine {

int term_factor(billing how, std::optional<int> contract_years) {
  if (how == billing::one_time) return 1;
  if (!contract_years) return open_ended_years;
  return std::clamp(*contract_years, 1, max_contract_years);
}

std::optional<rappen> contract_value(std::int64_t quantity, rappen unit_price, billing how,
                                     std::optional<int> contract_years) {
  if (quantity <= 0 || unit_price < 0) return std::nullopt;
  rappen per_unit = 0;
  rappen value = 0;
  if (__builtin_mul_overflow(unit_price, static_cast<rappen>(term_factor(how, contract_years)), &per_unit) ||
      __builtin_mul_overflow(per_unit, quantity, &value) || value > max_amount) {
    return std::nullopt;
  }
  return value;
}

std::optional<rappen> purchase_value(std::int64_t quantity, std::optional<rappen> estimate, rappen reference_price,
                                     billing how, std::optional<int> contract_years, std::optional<int> default_years) {
  return contract_value(quantity, estimate.value_or(reference_price), how, contract_years ? contract_years : default_years);
}

}  // namespace jointbuy::engine
