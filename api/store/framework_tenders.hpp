#pragma once
// Framework tenders in the store (DOMAIN.md §4.8, from opportunity to agreement): started by a
// coordinator on a FRAMEWORK_AGREEMENT_OPPORTUNITY horizon as a tender of its own, reviewed like a
// joint tender (its buyers confirm), and once tendered awarded: it becomes a framework agreement
// with the supplier's prices, from which its buyers call off.

#include <optional>
#include <string>

#include "api/store/database.hpp"
#include "api/store/tender_review.hpp"
#include "catalog/framework_agreement.hpp"

namespace jointbuy::store {

/// Starts a framework tender on the horizon `horizon` ("laptop-standard/2027-01-04") of run `run`
/// (0: the latest run): its members are the horizon's intents that are still submitted, not called
/// off and in no tender a coordinator acted on (`comment` is the approval's); the engine evaluates them anew
/// (engine::evaluate_framework_tender) and the tender is approved at once by `who`, so that every
/// buyer is asked to confirm. One transaction. Throws not_found (no run, no such horizon, every
/// intent withdrawn: record::opportunity), conflict (in_tender: an intent belongs to a decided
/// tender; framework_tender_started: a live framework tender on the horizon exists) or
/// refused (not_worth_joint_tender: with the intents as they are now an agreement does not pay).
bundle_record start_framework_tender(database& db, const reviewer& who, const std::string& horizon, long long run,
                                     const std::string& comment);

/// Awards the tendered framework tender `tender`: stores `terms` (title, supplier, validity and
/// the supplier's price list as given; source own_tender, reference the tender's, its buyers
/// eligible, the ceiling the tender's value unless `terms.ceiling` is set) as a framework
/// agreement linked to the tender, audited by `actor`, and tells the buyers. Throws not_found,
/// conflict (not_tendered: not a framework tender, or not tendered; awarded: it has its agreement).
catalog::framework_agreement award_framework_tender(database& db, long long tender, catalog::framework_agreement terms,
                                                    const std::string& actor);

}  // namespace jointbuy::store
