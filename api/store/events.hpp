#pragma once
// The feed of what changed for whom: proposals, decisions, answers and re-evaluations of tenders,
// which an organisation's own systems poll with the last id they saw.

#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "api/store/database.hpp"

namespace jointbuy::store {

/// One event to record.
struct event_record {
  /// The organisation it is for; none: for coordinators and auditors.
  std::optional<std::string> organisation;
  /// bundle_proposed, bundle_decided, participation_answered, bundle_reevaluated, bundle_needs_review;
  /// campaign_opened, campaign_extended, campaign_reminder, campaign_closed, campaign_cancelled,
  /// campaign_answered, campaign_bundled.
  std::string kind;
  /// The tender it is about; 0 for a campaign's events (details.campaign says which).
  long long bundle = 0;
  /// JSON text with what the reader needs to know without another request.
  std::string details;
};

/// A recorded event, with its sequence number and time.
struct event_entry {
  long long id = 0;
  std::string occurred_at;
  event_record record;
};

/// Appends `record` inside the caller's transaction. Event ids become visible in id order: on
/// PostgreSQL every writer of events holds one transaction-scoped lock, so a reader that saw id n
/// never later finds a smaller one (SQLite has one writer anyway).
void append_event(soci::session& session, const event_record& record);

/// Events after `since`, oldest first: an organisation's own, or (no organisation) the
/// coordinators' feed.
std::vector<event_entry> read_events(database& db, const std::optional<std::string>& organisation, long long since,
                                     int limit);

}  // namespace jointbuy::store
