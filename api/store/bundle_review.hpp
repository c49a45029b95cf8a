#pragma once
// The review of proposed tenders (issue 6): a coordinator approves or rejects, each buyer of an
// approved joint tender confirms or declines, the coordinator marks it tendered or withdraws it.
// Every change checks the tender's version, re-evaluates with the engine where the members change,
// and is recorded as a decision, in the audit log and as events, in one transaction.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/store/bundling_runs.hpp"
#include "api/store/database.hpp"
#include "catalog/reference_data.hpp"

namespace jointbuy::store {

/// What a coordinator decides about a tender.
enum class review_action { approve, reject, tendered, withdraw };

/// The action named `text` ("approve", "reject", "tendered", "withdraw"), if it names one.
std::optional<review_action> parse_review_action(std::string_view text);

/// The name of `action`.
std::string_view to_string(review_action action);

/// The actions a coordinator may take on a tender in `status`: proposed and needs_review →
/// approve, reject, withdraw; approved → tendered, withdraw; tendered → withdraw; rejected and
/// withdrawn → none. An individual purchase is never approved or tendered.
std::vector<std::string> allowed_actions(std::string_view status, engine::decision decision);

/// Who does something, and the rules to re-evaluate with.
struct reviewer {
  const catalog::reference_data& reference;
  std::string actor;
};

/// A coordinator's decision on tender `id` at `expected_version`. `tender_reference` is required
/// for `tendered`. Approving a tender under review re-evaluates it with its intents as they are
/// now (withdrawn ones leave) and asks every buyer again. Throws not_found, precondition_failed
/// (stale version) or illegal_transition (with the allowed actions).
bundle_record decide(database& db, const reviewer& who, long long id, int expected_version, review_action action,
                     const std::string& comment, const std::optional<std::string>& tender_reference);

/// A buyer's answer on approved joint tender `id`. A decline takes the buyer's intents out: they
/// go back to individual purchase (a new tender of the run, with its flags), and the tender is
/// re-evaluated without them; if it is no longer worth a joint tender it needs review.
bundle_record answer(database& db, const reviewer& who, long long id, int expected_version, const std::string& organisation,
                     bool confirm, const std::string& comment);

/// Takes intent `intent` out of proposed (or under-review) tender `id`: the rest is re-evaluated
/// and the intent becomes an individual purchase of the run.
bundle_record move_out(database& db, const reviewer& who, long long id, int expected_version, long long intent,
                       const std::string& comment);

/// Merges proposed tender `other` into proposed tender `id`: same run, same compatibility key,
/// and a common award date of all their intents; re-evaluated as one. `other` is withdrawn,
/// empty, with the reason.
bundle_record merge(database& db, const reviewer& who, long long id, int expected_version, long long other,
                    const std::string& comment);

/// One recorded decision on a tender, with the figures before and after where they changed.
struct decision_entry {
  long long id = 0;
  std::string decided_by;
  std::string decision;
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
/// under-review tenders), after marking approved or tendered tenders whose intents changed or
/// were withdrawn since as needs_review. `current_versions` maps each submitted intent to its
/// version. Runs in the caller's transaction.
std::vector<long long> hold_decided_intents(soci::session& session, const std::map<long long, int>& current_versions,
                                            const std::string& actor);

}  // namespace jointbuy::store
