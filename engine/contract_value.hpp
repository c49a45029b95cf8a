#pragma once
// The contract value of a purchase (IVöB/BöB Art. 15, DOMAIN.md §3.2).

#include <cstdint>
#include <optional>

#include "engine/money.hpp"
#include "engine/procurement.hpp"

namespace jointbuy::engine {

/// The longest fixed term the value counts: a term should not exceed 5 years.
inline constexpr int max_contract_years = 5;
/// An open-ended term counts 48 months: 4 years of yearly payments.
inline constexpr int open_ended_years = 4;

/// How many payments of the unit price the contract value counts: 1 for a one-time purchase;
/// for yearly billing the contract years, at most 5, or 4 when the term is open-ended
/// (`contract_years` empty).
int term_factor(billing how, std::optional<int> contract_years);

/// The value of a purchase: quantity × (the buyer's estimate, else the reference price) × term
/// factor (the purchase's contract years, else the item's default). Nothing beyond max_amount.
std::optional<rappen> purchase_value(std::int64_t quantity, std::optional<rappen> estimate, rappen reference_price,
                                     billing how, std::optional<int> contract_years, std::optional<int> default_years);

/// quantity × unit price × term factor, excluding VAT. Nothing when the result would exceed
/// max_amount or an input is negative (quantity must be positive).
std::optional<rappen> contract_value(std::int64_t quantity, rappen unit_price, billing how,
                                     std::optional<int> contract_years);

}  // namespace jointbuy::engine
