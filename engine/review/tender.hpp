#pragma once
// A tender under review (DOMAIN.md §5): what the engine proposed, and what people did with it since.
// Value types only; the store loads and saves them, the review's rules are in actions.hpp.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "engine/bundling.hpp"

namespace jointbuy::review {

/// Where a tender stands. proposed: made by a run, nobody acted on it yet; approved: a coordinator
/// wants it tendered and asks its buyers; tendered: published; needs_review: it changed after a
/// decision and a coordinator must look again; rejected and withdrawn: final.
enum class status { proposed, approved, rejected, tendered, withdrawn, needs_review };

/// "proposed", "approved", "rejected", "tendered", "withdrawn" or "needs_review".
std::string_view to_string(status value);

/// The status named `text`, if it names one.
std::optional<status> parse_status(std::string_view text);

/// Whether a coordinator has acted on a tender in `value`: every status but proposed. Such a
/// tender is the tender of its own from then on, whichever run proposed it.
bool acted_on(status value);

/// What a tender buys: a joint tender awarded on a common date, or a framework agreement tendered on
/// the value of a horizon of needs without a common date (DOMAIN.md §4.8), each buyer calling off
/// in its own window. Both are reviewed alike; they are evaluated by their own engine function.
enum class tender_kind { joint, framework };

/// "joint" or "framework".
std::string_view to_string(tender_kind value);

/// The kind named `text`, if it names one.
std::optional<tender_kind> parse_tender_kind(std::string_view text);

/// A buyer's answer to an approved joint tender. A buyer that declines is no longer a member.
enum class participation { pending, confirmed };

/// "pending" or "confirmed".
std::string_view to_string(participation value);

/// The answer named `text`, if it names one.
std::optional<participation> parse_participation(std::string_view text);

/// A stored tender with its review state.
struct tender {
  std::int64_t id = 0;
  /// The run that proposed it.
  std::int64_t run = 0;
  tender_kind kind = tender_kind::joint;
  review::status status = status::proposed;
  /// Raised by every change; a change names the version it was read at.
  int version = 1;
  /// The engine's evaluation, re-done whenever its members change.
  engine::bundle bundle;
  /// The tender's reference once tendered (its simap number, say).
  std::optional<std::string> reference;
  /// Why the tender needs review; empty otherwise.
  std::string review_reason;
  /// Each member organisation's answer.
  std::map<std::string, participation> answers;
  /// A proposal of a run that a newer run has replaced: it can only be rejected or withdrawn.
  bool superseded = false;
};

}  // namespace jointbuy::review
