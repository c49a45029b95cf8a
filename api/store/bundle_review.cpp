#include "api/store/bundle_review.hpp"

#include <algorithm>
#include <set>

#include <boost/json.hpp>

#include "api/store/audit_log.hpp"
#include "api/store/bundle_writer.hpp"
#include "api/store/catalog_items.hpp"
#include "api/store/events.hpp"
#include "api/store/intents.hpp"
#include "api/store/row_select.hpp"
#include "api/store/timestamps.hpp"
#include "api/store/transaction.hpp"
#include "catalog/bundling_json.hpp"
#include "catalog/json_text.hpp"

namespace jointbuy::store {

namespace {

constexpr std::string_view action_names[] = {"approve", "reject", "tendered", "withdraw"};

// The status each action leads to.
std::string target_status(review_action action) {
  switch (action) {
    case review_action::approve: return "approved";
    case review_action::reject: return "rejected";
    case review_action::tendered: return "tendered";
    case review_action::withdraw: return "withdrawn";
  }
  return "withdrawn";
}

boost::json::object state_json(const bundle_record& b) {
  auto json = catalog::bundle_json(b.tender, engine::language::en);
  json["id"] = b.id;
  json["tender"] = b.tender.id;
  json["status"] = b.status;
  json["version"] = b.version;
  boost::json::object answers;
  for (const auto& [organisation, answer] : b.answers) answers[organisation] = answer;
  json["answers"] = std::move(answers);
  if (b.reference) json["reference"] = *b.reference;
  if (!b.review_reason.empty()) json["review_reason"] = b.review_reason;
  return json;
}

bundle_record load(soci::session& session, long long id) {
  auto found = find_bundle(session, id);
  if (!found) throw not_found("There is no bundle " + std::to_string(id) + ".");
  return std::move(*found);
}

void require_version(const bundle_record& b, int expected_version) {
  if (b.version != expected_version) {
    throw precondition_failed("Bundle " + std::to_string(b.id) + " is at version " + std::to_string(b.version) +
                              ", not " + std::to_string(expected_version) + "; read it again.");
  }
}

// Sets status, reference and review reason and raises the version, if the version is still the
// one read; otherwise someone else changed it in between (PostgreSQL) and the caller loses.
void update_state(soci::session& session, const bundle_record& b, const std::string& status,
                  const std::optional<std::string>& reference, const std::string& review_reason) {
  const std::string now = utc_timestamp_now();
  const std::string reference_text = reference.value_or("");
  soci::indicator reference_null = reference ? soci::i_ok : soci::i_null;
  soci::statement update =
      (session.prepare << "UPDATE bundles SET status = :status, reference = :reference, review_reason = :review_reason, "
                          "version = version + 1, updated_at = :updated_at WHERE id = :id AND version = :version",
       soci::use(status, "status"), soci::use(reference_text, reference_null, "reference"),
       soci::use(review_reason, "review_reason"), soci::use(now, "updated_at"), soci::use(b.id, "id"),
       soci::use(b.version, "version"));
  update.execute(true);
  if (update.get_affected_rows() != 1) throw precondition_failed("Bundle " + std::to_string(b.id) + " changed meanwhile; read it again.");
}

void record_decision(soci::session& session, const bundle_record& b, const std::string& actor, const std::string& decision,
                     const std::string& to_status, const std::string& comment, const std::optional<std::string>& reference,
                     const std::string& details) {
  const std::string now = utc_timestamp_now();
  const std::string reference_text = reference.value_or("");
  soci::indicator reference_null = reference ? soci::i_ok : soci::i_null;
  session << "INSERT INTO decisions (bundle_id, decided_by, decision, from_status, to_status, comment, reference, decided_at, "
             "details) VALUES (:bundle_id, :decided_by, :decision, :from_status, :to_status, :comment, :reference, "
             ":decided_at, :details)",
      soci::use(b.id, "bundle_id"), soci::use(actor, "decided_by"), soci::use(decision, "decision"),
      soci::use(b.status, "from_status"), soci::use(to_status, "to_status"), soci::use(comment, "comment"),
      soci::use(reference_text, reference_null, "reference"), soci::use(now, "decided_at"), soci::use(details, "details");
}

// The record of a change: the decision, the audit entry with before and after, and an event for
// every buyer of the tender (before and after) and for the coordinators.
void record_change(soci::session& session, const bundle_record& before, const std::string& actor, const std::string& decision,
                   const std::string& comment, const std::optional<std::string>& reference, const std::string& event_kind,
                   const boost::json::object& details) {
  auto after = load(session, before.id);
  record_decision(session, before, actor, decision, after.status, comment, reference, catalog::json_text(details));
  append_audit(session, {actor, decision, "bundle", std::to_string(before.id), catalog::json_text(state_json(before)),
                         catalog::json_text(state_json(after))});
  boost::json::object event{{"decision", decision},
                            {"tender", after.tender.id},
                            {"from_status", before.status},
                            {"status", after.status},
                            {"version", after.version},
                            {"comment", comment}};
  const auto event_text = catalog::json_text(event);
  std::set<std::string> organisations;
  for (const auto& [organisation, answer] : before.answers) organisations.insert(organisation);
  for (const auto& [organisation, answer] : after.answers) organisations.insert(organisation);
  for (const auto& organisation : organisations) append_event(session, {organisation, event_kind, before.id, event_text});
  append_event(session, {std::nullopt, event_kind, before.id, event_text});
}

// The engine's verdict on `intent_ids` as they are now, with the catalogue as it is now.
struct evaluation {
  engine::bundling_result result;
  std::map<long long, int> versions;
  std::vector<intent_record> intents;
};

evaluation evaluate(soci::session& session, const reviewer& who, const std::vector<long long>& intent_ids) {
  evaluation e;
  engine::bundling_input input{{}, catalog::engine_terms(all_items(session)), who.reference.thresholds, who.reference.costs};
  for (const auto id : intent_ids) {
    auto record = find_intent(session, id);
    if (!record || record->status != "submitted") continue;
    const auto& f = record->fields;
    input.intents.push_back({record->id, f.organisation, f.item, f.quantity, f.unit_price, f.earliest, f.latest, f.contract_years});
    e.versions[record->id] = record->version;
    e.intents.push_back(std::move(*record));
  }
  e.result = engine::run_bundling(input);
  return e;
}

engine::reason reevaluated_reason(const std::string& change, const std::string& subject, const std::string& actor,
                                  const bundle_record& before) {
  engine::reason r{engine::codes::reevaluated, {}, {}};
  r.texts["change"] = change;
  r.texts["subject"] = subject;
  r.texts["by"] = actor;
  r.amounts["value_before"] = before.tender.value;
  r.amounts["savings_before"] = before.tender.estimated_savings;
  return r;
}

// Replaces the figures and members of tender `b` by the engine's `after`, keeping earlier people's
// reasons and every remaining buyer's answer.
void replace_tender(soci::session& session, const bundle_record& b, engine::bundle after, engine::reason change,
                    const std::map<long long, int>& versions) {
  for (const auto& r : b.tender.reasons) {
    if (r.code == engine::codes::reevaluated) after.reasons.push_back(r);
  }
  after.reasons.push_back(std::move(change));
  const std::string tender = after.id, decision{engine::to_string(after.decision)}, cpv = after.cpv;
  const std::string from = engine::format_iso_date(after.award_from), to = engine::format_iso_date(after.award_to);
  const std::string procedure{engine::to_string(after.procedure)}, reasons = stored_reasons(after);
  const long long quantity = after.quantity, value = after.value, savings = after.estimated_savings;
  const int buyers = after.buyers, international = after.international ? 1 : 0;
  session << "UPDATE bundles SET tender = :tender, decision = :decision, cpv = :cpv, award_from = :award_from, "
             "award_to = :award_to, buyers = :buyers, quantity = :quantity, value_rappen = :value_rappen, "
             "procedure = :procedure, international = :international, estimated_savings_rappen = :savings, "
             "reasons = :reasons WHERE id = :id",
      soci::use(tender, "tender"), soci::use(decision, "decision"), soci::use(cpv, "cpv"), soci::use(from, "award_from"),
      soci::use(to, "award_to"), soci::use(buyers, "buyers"), soci::use(quantity, "quantity"), soci::use(value, "value_rappen"),
      soci::use(procedure, "procedure"), soci::use(international, "international"), soci::use(savings, "savings"),
      soci::use(reasons, "reasons"), soci::use(b.id, "id");
  session << "DELETE FROM bundle_members WHERE bundle_id = :id", soci::use(b.id, "id");
  {
    bundle_writer writer{session, b.run, versions};
    writer.insert_members(b.id, after);
  }
  for (const auto& [organisation, answer] : b.answers) {
    if (answer == "pending") continue;
    session << "UPDATE bundle_members SET participation = :answer WHERE bundle_id = :id AND organisation_id = :organisation",
        soci::use(answer, "answer"), soci::use(b.id, "id"), soci::use(organisation, "organisation");
  }
}

// The intents `intent_ids` go back to individual purchase: new tenders of the run, with their flags.
void add_individual(soci::session& session, const reviewer& who, long long run, const std::vector<long long>& intent_ids) {
  auto e = evaluate(session, who, intent_ids);
  bundle_writer writer{session, run, e.versions};
  for (const auto& b : e.result.bundles) writer.insert(b, "proposed");
  for (const auto& f : e.result.flags) writer.insert(f);
}

std::vector<long long> member_intents(const bundle_record& b) {
  std::vector<long long> ids;
  for (const auto& m : b.tender.members) ids.push_back(m.intent);
  return ids;
}

// The one tender the engine makes of `e`, or 409 when the intents no longer share an award date.
const engine::bundle& single_tender(const evaluation& e, const bundle_record& b) {
  if (e.result.bundles.size() != 1) {
    throw illegal_transition("The intents of bundle " + std::to_string(b.id) +
                                 " no longer share an award date; move the ones that changed out first.",
                             allowed_actions(b.status, b.tender.decision));
  }
  return e.result.bundles.front();
}

boost::json::object before_after(const bundle_record& before, soci::session& session) {
  return {{"before", state_json(before)}, {"after", state_json(load(session, before.id))}};
}

long long latest_run(soci::session& session) {
  long long id = 0;
  session << "SELECT COALESCE(MAX(id), 0) FROM bundling_runs", soci::into(id);
  return id;
}

}  // namespace

std::optional<review_action> parse_review_action(std::string_view text) {
  for (std::size_t k = 0; k < std::size(action_names); ++k) {
    if (text == action_names[k]) return static_cast<review_action>(k);
  }
  return std::nullopt;
}

std::string_view to_string(review_action action) { return action_names[static_cast<std::size_t>(action)]; }

std::vector<std::string> allowed_actions(std::string_view status, engine::decision decision) {
  const bool joint = decision == engine::decision::joint_tender;
  if (status == "proposed" || status == "needs_review") {
    return joint ? std::vector<std::string>{"approve", "reject", "withdraw"} : std::vector<std::string>{"reject", "withdraw"};
  }
  if (status == "approved") return {"tendered", "withdraw"};
  if (status == "tendered") return {"withdraw"};
  return {};
}

bundle_record decide(database& db, const reviewer& who, long long id, int expected_version, review_action action,
                     const std::string& comment, const std::optional<std::string>& tender_reference) {
  return db.with_session([&](soci::session& session) {
    transaction tx{session};
    const auto b = load(session, id);
    require_version(b, expected_version);
    const auto allowed = allowed_actions(b.status, b.tender.decision);
    const auto name = std::string{to_string(action)};
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      throw illegal_transition("A bundle that is " + b.status + (b.tender.decision == engine::decision::individual ? " (individual purchases)" : "") +
                                   " cannot be given '" + name + "'.",
                               allowed);
    }
    boost::json::object details;
    if (action == review_action::approve && b.status == "proposed" && b.run != latest_run(session)) {
      throw illegal_transition("Bundle " + std::to_string(id) + " belongs to run " + std::to_string(b.run) +
                                   ", which a newer run has replaced; review the newer run's bundles.",
                               {"reject", "withdraw"});
    }
    if (action == review_action::tendered) {
      std::vector<std::string> pending;
      for (const auto& [organisation, answer] : b.answers) {
        if (answer != "confirmed") pending.push_back(organisation);
      }
      if (!pending.empty()) {
        std::string list;
        for (const auto& p : pending) list += (list.empty() ? "" : ", ") + p;
        throw illegal_transition("Every buyer must confirm before the tender is published; still to answer: " + list + ".",
                                 {"withdraw"});
      }
    }
    if (action == review_action::approve && b.status == "needs_review") {
      // Approving again after a review: the intents as they are now; every buyer answers again.
      auto e = evaluate(session, who, member_intents(b));
      if (e.result.bundles.empty()) throw illegal_transition("Every intent of bundle " + std::to_string(id) + " was withdrawn.", {"withdraw"});
      const auto& after = single_tender(e, b);
      auto fresh = b;
      fresh.answers.clear();
      replace_tender(session, fresh, after, reevaluated_reason("review", std::to_string(id), who.actor, b), e.versions);
      details = before_after(b, session);
    }
    update_state(session, b, target_status(action), action == review_action::tendered ? tender_reference : b.reference, "");
    record_change(session, b, who.actor, name, comment, tender_reference, "bundle_decided", details);
    auto result = load(session, id);
    tx.commit();
    return result;
  });
}

bundle_record answer(database& db, const reviewer& who, long long id, int expected_version, const std::string& organisation,
                     bool confirm, const std::string& comment) {
  return db.with_session([&](soci::session& session) {
    transaction tx{session};
    const auto b = load(session, id);
    const auto mine = b.answers.find(organisation);
    if (mine == b.answers.end()) throw not_found("There is no bundle " + std::to_string(id) + ".");
    require_version(b, expected_version);
    if (b.status != "approved") {
      throw illegal_transition("Buyers answer once a coordinator has approved the joint tender; this one is " + b.status + ".", {});
    }
    if (confirm) {
      session << "UPDATE bundle_members SET participation = 'confirmed' WHERE bundle_id = :id AND organisation_id = :organisation",
          soci::use(id, "id"), soci::use(organisation, "organisation");
      update_state(session, b, b.status, b.reference, b.review_reason);
      record_change(session, b, who.actor, "confirm", comment, std::nullopt, "participation_answered", {{"organisation", organisation}});
    } else {
      std::vector<long long> staying, leaving;
      for (const auto& m : b.tender.members) (m.organisation == organisation ? leaving : staying).push_back(m.intent);
      auto e = evaluate(session, who, staying);
      std::string status = b.status, review_reason;
      if (e.result.bundles.empty()) {
        status = "needs_review";
        review_reason = "Every other buyer's intents were withdrawn after " + organisation + " declined.";
        session << "DELETE FROM bundle_members WHERE bundle_id = :id", soci::use(id, "id");
      } else {
        const auto& after = single_tender(e, b);
        replace_tender(session, b, after, reevaluated_reason("decline", organisation, who.actor, b), e.versions);
        if (after.decision != engine::decision::joint_tender) {
          status = "needs_review";
          review_reason = "After " + organisation + " declined, the tender is no longer worth a joint tender: " +
                          engine::describe(after.reasons.front(), engine::language::en);
        }
      }
      add_individual(session, who, b.run, leaving);
      update_state(session, b, status, b.reference, review_reason);
      auto details = before_after(b, session);
      details["organisation"] = organisation;
      record_change(session, b, who.actor, "decline", comment, std::nullopt, "bundle_reevaluated", details);
    }
    auto result = load(session, id);
    tx.commit();
    return result;
  });
}

bundle_record move_out(database& db, const reviewer& who, long long id, int expected_version, long long intent,
                       const std::string& comment) {
  return db.with_session([&](soci::session& session) {
    transaction tx{session};
    const auto b = load(session, id);
    require_version(b, expected_version);
    if (b.status != "proposed" && b.status != "needs_review") {
      throw illegal_transition("Intents are moved out of proposed bundles or bundles under review; this one is " + b.status + ".",
                               allowed_actions(b.status, b.tender.decision));
    }
    std::vector<long long> staying;
    bool found = false;
    for (const auto& m : b.tender.members) {
      if (m.intent == intent) {
        found = true;
      } else {
        staying.push_back(m.intent);
      }
    }
    if (!found) throw not_found("Intent " + std::to_string(intent) + " is not in bundle " + std::to_string(id) + ".");
    if (staying.empty()) {
      throw illegal_transition("Intent " + std::to_string(intent) + " is the only one in bundle " + std::to_string(id) +
                                   "; withdraw the bundle instead.",
                               allowed_actions(b.status, b.tender.decision));
    }
    auto e = evaluate(session, who, staying);
    if (e.result.bundles.empty()) throw illegal_transition("Every other intent of the bundle was withdrawn.", {"withdraw"});
    replace_tender(session, b, single_tender(e, b), reevaluated_reason("move_out", std::to_string(intent), who.actor, b), e.versions);
    add_individual(session, who, b.run, {intent});
    update_state(session, b, b.status, b.reference, b.review_reason);
    auto details = before_after(b, session);
    details["intent"] = intent;
    record_change(session, b, who.actor, "move_out", comment, std::nullopt, "bundle_reevaluated", details);
    auto result = load(session, id);
    tx.commit();
    return result;
  });
}

bundle_record merge(database& db, const reviewer& who, long long id, int expected_version, long long other,
                    const std::string& comment) {
  return db.with_session([&](soci::session& session) {
    transaction tx{session};
    const auto b = load(session, id);
    require_version(b, expected_version);
    if (other == id) throw illegal_transition("A bundle cannot be merged with itself.", {});
    const auto o = load(session, other);
    for (const auto* x : {&b, &o}) {
      if (x->status != "proposed") {
        throw illegal_transition("Only proposed bundles are merged; bundle " + std::to_string(x->id) + " is " + x->status + ".",
                                 allowed_actions(x->status, x->tender.decision));
      }
    }
    if (b.run != o.run || b.tender.compatibility_key != o.tender.compatibility_key) {
      throw illegal_transition("Only bundles of the same run and the same compatibility key are merged.", {});
    }
    auto ids = member_intents(b);
    for (const auto i : member_intents(o)) ids.push_back(i);
    auto e = evaluate(session, who, ids);
    if (e.result.bundles.size() != 1) {
      throw illegal_transition("The intents of bundles " + std::to_string(id) + " and " + std::to_string(other) +
                                   " have no award date in common.",
                               {});
    }
    replace_tender(session, b, e.result.bundles.front(),
                   reevaluated_reason("merge", "bundle " + std::to_string(other), who.actor, b), e.versions);
    session << "DELETE FROM bundle_members WHERE bundle_id = :id", soci::use(other, "id");
    update_state(session, o, "withdrawn", o.reference, "Merged into bundle " + std::to_string(id) + ".");
    record_change(session, o, who.actor, "merge", comment, std::nullopt, "bundle_decided", {{"merged_into", id}});
    update_state(session, b, b.status, b.reference, b.review_reason);
    auto details = before_after(b, session);
    details["merged"] = other;
    record_change(session, b, who.actor, "merge", comment, std::nullopt, "bundle_reevaluated", details);
    auto result = load(session, id);
    tx.commit();
    return result;
  });
}

std::vector<decision_entry> decisions_of(database& db, long long id) {
  struct decision_row {
    decision_entry e;
    std::string reference;
    soci::indicator reference_null = soci::i_null;
    void into(soci::details::prepare_temp_type& s) {
      s, soci::into(e.id), soci::into(e.decided_by), soci::into(e.decision), soci::into(e.from_status), soci::into(e.to_status),
          soci::into(e.comment), soci::into(reference, reference_null), soci::into(e.decided_at), soci::into(e.details);
    }
    decision_entry value() const {
      auto copy = e;
      copy.reference = reference_null == soci::i_ok ? std::optional{reference} : std::nullopt;
      return copy;
    }
  };
  return db.with_session([&](soci::session& session) {
    return select_rows<decision_row>(session,
                                     "SELECT id, decided_by, decision, from_status, to_status, comment, reference, decided_at, "
                                     "details FROM decisions WHERE bundle_id = :id ORDER BY id",
                                     [&](auto& s) { s, soci::use(id, "id"); });
  });
}

std::vector<long long> hold_decided_intents(soci::session& session, const std::map<long long, int>& current_versions,
                                            const std::string& actor) {
  struct held_row {
    long long bundle = 0, intent = 0;
    int version = 0;
    std::string status;
    void into(soci::details::prepare_temp_type& s) { s, soci::into(bundle), soci::into(status), soci::into(intent), soci::into(version); }
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
    const auto b = load(session, id);
    const std::string reason = "Since the tender was " + b.status + ", " + why + ".";
    update_state(session, b, "needs_review", b.reference, reason);
    record_change(session, b, actor, "needs_review", reason, std::nullopt, "bundle_needs_review", {{"reason", reason}});
  }
  return intents;
}

}  // namespace jointbuy::store
