#pragma once
// The review of tenders as pure functions (DOMAIN.md §5): what each person may do with a tender in
// each status, and what it leads to. The store loads a tender and the intents as they are now,
// calls apply(), and saves the change or reports the refusal; nothing here touches a database.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "engine/bundling.hpp"
#include "engine/review/tender.hpp"

namespace jointbuy::review {

/// What can be done with a tender. approve, reject, tendered, withdraw, move_out and merge are a
/// coordinator's; confirm and decline a buyer's; reevaluate is what a run does to an approved or
/// tendered tender whose intents changed since (it is recorded as "needs_review").
enum class action { approve, reject, tendered, withdraw, confirm, decline, move_out, merge, reevaluate };

/// The action's name in the API and the stored history ("move_out"; "needs_review" for reevaluate).
std::string_view to_string(action value);

/// The action named `text`, if it names one.
std::optional<action> parse_action(std::string_view text);

/// In which capacity someone acts.
enum class role { coordinator, buyer, observer };

/// Who acts: a coordinator, a buyer for its organisation, or an observer (an auditor), who may
/// look but not act.
struct actor {
  std::string name;
  review::role role = role::observer;
  std::string organisation;
};

/// The actions `who` may take on `t` now, in the order of `action`. Coordinators: proposed (not
/// superseded) → approve (joint tenders only), reject, withdraw, move_out (two or more members),
/// merge; superseded proposals → reject, withdraw; needs_review → approve (joint tenders only),
/// reject, withdraw, move_out (two or more members); approved → tendered, withdraw; tendered →
/// withdraw; rejected and withdrawn → none. A buyer of an approved tender: confirm (while its
/// answer is pending), decline. Nobody else: none.
std::vector<action> allowed_actions(const tender& t, const actor& who);

/// What someone asks for.
struct request {
  review::action action = action::approve;
  /// The version the person read; a change of another version is refused.
  int expected_version = 0;
  std::string comment;
  /// tendered: the tender's reference (required).
  std::optional<std::string> reference;
  /// move_out: the intent that leaves.
  std::int64_t intent = 0;
  /// merge: the tender merged into this one.
  const tender* other = nullptr;
  /// reevaluate: what changed, in words.
  std::string why;
};

/// Why a request is refused, with the facts a message needs.
struct refusal {
  enum class reason {
    /// The action is not among `allowed` for this person in this status.
    not_allowed,
    /// The tender is at `current_version`, not the one read.
    stale_version,
    /// The person's organisation is not a member: for it the tender does not exist.
    not_a_member,
    /// tendered without a reference.
    reference_missing,
    /// tendered before every buyer confirmed; `subjects` are the ones still to answer.
    buyers_pending,
    /// approve on a proposal that a newer run replaced.
    superseded,
    /// move_out of intent `subjects[0]`, which is not a member.
    not_in_tender,
    /// move_out of the only intent.
    only_intent,
    /// The intents left no longer share an award date.
    no_common_date,
    /// Every intent left was withdrawn by its buyer.
    all_withdrawn,
    /// approve after review: with the intents as they are now it is not worth a joint tender.
    not_worth_joint_tender,
    /// merge with itself.
    same_tender,
    /// merge of tenders of different runs, kinds or compatibility keys.
    not_mergeable,
    /// The catalogue changed since: the intents' items are unknown or no longer compatible.
    items_changed,
  };
  reason why = reason::not_allowed;
  review::action action = action::approve;
  std::int64_t tender = 0;
  review::status status = status::proposed;
  /// What the person may do instead.
  std::vector<review::action> allowed;
  int current_version = 0;
  /// Organisations, intents or tenders the reason is about.
  std::vector<std::string> subjects;
};

/// A granted request: the tender after it, and what else changes with it.
struct change {
  review::action action = action::approve;
  /// The tender before and after (its version raised by one).
  tender before;
  tender after;
  /// Whether the engine evaluated the tender anew (its members or their intents changed).
  bool reevaluated = false;
  /// The intents that leave the tender to be bought individually, evaluated as a run would: new
  /// tenders of the same run and their flags.
  engine::bundling_result individual;
  /// merge: the other tender, withdrawn and empty.
  std::optional<tender> absorbed;
};

/// The result of apply(): a change or a refusal.
using outcome = std::variant<change, refusal>;

/// What the engine needs to evaluate a tender again: the rules, and the tender's intents (and for a
/// merge, the other tender's) as they are now; intents withdrawn since are left out.
using current_intents = engine::bundling_input;

/// Applies `r` by `who` to `t`. Re-evaluating actions (decline, move_out, merge, approve after
/// review) evaluate the remaining intents of `now` with engine::evaluate_tender on their common
/// award date (a framework tender with engine::evaluate_framework_tender over their horizon); earlier REEVALUATED reasons stay and one naming the change and the person is added.
outcome apply(const tender& t, const actor& who, const request& r, const current_intents& now);

}  // namespace jointbuy::review
