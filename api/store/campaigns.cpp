#include "api/store/campaigns.hpp"

#include <boost/json.hpp>

#include <set>

#include "api/store/audit_log.hpp"
#include "api/store/errors.hpp"
#include "api/store/events.hpp"
#include "api/store/intents.hpp"
#include "api/store/mail_outbox.hpp"
#include "api/store/row_select.hpp"
#include "api/store/timestamps.hpp"
#include "api/store/transaction.hpp"
#include "catalog/json_text.hpp"
#include "engine/campaign/durations.hpp"

namespace jointbuy::store {

namespace {

using clock = std::chrono::system_clock;

constexpr const char* campaign_columns =
    "c.id, c.title, c.description, c.state, c.opens_at, c.closes_at, c.reminders, c.binding, c.invited, c.canton, c.coordinator, "
    "c.version, c.created_at, c.updated_at, COALESCE(c.opened_at, ''), COALESCE(c.closed_at, ''), COALESCE(c.run_id, 0), "
    "(SELECT COUNT(*) FROM campaign_buyers b WHERE b.campaign_id = c.id), "
    "(SELECT COUNT(*) FROM campaign_buyers b WHERE b.campaign_id = c.id AND b.answer = 'intents'), "
    "(SELECT COUNT(*) FROM campaign_buyers b WHERE b.campaign_id = c.id AND b.answer = 'no_need')";

struct campaign_row {
  campaign_record r;
  std::string state, reminders, invited, opened_at, closed_at;
  int binding = 0;
  long long run = 0;
  void into(row_statement& s) {
    s, soci::into(r.id), soci::into(r.fields.title), soci::into(r.fields.description), soci::into(state), soci::into(r.fields.opens_at),
        soci::into(r.fields.closes_at), soci::into(reminders), soci::into(binding), soci::into(invited), soci::into(r.canton),
        soci::into(r.coordinator), soci::into(r.version), soci::into(r.created_at), soci::into(r.updated_at), soci::into(opened_at),
        soci::into(closed_at), soci::into(run), soci::into(r.invited), soci::into(r.answered), soci::into(r.no_need);
  }
  campaign_record value() const {
    auto v = r;
    v.state = campaign::parse_state(state).value_or(campaign::state::draft);
    v.fields.binding = binding != 0;
    v.fields.invite_all = invited == "all";
    const auto offsets = boost::json::parse(reminders);
    for (const auto& offset : offsets.as_array()) v.fields.reminders.emplace_back(offset.as_string());
    if (!opened_at.empty()) v.opened_at = opened_at;
    if (!closed_at.empty()) v.closed_at = closed_at;
    if (run != 0) v.run = run;
    return v;
  }
};

struct text_row {
  std::string text;
  void into(row_statement& s) { s, soci::into(text); }
  std::string value() const { return text; }
};

std::optional<campaign_record> load(soci::session& session, long long id) {
  auto rows = select_rows<campaign_row>(session, std::string{"SELECT "}.append(campaign_columns).append(" FROM campaigns c WHERE c.id = :id"),
                                        [&](auto& s) { s, soci::use(id, "id"); });
  if (rows.empty()) return std::nullopt;
  auto record = rows.front();
  record.fields.items = select_rows<text_row>(session, "SELECT item_id FROM campaign_items WHERE campaign_id = :id ORDER BY position",
                                              [&](auto& s) { s, soci::use(id, "id"); });
  if (!record.fields.invite_all) {
    record.fields.organisations = select_rows<text_row>(
        session, "SELECT organisation_id FROM campaign_buyers WHERE campaign_id = :id ORDER BY organisation_id",
        [&](auto& s) { s, soci::use(id, "id"); });
  }
  return record;
}

campaign_record existing(soci::session& session, long long id) {
  auto record = load(session, id);
  if (!record) throw not_found({record::campaign, std::to_string(id)});
  return *record;
}

std::string audit_text(const campaign_record& c) {
  boost::json::array items, organisations, reminders;
  for (const auto& i : c.fields.items) items.emplace_back(i);
  for (const auto& o : c.fields.organisations) organisations.emplace_back(o);
  for (const auto& r : c.fields.reminders) reminders.emplace_back(r);
  return catalog::json_text(boost::json::object{{"title", c.fields.title},
                                                {"description", c.fields.description},
                                                {"state", campaign::to_string(c.state)},
                                                {"items", items},
                                                {"invited", c.fields.invite_all ? boost::json::value("all") : boost::json::value(organisations)},
                                                {"opens", c.fields.opens_at},
                                                {"closes", c.fields.closes_at},
                                                {"reminders", reminders},
                                                {"binding", c.fields.binding},
                                                {"version", c.version}});
}

std::string reminders_json(const std::vector<std::string>& reminders) {
  boost::json::array list;
  for (const auto& r : reminders) list.emplace_back(r);
  return catalog::json_text(list);
}


campaign::clock_time seconds_of(const std::string& stored) {
  return std::chrono::floor<std::chrono::seconds>(parse_utc_timestamp(stored).value_or(clock::time_point{}));
}

// The campaign's coordinator, to contact: name and e-mail (empty for a token or the command line).
std::pair<std::string, std::string> contact_of(soci::session& session, const std::string& actor) {
  std::string name, email;
  session << "SELECT p.name, p.email FROM people p WHERE p.id = :actor OR p.id = (SELECT t.person_id FROM api_tokens t WHERE t.id = :token)",
      soci::use(actor, "actor"), soci::use(actor, "token"), soci::into(name), soci::into(email);
  if (!session.got_data()) return {"", ""};
  return {name, email};
}

[[noreturn]] void refuse(soci::session& session, const campaign_record& c, std::optional<campaign::refusal> facts) {
  const auto [name, email] = contact_of(session, c.coordinator);
  throw campaign_refused({c.id, c.state, std::move(facts), c.closed_at.value_or(c.fields.closes_at), name, email});
}

// Moves `c` to `next` if it is still at the version read; false when another writer was first.
bool save_state(soci::session& session, campaign_record& c, campaign::state next, const std::string& now) {
  const std::string state{campaign::to_string(next)};
  const std::string opened = next == campaign::state::open && !c.opened_at ? now : c.opened_at.value_or("");
  const std::string closed = next == campaign::state::closed ? now : c.closed_at.value_or("");
  soci::indicator opened_null = opened.empty() ? soci::i_null : soci::i_ok, closed_null = closed.empty() ? soci::i_null : soci::i_ok;
  soci::statement update = (session.prepare << "UPDATE campaigns SET state = :state, opened_at = :opened_at, closed_at = :closed_at, "
                                               "version = version + 1, updated_at = :now WHERE id = :id AND version = :version",
                            soci::use(state, "state"), soci::use(opened, opened_null, "opened_at"), soci::use(closed, closed_null, "closed_at"),
                            soci::use(now, "now"), soci::use(c.id, "id"), soci::use(c.version, "version"));
  update.execute(true);
  if (update.get_affected_rows() != 1) return false;
  c.state = next;
  c.version += 1;
  if (!opened.empty()) c.opened_at = opened;
  if (!closed.empty()) c.closed_at = closed;
  c.updated_at = now;
  return true;
}

struct recipient {
  std::string person, name, email, organisation, organisation_name;
  void into(row_statement& s) {
    s, soci::into(person), soci::into(name), soci::into(email), soci::into(organisation), soci::into(organisation_name);
  }
  recipient value() const { return *this; }
};

// The active people of the invited buyers that have not answered (all invited ones: `everyone`).
std::vector<recipient> recipients(soci::session& session, long long campaign, bool everyone) {
  const int all = everyone ? 1 : 0;
  return select_rows<recipient>(session,
                                "SELECT p.id, p.name, p.email, o.id, o.name FROM campaign_buyers b JOIN organisations o ON o.id = b.organisation_id "
                                "JOIN people p ON p.organisation_id = b.organisation_id AND p.deactivated_at IS NULL "
                                "WHERE b.campaign_id = :campaign AND (:everyone = 1 OR b.answer IS NULL) ORDER BY o.id, p.id",
                                [&](auto& s) { s, soci::use(campaign, "campaign"), soci::use(all, "everyone"); });
}

std::vector<std::string> unanswered_buyers(soci::session& session, long long campaign) {
  return select_rows<text_row>(session, "SELECT organisation_id FROM campaign_buyers WHERE campaign_id = :campaign AND answer IS NULL ORDER BY organisation_id",
                               [&](auto& s) { s, soci::use(campaign, "campaign"); });
}

std::vector<std::string> all_buyers(soci::session& session, long long campaign) {
  return select_rows<text_row>(session, "SELECT organisation_id FROM campaign_buyers WHERE campaign_id = :campaign ORDER BY organisation_id",
                               [&](auto& s) { s, soci::use(campaign, "campaign"); });
}

// Queues the mail of `kind` to each recipient and an event for each buyer told, and one for the
// coordinators; returns how many messages were queued.
int announce(soci::session& session, const campaign_record& c, const std::string& kind, const mail_composer& words,
             const std::string& actor, std::optional<std::string> previous_close = std::nullopt) {
  const bool everyone = kind == "opened";
  int queued = 0;
  for (const auto& r : recipients(session, c.id, everyone)) {
    announcement a{kind, &c, r.name, r.email, r.organisation_name, previous_close};
    const auto text = words(a);
    queue_mail(session, {std::string{"campaign_"}.append(kind), c.id, r.person, r.organisation, r.name, r.email, text.subject, text.body});
    ++queued;
  }
  boost::json::object details{{"campaign", c.id}, {"title", c.fields.title}, {"state", campaign::to_string(c.state)},
                              {"closes", c.fields.closes_at}, {"by", actor}};
  if (previous_close) details["previous_close"] = *previous_close;
  const auto text = catalog::json_text(details);
  for (const auto& organisation : everyone ? all_buyers(session, c.id) : unanswered_buyers(session, c.id)) {
    append_event(session, {organisation, std::string{"campaign_"}.append(kind), 0, text});
  }
  auto with_count = details;
  with_count["mails"] = queued;
  append_event(session, {std::nullopt, std::string{"campaign_"}.append(kind), 0, catalog::json_text(with_count)});
  return queued;
}

// "all": every organisation of the canton becomes an invited buyer (those added since creation too).
void invite_all_of_canton(soci::session& session, const campaign_record& c) {
  session << "INSERT INTO campaign_buyers (campaign_id, organisation_id) SELECT :campaign, o.id FROM organisations o "
             "WHERE o.canton = :canton AND NOT EXISTS (SELECT 1 FROM campaign_buyers b WHERE b.campaign_id = :campaign2 AND b.organisation_id = o.id)",
      soci::use(c.id, "campaign"), soci::use(c.canton, "canton"), soci::use(c.id, "campaign2");
}

// Applies `what` to `c` in the caller's transaction: the rules, the state, the audit, the mail.
// False when another writer changed the campaign first.
bool transition(soci::session& session, campaign_record& c, campaign::action what, const std::string& actor, const mail_composer& words,
                clock::time_point now) {
  const auto result = campaign::apply(c.state, what, std::chrono::floor<std::chrono::seconds>(now), seconds_of(c.fields.closes_at));
  if (const auto* refused = std::get_if<campaign::refusal>(&result)) refuse(session, c, *refused);
  const auto before = audit_text(c);
  const auto was = c.state;
  if (what == campaign::action::open && c.fields.invite_all) invite_all_of_canton(session, c);
  if (!save_state(session, c, std::get<campaign::state>(result), utc_timestamp(now))) return false;
  append_audit(session, {actor, std::string{campaign::to_string(what)}, "campaign", std::to_string(c.id), before, audit_text(c)});
  switch (what) {
    case campaign::action::open: announce(session, c, "opened", words, actor); break;
    case campaign::action::close: announce(session, c, "closed", words, actor); break;
    case campaign::action::cancel:
      // A draft was never announced: its cancellation tells nobody anything.
      if (was == campaign::state::open) announce(session, c, "cancelled", words, actor);
      break;
    default: break;
  }
  return true;
}

std::vector<std::chrono::seconds> offsets_of(const std::vector<std::string>& reminders) {
  std::vector<std::chrono::seconds> offsets;
  for (const auto& r : reminders) {
    if (const auto offset = campaign::parse_offset(r)) offsets.push_back(*offset);
  }
  return offsets;
}

struct count_row {
  long long n = 0;
  void into(row_statement& s) { s, soci::into(n); }
  long long value() const { return n; }
};

// Queues the reminders of open campaign `c` due at `now`, each recorded once per offset and close.
int queue_due_reminders(soci::session& session, const campaign_record& c, clock::time_point now, const mail_composer& words) {
  const auto sent = select_rows<count_row>(session,
                                           "SELECT offset_seconds FROM campaign_reminders WHERE campaign_id = :campaign AND closes_at = :closes",
                                           [&](auto& s) { s, soci::use(c.id, "campaign"), soci::use(c.fields.closes_at, "closes"); });
  std::vector<std::chrono::seconds> sent_offsets;
  for (const auto n : sent) sent_offsets.emplace_back(n);
  const auto due = campaign::due_reminders(seconds_of(c.fields.closes_at), offsets_of(c.fields.reminders), sent_offsets,
                                           seconds_of(c.opened_at.value_or(c.fields.opens_at)), std::chrono::floor<std::chrono::seconds>(now));
  const std::string at = utc_timestamp(now);
  for (const auto offset : due) {
    const long long seconds = offset.count();
    int mails = 0;
    // The row first: of two processes, the second fails on the key and queues nothing.
    session << "INSERT INTO campaign_reminders (campaign_id, offset_seconds, closes_at, queued_at, recipients) "
               "VALUES (:campaign, :offset, :closes, :queued_at, 0)",
        soci::use(c.id, "campaign"), soci::use(seconds, "offset"), soci::use(c.fields.closes_at, "closes"), soci::use(at, "queued_at");
    mails = announce(session, c, "reminder", words, "clock");
    session << "UPDATE campaign_reminders SET recipients = :mails WHERE campaign_id = :campaign AND offset_seconds = :offset AND closes_at = :closes",
        soci::use(mails, "mails"), soci::use(c.id, "campaign"), soci::use(seconds, "offset"), soci::use(c.fields.closes_at, "closes");
  }
  return static_cast<int>(due.size());
}

}  // namespace

campaign_record create_campaign(database& db, const campaign_request& request, const std::string& canton, const std::string& actor) {
  return db.with_session([&](soci::session& session) {
    transaction tx{session};
    const std::string now = utc_timestamp_now();
    const std::string reminders = reminders_json(request.reminders);
    const int binding = request.binding ? 1 : 0;
    const std::string invited = request.invite_all ? "all" : "list";
    long long id = 0;
    session << "INSERT INTO campaigns (title, description, state, opens_at, closes_at, reminders, binding, invited, canton, coordinator, "
               "version, created_at, updated_at) VALUES (:title, :description, 'draft', :opens_at, :closes_at, :reminders, :binding, "
               ":invited, :canton, :coordinator, 1, :created_at, :updated_at) RETURNING id",
        soci::use(request.title, "title"), soci::use(request.description, "description"), soci::use(request.opens_at, "opens_at"),
        soci::use(request.closes_at, "closes_at"), soci::use(reminders, "reminders"), soci::use(binding, "binding"),
        soci::use(invited, "invited"), soci::use(canton, "canton"), soci::use(actor, "coordinator"), soci::use(now, "created_at"),
        soci::use(now, "updated_at"), soci::into(id);
    int position = 0;
    for (const auto& item : request.items) {
      session << "INSERT INTO campaign_items (campaign_id, item_id, position) VALUES (:campaign, :item, :position)",
          soci::use(id, "campaign"), soci::use(item, "item"), soci::use(position, "position");
      ++position;
    }
    for (const auto& organisation : request.organisations) {
      session << "INSERT INTO campaign_buyers (campaign_id, organisation_id) VALUES (:campaign, :organisation)", soci::use(id, "campaign"),
          soci::use(organisation, "organisation");
    }
    auto record = existing(session, id);
    if (request.invite_all) invite_all_of_canton(session, record);
    record = existing(session, id);
    append_audit(session, {actor, "create", "campaign", std::to_string(id), std::nullopt, audit_text(record)});
    tx.commit();
    return record;
  });
}

std::optional<campaign_record> find_campaign(database& db, long long id) {
  return db.with_session([&](soci::session& session) { return load(session, id); });
}

bool invited_to(database& db, long long id, const std::string& organisation) {
  return db.with_session([&](soci::session& session) {
    long long found = 0;
    session << "SELECT COUNT(*) FROM campaigns c JOIN campaign_buyers b ON b.campaign_id = c.id AND b.organisation_id = :organisation "
               "WHERE c.id = :id AND c.opened_at IS NOT NULL",
        soci::use(organisation, "organisation"), soci::use(id, "id"), soci::into(found);
    return found > 0;
  });
}

std::vector<campaign_record> list_campaigns(database& db, const std::optional<std::string>& organisation) {
  return db.with_session([&](soci::session& session) {
    std::vector<long long> ids;
    if (organisation) {
      ids = select_rows<count_row>(session,
                                   "SELECT c.id FROM campaigns c JOIN campaign_buyers b ON b.campaign_id = c.id AND b.organisation_id = :organisation "
                                   "WHERE c.opened_at IS NOT NULL ORDER BY c.id DESC LIMIT 200",
                                   [&](auto& s) { s, soci::use(*organisation, "organisation"); });
    } else {
      ids = select_rows<count_row>(session, "SELECT id FROM campaigns ORDER BY id DESC LIMIT 200", [](auto&) {});
    }
    std::vector<campaign_record> records;
    for (const auto id : ids) records.push_back(existing(session, id));
    return records;
  });
}

campaign_record edit_campaign(database& db, long long id, const campaign_request& changes, std::optional<int> expected_version,
                              const std::string& actor, const mail_composer& words) {
  return db.with_session([&](soci::session& session) {
    transaction tx{session};
    auto c = existing(session, id);
    if (expected_version && *expected_version != c.version) throw stale_version({record::campaign, std::to_string(id)}, *expected_version, c.version);
    const auto now = clock::now();
    const auto before = audit_text(c);
    const bool extends = c.state == campaign::state::open && changes.closes_at != c.fields.closes_at;
    const auto what = c.state == campaign::state::open ? campaign::action::extend : campaign::action::edit;
    const auto result = campaign::apply(c.state, what, std::chrono::floor<std::chrono::seconds>(now), seconds_of(changes.closes_at),
                                        extends ? std::optional{seconds_of(c.fields.closes_at)} : std::nullopt);
    if (const auto* refused = std::get_if<campaign::refusal>(&result)) refuse(session, c, *refused);
    const std::string stamp = utc_timestamp(now);
    const std::string reminders = reminders_json(changes.reminders);
    if (c.state == campaign::state::draft) {
      const int binding = changes.binding ? 1 : 0;
      const std::string invited = changes.invite_all ? "all" : "list";
      session << "UPDATE campaigns SET title = :title, description = :description, opens_at = :opens_at, closes_at = :closes_at, "
                 "reminders = :reminders, binding = :binding, invited = :invited, version = version + 1, updated_at = :now WHERE id = :id",
          soci::use(changes.title, "title"), soci::use(changes.description, "description"), soci::use(changes.opens_at, "opens_at"),
          soci::use(changes.closes_at, "closes_at"), soci::use(reminders, "reminders"), soci::use(binding, "binding"),
          soci::use(invited, "invited"), soci::use(stamp, "now"), soci::use(id, "id");
      session << "DELETE FROM campaign_items WHERE campaign_id = :id", soci::use(id, "id");
      int position = 0;
      for (const auto& item : changes.items) {
        session << "INSERT INTO campaign_items (campaign_id, item_id, position) VALUES (:campaign, :item, :position)",
            soci::use(id, "campaign"), soci::use(item, "item"), soci::use(position, "position");
        ++position;
      }
      session << "DELETE FROM campaign_buyers WHERE campaign_id = :id", soci::use(id, "id");
      for (const auto& organisation : changes.organisations) {
        session << "INSERT INTO campaign_buyers (campaign_id, organisation_id) VALUES (:campaign, :organisation)", soci::use(id, "campaign"),
            soci::use(organisation, "organisation");
      }
      auto record = existing(session, id);
      if (record.fields.invite_all) invite_all_of_canton(session, record);
    } else {
      // Open: the close may move later (an extension) and the reminders may change; nothing else.
      session << "UPDATE campaigns SET closes_at = :closes_at, reminders = :reminders, version = version + 1, updated_at = :now WHERE id = :id",
          soci::use(changes.closes_at, "closes_at"), soci::use(reminders, "reminders"), soci::use(stamp, "now"), soci::use(id, "id");
    }
    const auto previous_close = c.fields.closes_at;
    c = existing(session, id);
    append_audit(session, {actor, extends ? "extend" : "update", "campaign", std::to_string(id), before, audit_text(c)});
    if (extends) announce(session, c, "extended", words, actor, previous_close);
    tx.commit();
    return c;
  });
}

campaign_record act_on_campaign(database& db, long long id, campaign::action what, const std::string& actor, const mail_composer& words,
                                std::optional<int> expected_version) {
  return db.with_session([&](soci::session& session) {
    transaction tx{session};
    auto c = existing(session, id);
    if (expected_version && *expected_version != c.version) throw stale_version({record::campaign, std::to_string(id)}, *expected_version, c.version);
    if (!transition(session, c, what, actor, words, clock::now())) throw stale_version({record::campaign, std::to_string(id)}, c.version, 0);
    tx.commit();
    return existing(session, id);
  });
}

int advance_campaigns(database& db, clock::time_point now, const mail_composer& words) {
  const std::string at = utc_timestamp(now);
  const auto due = db.with_session([&](soci::session& session) {
    return select_rows<count_row>(session,
                                  "SELECT id FROM campaigns WHERE (state = 'draft' AND opens_at <= :now) OR state = 'open' ORDER BY id",
                                  [&](auto& s) { s, soci::use(at, "now"); });
  });
  int changed = 0;
  for (const auto id : due) {
    try {
      db.with_session([&](soci::session& session) {
        transaction tx{session};
        auto c = existing(session, id);
        bool any = false;
        for (const auto what : campaign::due_by_clock(c.state, seconds_of(c.fields.opens_at), seconds_of(c.fields.closes_at),
                                                     std::chrono::floor<std::chrono::seconds>(now))) {
          if (what == campaign::action::open && seconds_of(c.fields.closes_at) <= std::chrono::floor<std::chrono::seconds>(now)) {
            // Opened and closed at once: the rules refuse opening past the close, the clock records both.
            const auto before = audit_text(c);
            if (c.fields.invite_all) invite_all_of_canton(session, c);
            if (!save_state(session, c, campaign::state::open, at)) return;
            append_audit(session, {"clock", "open", "campaign", std::to_string(c.id), before, audit_text(c)});
            any = true;
            continue;
          }
          if (!transition(session, c, what, "clock", words, now)) return;
          any = true;
        }
        if (c.state == campaign::state::open && queue_due_reminders(session, c, now, words) > 0) any = true;
        if (!any) return;
        tx.commit();
        ++changed;
      });
    } catch (const conflict&) {
      // Another process did this campaign's step first (the reminder's key): nothing to do.
    }
  }
  return changed;
}

campaign_buyer answer_campaign(database& db, long long id, const std::string& organisation, const campaign_answer& answer,
                               const std::string& actor) {
  db.with_session([&](soci::session& session) {
    transaction tx{session};
    auto c = existing(session, id);
    long long invited = 0;
    session << "SELECT COUNT(*) FROM campaign_buyers WHERE campaign_id = :campaign AND organisation_id = :organisation", soci::use(id, "campaign"),
        soci::use(organisation, "organisation"), soci::into(invited);
    if (invited == 0 || !c.opened_at) throw not_found({record::campaign, std::to_string(id)});
    if (c.state != campaign::state::open) refuse(session, c, std::nullopt);
    const auto ids = add_answer_intents(session, id, organisation, answer.no_need ? std::vector<catalog::intent_draft>{} : answer.intents, actor);
    const std::string kind = answer.no_need ? "no_need" : "intents";
    const std::string now = utc_timestamp_now();
    session << "UPDATE campaign_buyers SET answer = :answer, reason = :reason, answered_at = :now, answered_by = :actor "
               "WHERE campaign_id = :campaign AND organisation_id = :organisation",
        soci::use(kind, "answer"), soci::use(answer.reason, "reason"), soci::use(now, "now"), soci::use(actor, "actor"), soci::use(id, "campaign"),
        soci::use(organisation, "organisation");
    boost::json::array intent_ids;
    for (const auto i : ids) intent_ids.push_back(i);
    const auto details = catalog::json_text(boost::json::object{
        {"campaign", id}, {"title", c.fields.title}, {"organisation", organisation}, {"answer", kind}, {"intents", intent_ids}, {"by", actor}});
    append_audit(session, {actor, "answer", "campaign", std::to_string(id), std::nullopt, details});
    append_event(session, {std::nullopt, "campaign_answered", 0, details});
    append_event(session, {organisation, "campaign_answered", 0, details});
    tx.commit();
  });
  for (auto& buyer : campaign_buyers(db, id)) {
    if (buyer.organisation == organisation) return buyer;
  }
  throw not_found({record::campaign, std::to_string(id)});
}

namespace {

struct buyer_row {
  campaign_buyer b;
  std::string answer, answered_at, answered_by;
  void into(row_statement& s) {
    s, soci::into(b.organisation), soci::into(b.organisation_name), soci::into(answer), soci::into(b.reason), soci::into(answered_at),
        soci::into(answered_by), soci::into(b.quantity);
  }
  campaign_buyer value() const {
    auto v = b;
    if (answer == "intents") v.state = campaign::answer_state::answered;
    if (answer == "no_need") v.state = campaign::answer_state::no_need;
    if (!answered_at.empty()) v.answered_at = answered_at;
    if (!answered_by.empty()) v.answered_by = answered_by;
    return v;
  }
};

}  // namespace

std::vector<campaign_buyer> campaign_buyers(database& db, long long id) {
  return db.with_session([&](soci::session& session) {
    const auto c = existing(session, id);
    auto buyers = select_rows<buyer_row>(
        session,
        "SELECT o.id, o.name, COALESCE(b.answer, ''), b.reason, COALESCE(b.answered_at, ''), COALESCE(b.answered_by, ''), "
        "CAST(COALESCE((SELECT SUM(n.quantity) FROM intents n WHERE n.campaign_id = b.campaign_id AND n.organisation_id = b.organisation_id "
        "AND n.status = 'submitted'), 0) AS BIGINT) FROM campaign_buyers b JOIN organisations o ON o.id = b.organisation_id "
        "WHERE b.campaign_id = :campaign ORDER BY o.name, o.id",
        [&](auto& s) { s, soci::use(id, "campaign"); });
    std::map<std::string, long long> values;
    for (const auto& intent : campaign_intents(session, id)) values[intent.fields.organisation] += intent.value;
    for (auto& b : buyers) {
      b.state = campaign::buyer_state(c.state, b.state == campaign::answer_state::answered, b.state == campaign::answer_state::no_need);
      b.value = values[b.organisation];
    }
    return buyers;
  });
}

campaign_answers read_campaign_answers(database& db, long long id) {
  return db.with_session([&](soci::session& session) {
    transaction snapshot{session, transaction::kind::snapshot_read};
    const auto c = existing(session, id);
    campaign_answers answers;
    for (const auto& intent : campaign_intents(session, id)) {
      answers.needs.push_back({intent.fields.organisation, intent.fields.item, intent.fields.quantity, intent.value});
    }
    struct moment_row {
      std::string at, answer;
      void into(row_statement& s) { s, soci::into(at), soci::into(answer); }
      campaign::answer_moment value() const {
        return {std::chrono::floor<std::chrono::days>(parse_utc_timestamp(at).value_or(clock::time_point{})), answer == "no_need"};
      }
    };
    answers.moments = select_rows<moment_row>(session,
                                              "SELECT answered_at, answer FROM campaign_buyers WHERE campaign_id = :campaign AND answer IS NOT NULL",
                                              [&](auto& s) { s, soci::use(id, "campaign"); });
    struct item_row {
      std::string id, type;
      void into(row_statement& s) { s, soci::into(id), soci::into(type); }
      campaign::campaign_item value() const { return {id, engine::parse_procurement_type(type).value_or(engine::procurement_type::supply)}; }
    };
    answers.items = select_rows<item_row>(session,
                                          "SELECT i.id, i.procurement_type FROM campaign_items ci JOIN catalog_items i ON i.id = ci.item_id "
                                          "WHERE ci.campaign_id = :campaign ORDER BY ci.position",
                                          [&](auto& s) { s, soci::use(id, "campaign"); });
    (void)c;
    snapshot.commit();
    return answers;
  });
}

void mark_campaign_bundled(soci::session& session, long long id, long long run, const std::string& actor) {
  auto c = existing(session, id);
  const auto before = audit_text(c);
  const auto result = campaign::apply(c.state, campaign::action::bundle, std::chrono::floor<std::chrono::seconds>(clock::now()),
                                      seconds_of(c.fields.closes_at));
  if (const auto* refused = std::get_if<campaign::refusal>(&result)) refuse(session, c, *refused);
  const std::string now = utc_timestamp_now();
  if (!save_state(session, c, campaign::state::bundled, now)) throw stale_version({record::campaign, std::to_string(id)}, c.version, 0);
  session << "UPDATE campaigns SET run_id = :run WHERE id = :id", soci::use(run, "run"), soci::use(id, "id");
  c.run = run;
  append_audit(session, {actor, "bundle", "campaign", std::to_string(id), before, audit_text(c)});
  append_event(session, {std::nullopt, "campaign_bundled", 0,
                         catalog::json_text(boost::json::object{{"campaign", id}, {"title", c.fields.title}, {"run", run}, {"by", actor}})});
}

}  // namespace jointbuy::store
