#pragma once
// Needs-survey campaigns in the store (DOMAIN.md §6): created and edited by a coordinator, opened
// and closed by hand or by the clock, answered by the invited buyers, each change audited, and the
// announcements and reminders it causes queued in the mail outbox in the same transaction. The
// rules are engine/campaign's; this file loads, calls them and saves.

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "api/store/database.hpp"
#include "catalog/intent_input.hpp"
#include "engine/campaign/lifecycle.hpp"
#include "engine/campaign/progress.hpp"

namespace jointbuy::store {

/// What a coordinator asks for when creating (or editing) a campaign.
struct campaign_request {
  std::string title;
  std::string description;
  std::vector<std::string> items;
  /// Every organisation of the canton, or `organisations`.
  bool invite_all = false;
  std::vector<std::string> organisations;
  /// Stored timestamps.
  std::string opens_at, closes_at;
  /// ISO 8601 durations before the close, as given.
  std::vector<std::string> reminders;
  bool binding = false;
};

/// A stored campaign.
struct campaign_record {
  long long id = 0;
  campaign_request fields;
  campaign::state state = campaign::state::draft;
  std::string canton;
  /// The coordinator in charge: the actor who created it.
  std::string coordinator;
  int version = 1;
  std::string created_at, updated_at;
  std::optional<std::string> opened_at, closed_at;
  std::optional<long long> run;
  /// How many buyers are invited, and how many answered with needs or with no need.
  long long invited = 0, answered = 0, no_need = 0;
};

/// An invited buyer and its answer.
struct campaign_buyer {
  std::string organisation;
  std::string organisation_name;
  campaign::answer_state state = campaign::answer_state::invited;
  std::string reason;
  std::optional<std::string> answered_at;
  std::optional<std::string> answered_by;
  /// The declared quantity and value of its current answer.
  long long quantity = 0;
  long long value = 0;
};

/// What a buyer answers: intents for the campaign's items, or no need (with a reason).
struct campaign_answer {
  std::vector<catalog::intent_draft> intents;
  bool no_need = false;
  std::string reason;
};

/// One announcement to one person, to be worded into a mail.
struct announcement {
  /// opened, extended, reminder, closed, cancelled.
  std::string kind;
  const campaign_record* campaign = nullptr;
  std::string recipient_name;
  std::string recipient_email;
  std::string organisation_name;
  /// extended: the close before.
  std::optional<std::string> previous_close;
};

/// The words of a mail: subject and plain body.
struct mail_words {
  std::string subject;
  std::string body;
};

/// Words an announcement (supplied by the caller: the words are not the store's).
using mail_composer = std::function<mail_words(const announcement&)>;

/// Stores a new draft campaign by `actor` for `canton`; audited. Items and organisations must exist.
campaign_record create_campaign(database& db, const campaign_request& request, const std::string& canton, const std::string& actor);

/// The campaign `id`, if there is one.
std::optional<campaign_record> find_campaign(database& db, long long id);

/// Whether `organisation` is invited to campaign `id` and it has opened: whether it may see it.
bool invited_to(database& db, long long id, const std::string& organisation);

/// Every campaign, newest first; for `organisation`, only those it is invited to and that opened.
std::vector<campaign_record> list_campaigns(database& db, const std::optional<std::string>& organisation);

/// Changes a campaign at `expected_version` (when given). A draft takes every field; an open campaign
/// only a later `closes_at` (an extension, announced to the buyers that have not answered) and its
/// reminders. Throws not_found, stale_version or campaign_refused.
campaign_record edit_campaign(database& db, long long id, const campaign_request& changes, std::optional<int> expected_version,
                              const std::string& actor, const mail_composer& words);

/// Opens, closes or cancels campaign `id` by hand (`what`) at `expected_version` (when given),
/// announcing it. Throws not_found, stale_version or campaign_refused.
campaign_record act_on_campaign(database& db, long long id, campaign::action what, const std::string& actor,
                                const mail_composer& words, std::optional<int> expected_version = std::nullopt);

/// What the clock does at `now`: opens and closes campaigns whose time came and queues the reminders
/// that are due, each campaign in its own transaction, safe beside other processes doing the same.
/// Returns how many campaigns changed or got reminders.
int advance_campaigns(database& db, std::chrono::system_clock::time_point now, const mail_composer& words);

/// Stores `organisation`'s answer to campaign `id` (replacing an earlier one) by `actor`. Throws
/// not_found (not invited: for it the campaign does not exist) or campaign_refused (not open).
campaign_buyer answer_campaign(database& db, long long id, const std::string& organisation, const campaign_answer& answer,
                               const std::string& actor);

/// Every invited buyer of campaign `id` with its answer, by organisation name.
std::vector<campaign_buyer> campaign_buyers(database& db, long long id);

/// What the answers declare so far: each intent as a need, and each answer's day.
struct campaign_answers {
  std::vector<campaign::declared_need> needs;
  std::vector<campaign::answer_moment> moments;
  std::vector<campaign::campaign_item> items;
};
campaign_answers read_campaign_answers(database& db, long long id);

/// Inside the caller's transaction: marks closed campaign `id` bundled by run `run`; throws
/// campaign_refused unless it is closed.
void mark_campaign_bundled(soci::session& session, long long id, long long run, const std::string& actor);

}  // namespace jointbuy::store
