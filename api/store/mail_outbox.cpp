#include "api/store/mail_outbox.hpp"

#include "api/store/row_select.hpp"
#include "api/store/timestamps.hpp"
#include "api/store/token_secret.hpp"

namespace jointbuy::store {

namespace {

constexpr const char* outbox_columns =
    "id, created_at, kind, COALESCE(campaign_id, 0), COALESCE(person_id, ''), COALESCE(organisation_id, ''), recipient_name, "
    "recipient_email, subject, body, message_id, state, attempts, next_attempt_at, last_error, COALESCE(sent_at, '')";

struct outbox_row {
  outbox_entry entry;
  long long campaign = 0;
  std::string person, organisation, sent_at;
  void into(row_statement& s) {
    auto& m = entry.message;
    s, soci::into(entry.id), soci::into(entry.created_at), soci::into(m.kind), soci::into(campaign), soci::into(person),
        soci::into(organisation), soci::into(m.recipient_name), soci::into(m.recipient_email), soci::into(m.subject),
        soci::into(m.body), soci::into(entry.message_id), soci::into(entry.state), soci::into(entry.attempts),
        soci::into(entry.next_attempt_at), soci::into(entry.last_error), soci::into(sent_at);
  }
  outbox_entry value() const {
    auto e = entry;
    if (campaign != 0) e.message.campaign = campaign;
    if (!person.empty()) e.message.person = person;
    if (!organisation.empty()) e.message.organisation = organisation;
    if (!sent_at.empty()) e.sent_at = sent_at;
    return e;
  }
};

}  // namespace

long long queue_mail(soci::session& session, const mail_message& m) {
  const std::string now = utc_timestamp_now();
  // Unique and fixed from the start, so that a receiver can tell a repeated message by it.
  std::string message_id = "<";
  message_id.append(random_hex(16)).append("@jointbuy.outbox>");
  const long long campaign = m.campaign.value_or(0);
  const std::string person = m.person.value_or(""), organisation = m.organisation.value_or("");
  soci::indicator campaign_null = m.campaign ? soci::i_ok : soci::i_null, person_null = m.person ? soci::i_ok : soci::i_null,
                  organisation_null = m.organisation ? soci::i_ok : soci::i_null;
  long long id = 0;
  session << "INSERT INTO mail_outbox (created_at, kind, campaign_id, person_id, organisation_id, recipient_name, recipient_email, "
             "subject, body, message_id, state, attempts, next_attempt_at) VALUES (:created_at, :kind, :campaign_id, :person_id, "
             ":organisation_id, :recipient_name, :recipient_email, :subject, :body, :message_id, 'pending', 0, :next_attempt_at) "
             "RETURNING id",
      soci::use(now, "created_at"), soci::use(m.kind, "kind"), soci::use(campaign, campaign_null, "campaign_id"),
      soci::use(person, person_null, "person_id"), soci::use(organisation, organisation_null, "organisation_id"),
      soci::use(m.recipient_name, "recipient_name"), soci::use(m.recipient_email, "recipient_email"), soci::use(m.subject, "subject"),
      soci::use(m.body, "body"), soci::use(message_id, "message_id"), soci::use(now, "next_attempt_at"), soci::into(id);
  return id;
}

std::vector<outbox_entry> claim_due_mail(database& db, std::chrono::system_clock::time_point now, std::chrono::seconds lease,
                                         int limit) {
  return db.with_session([&](soci::session& session) {
    const std::string at = utc_timestamp(now);
    const std::string until = utc_timestamp(now + lease);
    const auto due = select_rows<outbox_row>(
        session,
        std::string{"SELECT "}.append(outbox_columns).append(
            " FROM mail_outbox WHERE (state = 'pending' AND next_attempt_at <= :now) OR (state = 'sending' AND claimed_until < :now2) "
            "ORDER BY id LIMIT :limit"),
        [&](auto& s) { s, soci::use(at, "now"), soci::use(at, "now2"), soci::use(limit, "limit"); });
    std::vector<outbox_entry> claimed;
    for (auto entry : due) {
      // Conditional on the state read: of two senders, one claims it, the other changes nothing.
      soci::statement claim = (session.prepare << "UPDATE mail_outbox SET state = 'sending', claimed_until = :until, attempts = attempts + 1 "
                                                  "WHERE id = :id AND state = :state AND attempts = :attempts",
                               soci::use(until, "until"), soci::use(entry.id, "id"), soci::use(entry.state, "state"),
                               soci::use(entry.attempts, "attempts"));
      claim.execute(true);
      if (claim.get_affected_rows() != 1) continue;
      entry.state = "sending";
      entry.attempts += 1;
      claimed.push_back(std::move(entry));
    }
    return claimed;
  });
}

void mark_mail_sent(database& db, long long id) {
  db.with_session([&](soci::session& session) {
    const std::string now = utc_timestamp_now();
    session << "UPDATE mail_outbox SET state = 'sent', sent_at = :now, claimed_until = NULL, last_error = '' WHERE id = :id",
        soci::use(now, "now"), soci::use(id, "id");
  });
}

void mark_mail_failed(database& db, long long id, const std::string& error,
                      std::optional<std::chrono::system_clock::time_point> next_attempt) {
  db.with_session([&](soci::session& session) {
    const std::string state = next_attempt ? "pending" : "failed";
    const std::string next = next_attempt ? utc_timestamp(*next_attempt) : utc_timestamp_now();
    const std::string reason = error.substr(0, 300);
    session << "UPDATE mail_outbox SET state = :state, next_attempt_at = :next, claimed_until = NULL, last_error = :error "
               "WHERE id = :id AND state = 'sending'",
        soci::use(state, "state"), soci::use(next, "next"), soci::use(reason, "error"), soci::use(id, "id");
  });
}

std::vector<outbox_entry> list_mail(database& db, std::optional<long long> campaign, int limit) {
  return db.with_session([&](soci::session& session) {
    const long long wanted = campaign.value_or(0);
    return select_rows<outbox_row>(session,
                                   std::string{"SELECT "}.append(outbox_columns).append(
                                       " FROM mail_outbox WHERE (:any = 0 OR campaign_id = :campaign) ORDER BY id DESC LIMIT :limit"),
                                   [&](auto& s) { s, soci::use(wanted, "any"), soci::use(wanted, "campaign"), soci::use(limit, "limit"); });
  });
}

mail_counts count_mail(database& db, std::optional<long long> campaign) {
  return db.with_session([&](soci::session& session) {
    const long long wanted = campaign.value_or(0);
    mail_counts counts;
    session << "SELECT COALESCE(SUM(CASE WHEN state IN ('pending', 'sending') THEN 1 ELSE 0 END), 0), "
               "COALESCE(SUM(CASE WHEN state = 'sent' THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN state = 'failed' THEN 1 ELSE 0 END), 0) "
               "FROM mail_outbox WHERE (:any = 0 OR campaign_id = :campaign)",
        soci::use(wanted, "any"), soci::use(wanted, "campaign"), soci::into(counts.waiting), soci::into(counts.sent), soci::into(counts.failed);
    return counts;
  });
}

}  // namespace jointbuy::store
