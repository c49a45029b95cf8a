#include "api/store/tender_review.hpp"

#include <set>

#include <boost/json.hpp>

#include "api/store/audit_log.hpp"
#include "api/store/bundle_writer.hpp"
#include "api/store/catalog_items.hpp"
#include "api/store/events.hpp"
#include "api/store/intents.hpp"
#include "api/store/organisations.hpp"
#include "api/store/row_select.hpp"
#include "api/store/timestamps.hpp"
#include "api/store/transaction.hpp"
#include "catalog/bundling_json.hpp"
#include "catalog/json_text.hpp"

namespace jointbuy::store {

namespace {

bundle_record load(soci::session& session, long long id) {
  auto found = find_bundle(session, id);
  if (!found) throw not_found({record::bundle, std::to_string(id)});
  return std::move(*found);
}

// The intents of `tenders` as they are now (the submitted ones), with the catalogue and rules as
// they are now, and the version each was read at.
struct intents_now {
  review::current_intents input;
  std::map<long long, int> versions;
};

intents_now load_intents(soci::session& session, const reviewer& who, const std::vector<const review::tender*>& tenders) {
  intents_now now{{{}, catalog::engine_terms(all_items(session)), who.reference.thresholds, who.reference.costs, {}}, {}};
  for (const auto* t : tenders) {
    for (const auto& m : t->bundle.members) {
      auto record = find_intent(session, m.intent);
      if (!record || record->status != "submitted") continue;
      const auto& f = record->fields;
      now.input.intents.push_back({record->id, f.organisation, f.item, f.quantity, f.unit_price, f.earliest, f.latest, f.contract_years});
      now.versions[record->id] = record->version;
    }
  }
  return now;
}

// Saves status, reference, review reason and the raised version of `after`, if the row is still at
// `before`'s version; otherwise someone changed it in between (PostgreSQL) and the caller loses.
void save_state(soci::session& session, const review::tender& before, const review::tender& after) {
  const std::string now = utc_timestamp_now();
  const std::string status{review::to_string(after.status)};
  const std::string reference_text = after.reference.value_or("");
  soci::indicator reference_null = after.reference ? soci::i_ok : soci::i_null;
  soci::statement update =
      (session.prepare << "UPDATE bundles SET status = :status, reference = :reference, review_reason = :review_reason, "
                          "version = :new_version, updated_at = :updated_at WHERE id = :id AND version = :version",
       soci::use(status, "status"), soci::use(reference_text, reference_null, "reference"),
       soci::use(after.review_reason, "review_reason"), soci::use(after.version, "new_version"), soci::use(now, "updated_at"),
       soci::use(before.id, "id"), soci::use(before.version, "version"));
  update.execute(true);
  if (update.get_affected_rows() != 1) throw stale_version({record::bundle, std::to_string(before.id)}, before.version, 0);
}

// Saves each member organisation's answer in `after` for which `wanted(answer)` holds.
template <class Filter>
void save_answers(soci::session& session, const review::tender& after, Filter wanted) {
  for (const auto& [organisation, answer] : after.answers) {
    if (!wanted(answer)) continue;
    const std::string text{review::to_string(answer)};
    session << "UPDATE bundle_members SET participation = :answer WHERE bundle_id = :id AND organisation_id = :organisation",
        soci::use(text, "answer"), soci::use(after.id, "id"), soci::use(organisation, "organisation");
  }
}

// Saves the engine's figures and the members of `after` with their answers.
void save_evaluation(soci::session& session, const review::tender& after, const std::map<long long, int>& versions) {
  const auto& b = after.bundle;
  const std::string tender = b.id, verdict{engine::to_string(b.verdict)}, cpv = b.cpv;
  const std::string from = engine::format_iso_date(b.award_from), to = engine::format_iso_date(b.award_to);
  const std::string procedure{engine::to_string(b.procedure)}, reasons = stored_reasons(b);
  const long long quantity = b.quantity, value = b.value, savings = b.estimated_savings;
  const int buyers = b.buyers, international = b.international ? 1 : 0;
  session << "UPDATE bundles SET tender = :tender, decision = :decision, cpv = :cpv, award_from = :award_from, "
             "award_to = :award_to, buyers = :buyers, quantity = :quantity, value_rappen = :value_rappen, "
             "procedure = :procedure, international = :international, estimated_savings_rappen = :savings, "
             "reasons = :reasons WHERE id = :id",
      soci::use(tender, "tender"), soci::use(verdict, "decision"), soci::use(cpv, "cpv"), soci::use(from, "award_from"),
      soci::use(to, "award_to"), soci::use(buyers, "buyers"), soci::use(quantity, "quantity"), soci::use(value, "value_rappen"),
      soci::use(procedure, "procedure"), soci::use(international, "international"), soci::use(savings, "savings"),
      soci::use(reasons, "reasons"), soci::use(after.id, "id");
  session << "DELETE FROM bundle_members WHERE bundle_id = :id", soci::use(after.id, "id");
  {
    bundle_writer writer{session, after.run, versions};
    writer.insert_members(after.id, b);
  }
  save_answers(session, after, [](review::participation answer) { return answer != review::participation::pending; });
}

void record_decision(soci::session& session, const review::tender& before, const review::tender& after, const std::string& actor,
                     review::action action, const std::string& comment, const std::optional<std::string>& reference,
                     const std::string& details) {
  const std::string now = utc_timestamp_now();
  const std::string name{review::to_string(action)}, from{review::to_string(before.status)}, to{review::to_string(after.status)};
  const std::string reference_text = reference.value_or("");
  soci::indicator reference_null = reference ? soci::i_ok : soci::i_null;
  session << "INSERT INTO decisions (bundle_id, decided_by, decision, from_status, to_status, comment, reference, decided_at, "
             "details) VALUES (:bundle_id, :decided_by, :decision, :from_status, :to_status, :comment, :reference, "
             ":decided_at, :details)",
      soci::use(before.id, "bundle_id"), soci::use(actor, "decided_by"), soci::use(name, "decision"),
      soci::use(from, "from_status"), soci::use(to, "to_status"), soci::use(comment, "comment"),
      soci::use(reference_text, reference_null, "reference"), soci::use(now, "decided_at"), soci::use(details, "details");
}

// The event kind of a change, for the feeds of buyers and coordinators.
std::string event_kind(review::action action, bool reevaluated) {
  if (action == review::action::reevaluate) return "bundle_needs_review";
  if (action == review::action::confirm) return "participation_answered";
  if (reevaluated && action != review::action::approve) return "bundle_reevaluated";
  return "bundle_decided";
}

// The record of a change: the decision, the audit entry with before and after, and an event for
// every buyer of the tender (before and after) and for the coordinators.
void record_change(soci::session& session, const review::tender& before, const review::tender& after, const std::string& actor,
                   review::action action, const std::string& comment, const std::optional<std::string>& reference,
                   const std::string& kind, const boost::json::object& details) {
  const std::string name{review::to_string(action)};
  record_decision(session, before, after, actor, action, comment, reference, catalog::json_text(details));
  append_audit(session, {actor, name, "bundle", std::to_string(before.id), stored_form(before), stored_form(after)});
  boost::json::object event{{"decision", name},
                            {"tender", after.bundle.id},
                            {"from_status", review::to_string(before.status)},
                            {"status", review::to_string(after.status)},
                            {"version", after.version},
                            {"comment", comment},
                            {"by", actor}};
  const auto event_text = catalog::json_text(event);
  std::set<std::string> organisations;
  for (const auto& [organisation, answer] : before.answers) organisations.insert(organisation);
  for (const auto& [organisation, answer] : after.answers) organisations.insert(organisation);
  for (const auto& organisation : organisations) append_event(session, {organisation, kind, before.id, event_text});
  append_event(session, {std::nullopt, kind, before.id, event_text});
}

// What a change records beside before and after.
boost::json::object change_details(const review::change& c, const review::request& r, const review::actor& who) {
  boost::json::object details;
  if (c.reevaluated) {
    details["before"] = stored_form_json(c.before);
    details["after"] = stored_form_json(c.after);
  }
  switch (c.action) {
    case review::action::confirm: details["organisation"] = who.organisation; break;
    case review::action::decline: details["organisation"] = who.organisation; break;
    case review::action::move_out: details["intent"] = r.intent; break;
    case review::action::merge: details["merged"] = r.other->id; break;
    case review::action::reevaluate: details["reason"] = r.why; break;
    default: break;
  }
  return details;
}

// Saves a granted change: the tender (and a merged one), the intents that leave as individual
// purchases of the run, and the records.
void save(soci::session& session, const review::change& c, const review::request& r, const review::actor& who,
          const std::map<long long, int>& versions) {
  save_state(session, c.before, c.after);
  if (c.reevaluated) {
    save_evaluation(session, c.after, versions);
  } else if (c.after.answers != c.before.answers) {
    save_answers(session, c.after, [](review::participation) { return true; });
  }
  if (!c.individual.bundles.empty() || !c.individual.flags.empty()) {
    bundle_writer writer{session, c.after.run, versions};
    for (const auto& b : c.individual.bundles) writer.insert(b, "proposed");
    for (const auto& f : c.individual.flags) writer.insert(f);
  }
  if (c.absorbed) {
    save_state(session, *r.other, *c.absorbed);
    save_evaluation(session, *c.absorbed, versions);  // no members, no figures
    record_change(session, *r.other, *c.absorbed, who.name, c.action, r.comment, std::nullopt, "bundle_decided",
                  {{"merged_into", c.after.id}});
  }
  const auto reference = c.action == review::action::tendered ? r.reference : std::nullopt;
  record_change(session, c.before, c.after, who.name, c.action, r.comment, reference, event_kind(c.action, c.reevaluated),
                change_details(c, r, who));
}

// The granted change of `result`, or its refusal thrown as store::refused.
review::change granted(soci::session& session, review::outcome result) {
  if (auto* refusal = std::get_if<review::refusal>(&result)) {
    // The buyers still to answer by the names people know them by, their number beside.
    if (refusal->why == review::refusal::reason::buyers_pending) {
      for (auto& organisation : refusal->subjects) {
        if (const auto found = find_organisation(session, organisation)) organisation = found->name + " (" + organisation + ")";
      }
    }
    throw refused(std::move(*refusal));
  }
  return std::move(std::get<review::change>(result));
}

// Load, check, save: the one path of every review change.
void apply_and_save(soci::session& session, const reviewer& who, const review::tender& t, const review::request& r) {
  std::vector<const review::tender*> tenders{&t};
  if (r.other != nullptr) tenders.push_back(r.other);
  const auto now = load_intents(session, who, tenders);
  save(session, granted(session, review::apply(t, who.actor, r, now.input)), r, who.actor, now.versions);
}

}  // namespace

bundle_record review_tender(soci::session& session, const reviewer& who, long long id, const tender_request& request) {
  const auto t = load(session, id);
  std::optional<bundle_record> other;
  if (request.action == review::action::merge && request.other != id) other = load(session, request.other);
  review::request r{request.action, request.expected_version, request.comment, request.reference, request.intent,
                    other ? &*other : (request.other == id ? &t : nullptr), {}};
  apply_and_save(session, who, t, r);
  return load(session, id);
}

bundle_record review_tender(database& db, const reviewer& who, long long id, const tender_request& request) {
  return db.with_session([&](soci::session& session) {
    transaction tx{session};
    auto result = review_tender(session, who, id, request);
    tx.commit();
    return result;
  });
}

std::vector<decision_entry> decisions_of(database& db, long long id) {
  struct decision_row {
    decision_entry e;
    std::string reference, name, organisation, organisation_name;
    soci::indicator reference_null = soci::i_null, name_null = soci::i_null, organisation_null = soci::i_null,
                    organisation_name_null = soci::i_null;
    void into(row_statement& s) {
      s, soci::into(e.id), soci::into(e.decided_by), soci::into(e.action), soci::into(e.from_status), soci::into(e.to_status),
          soci::into(e.comment), soci::into(reference, reference_null), soci::into(e.decided_at), soci::into(e.details),
          soci::into(name, name_null), soci::into(organisation, organisation_null), soci::into(organisation_name, organisation_name_null);
    }
    decision_entry value() const {
      auto copy = e;
      copy.reference = reference_null == soci::i_ok ? std::optional{reference} : std::nullopt;
      copy.decided_by_name = name_null == soci::i_ok ? name : e.decided_by;
      if (organisation_null == soci::i_ok) copy.decided_by_organisation = organisation;
      if (organisation_name_null == soci::i_ok) copy.decided_by_organisation_name = organisation_name;
      return copy;
    }
  };
  return db.with_session([&](soci::session& session) {
    return select_rows<decision_row>(session,
                                     "SELECT d.id, d.decided_by, d.decision, d.from_status, d.to_status, d.comment, d.reference, "
                                     "d.decided_at, d.details, COALESCE(p.name, t.name), COALESCE(p.organisation_id, t.organisation_id), o.name "
                                     "FROM decisions d LEFT JOIN api_tokens t ON t.id = d.decided_by "
                                     "LEFT JOIN people p ON p.id = COALESCE(t.person_id, d.decided_by) "
                                     "LEFT JOIN organisations o ON o.id = COALESCE(p.organisation_id, t.organisation_id) "
                                     "WHERE d.bundle_id = :id ORDER BY d.id",
                                     [&](auto& s) { s, soci::use(id, "id"); });
  });
}

std::vector<long long> hold_decided_intents(soci::session& session, const std::map<long long, int>& current_versions,
                                            const review::actor& actor) {
  struct held_row {
    long long bundle = 0, intent = 0;
    int version = 0;
    std::string status;
    void into(row_statement& s) { s, soci::into(bundle), soci::into(status), soci::into(intent), soci::into(version); }
    held_row value() const { return *this; }
  };
  const auto held = select_rows<held_row>(
      session,
      "SELECT b.id, b.status, m.intent_id, m.intent_version FROM bundles b JOIN bundle_members m ON m.bundle_id = b.id "
      "WHERE b.status IN ('approved', 'tendered', 'needs_review') ORDER BY b.id, m.intent_id",
      [](auto&) {});
  std::map<long long, std::string> changed;  // bundle → why
  std::vector<long long> intents;
  for (const auto& h : held) {
    intents.push_back(h.intent);
    if (h.status == "needs_review") continue;
    const auto current = current_versions.find(h.intent);
    std::string why;
    if (current == current_versions.end()) {
      why = "intent " + std::to_string(h.intent) + " was withdrawn";
    } else if (current->second != h.version) {
      why = "intent " + std::to_string(h.intent) + " was changed (version " + std::to_string(h.version) + " → " +
            std::to_string(current->second) + ")";
    }
    if (why.empty()) continue;
    auto& text = changed[h.bundle];
    text += (text.empty() ? "" : "; ") + why;
  }
  for (const auto& [id, why] : changed) {
    const auto t = load(session, id);
    std::string reason = "Since the tender was ";
    reason.append(review::to_string(t.status)).append(", ").append(why).append(".");
    review::request r{review::action::reevaluate, t.version, reason, std::nullopt, 0, nullptr, reason};
    // Putting a tender under review re-evaluates nothing: no intents are needed.
    save(session, granted(session, review::apply(t, actor, r, {})), r, actor, {});
  }
  return intents;
}

}  // namespace jointbuy::store
