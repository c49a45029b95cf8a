#include "engine/framework_agreements.hpp"

#include <algorithm>

namespace jointbuy::engine {

std::optional<rappen> price_on(const framework_agreement& agreement, const std::string& item, date day) {
  const agreement_price* in_force = nullptr;
  for (const auto& p : agreement.prices) {
    if (p.item != item || day < p.valid_from) continue;
    if (in_force == nullptr || in_force->valid_from < p.valid_from) in_force = &p;
  }
  if (in_force == nullptr) return std::nullopt;
  return in_force->unit_price;
}

bool eligible(const framework_agreement& agreement, const std::string& organisation) {
  return agreement.all_eligible ||
         std::find(agreement.eligible.begin(), agreement.eligible.end(), organisation) != agreement.eligible.end();
}

std::optional<coverage> covers(const framework_agreement& agreement, const std::string& item, const std::string& organisation,
                               date earliest, date latest) {
  if (!eligible(agreement, organisation)) return std::nullopt;
  const date first = std::max(earliest, agreement.valid_from);
  if (std::min(latest, agreement.valid_to) < first) return std::nullopt;
  const auto price = price_on(agreement, item, first);
  if (!price) return std::nullopt;
  return coverage{first, *price};
}

remaining_ceiling remaining(const framework_agreement& agreement) {
  remaining_ceiling left{agreement.ceiling - agreement.consumed, std::nullopt};
  if (agreement.ceiling_quantity) left.quantity = *agreement.ceiling_quantity - agreement.consumed_quantity;
  return left;
}

bool fits(const remaining_ceiling& left, rappen value, std::int64_t quantity) {
  return value <= left.value && (!left.quantity || quantity <= *left.quantity);
}

}  // namespace jointbuy::engine
