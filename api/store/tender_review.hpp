#pragma once
// The review of tenders in the store: one load–check–save around review::apply. Every granted
// change is saved under the tender's version, with its decision, audit entry and events, in one
// transaction; a refusal is thrown as store::refused with the review's facts.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "api/store/database.hpp"
#include "api/store/tenders.hpp"
#include "catalog/reference_data.hpp"
#include "engine/review/actions.hpp"

namespace jointbuy::store {

/// Who acts, and the rules to re-evaluate with.
struct reviewer {
  const catalog::reference_data& reference;
  review::actor actor;
};

/// A request on a tender as the API receives it: `other` is the id of the tender to merge.
struct tender_request {
  review::action action = review::action::approve;
  int expected_version = 0;
  std::string comment;
  std::optional<std::string> reference;
  long long intent = 0;
  long long other = 0;
};

/// Applies `request` to tender `id`: loads it (and the tender to merge) with its intents as they
/// are now, asks review::apply, and saves the change. Throws not_found (no such tender, or none
/// the buyer takes part in; no tender to merge), refused (with the refusal), or stale_version when
/// someone else changed it in between.
bundle_record review_tender(database& db, const reviewer& who, long long id, const tender_request& request);

/// The same in the caller's session, within its transaction.
bundle_record review_tender(soci::session& session, const reviewer& who, long long id, const tender_request& request);

/// One recorded decision on a tender, with the figures before and after where they changed.
struct decision_entry {
  long long id = 0;
  std::string decided_by;
  /// The name of the person or office that decided, and its organisation with its name (none for
  /// the canton's coordinators), for people to read.
  std::string decided_by_name;
  std::optional<std::string> decided_by_organisation, decided_by_organisation_name;
  /// The action's name (review::to_string).
  std::string action;
  std::string from_status;
  std::string to_status;
  std::string comment;
  std::optional<std::string> reference;
  std::string decided_at;
  /// JSON text: {"before": {…}, "after": {…}} for re-evaluations, {} otherwise.
  std::string details;
};

/// The decisions on tender `id`, oldest first.
std::vector<decision_entry> decisions_of(database& db, long long id);

/// For a new run: the intents held out of grouping (members of approved, tendered and
/// under-review tenders), after putting approved or tendered tenders whose intents changed or
/// were withdrawn since under review (review::action::reevaluate by `actor`). `current_versions`
/// maps each submitted intent to its version. Runs in the caller's transaction.
std::vector<long long> hold_decided_intents(soci::session& session, const std::map<long long, int>& current_versions,
                                            const review::actor& actor);

}  // namespace jointbuy::store
