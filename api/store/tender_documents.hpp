#pragma once
// What the tender documents are made of: the quantity schedule rows and the OCDS release input
// of stored tenders, read in one snapshot.

#include <optional>
#include <vector>

#include "api/store/database.hpp"
#include "catalog/ocds_release.hpp"
#include "catalog/tender_schedule.hpp"

namespace jointbuy::store {

/// The schedule rows of tender `bundle` (its members now), in intent order; titles and item names
/// in `lang`.
std::vector<catalog::schedule_row> schedule_of_bundle(database& db, long long bundle, engine::language lang);

/// The schedule rows of every joint tender of run `run` that is neither rejected nor withdrawn,
/// tender by tender.
std::vector<catalog::schedule_row> schedule_of_run(database& db, long long run, engine::language lang);

/// The ids of the tenders of run `run` that go into tender documents (those schedule_of_run lists).
std::vector<long long> documented_tenders(database& db, long long run);

/// The release input of tender `bundle`, if there is one.
std::optional<catalog::ocds_tender> ocds_tender_of(database& db, long long bundle);

}  // namespace jointbuy::store
