#pragma once
// The mail outbox: every message exactly as it goes out, written in the transaction of the change
// that causes it, and sent by a background sender that claims, sends and marks each one. A message
// is claimed (state sending) before it is sent and marked sent right after the server took it, so
// that neither a restart nor a second sender sends it again; a claim whose sender died runs out and
// the message is sent then. Only a crash between the server's "250 OK" and the mark can repeat a
// message, and then with the same Message-ID.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "api/store/database.hpp"

namespace jointbuy::store {

/// A message to queue.
struct mail_message {
  /// campaign_opened, campaign_extended, campaign_reminder, campaign_closed, campaign_cancelled.
  std::string kind;
  std::optional<long long> campaign;
  std::optional<std::string> person;
  std::optional<std::string> organisation;
  std::string recipient_name;
  std::string recipient_email;
  std::string subject;
  /// Plain UTF-8 text.
  std::string body;
};

/// A queued message with its state.
struct outbox_entry {
  long long id = 0;
  std::string created_at;
  mail_message message;
  /// "<…@…>", fixed when queued: the same on every attempt.
  std::string message_id;
  /// pending, sending, sent or failed.
  std::string state;
  int attempts = 0;
  std::string next_attempt_at;
  std::string last_error;
  std::optional<std::string> sent_at;
};

/// Queues `message` inside the caller's transaction; returns its id.
long long queue_mail(soci::session& session, const mail_message& message);

/// Claims up to `limit` messages due at `now` (pending and due, or sending with a claim that ran
/// out) for `lease`, each by a conditional update so that two senders never claim the same one.
std::vector<outbox_entry> claim_due_mail(database& db, std::chrono::system_clock::time_point now, std::chrono::seconds lease,
                                         int limit);

/// The message was taken by the mail server.
void mark_mail_sent(database& db, long long id);

/// The attempt failed: try again at `next_attempt`, or (`permanent`) never, with `error` (a short
/// technical reason for the coordinator's list).
void mark_mail_failed(database& db, long long id, const std::string& error, std::optional<std::chrono::system_clock::time_point> next_attempt);

/// The messages of campaign `campaign` (all without one), newest first, at most `limit`.
std::vector<outbox_entry> list_mail(database& db, std::optional<long long> campaign, int limit);

/// How many messages of campaign `campaign` are in each state: pending (with sending), sent, failed.
struct mail_counts {
  long long waiting = 0, sent = 0, failed = 0;
};
mail_counts count_mail(database& db, std::optional<long long> campaign);

}  // namespace jointbuy::store
