#pragma once
// The demo's framework agreement: one from a central purchasing body covering two hardware items
// of the demo intents, with a ceiling the demo's laptops outgrow.

#include "catalog/framework_agreement.hpp"

namespace jointbuy::cli {

/// "Arbeitsplatzgeräte (Notebooks, Monitore)" of eOperations Schweiz, valid from 1 January of
/// `year` for three years, open to every organisation, CHF 150'000 ceiling; the notebook's price
/// drops from 1 July of `year` (a second version of the price list). Its id is 1.
catalog::framework_agreement demo_agreement(int year);

}  // namespace jointbuy::cli
