#include "api/store/framework_tenders.hpp"

#include <set>

#include <boost/json.hpp>

#include "api/store/audit_log.hpp"
#include "api/store/bundle_writer.hpp"
#include "api/store/bundling_runs.hpp"
#include "api/store/catalog_items.hpp"
#include "api/store/events.hpp"
#include "api/store/framework_agreements.hpp"
#include "api/store/intents.hpp"
#include "api/store/row_select.hpp"
#include "api/store/transaction.hpp"
#include "catalog/bundling_json.hpp"
#include "catalog/json_text.hpp"
#include "engine/framework_tender.hpp"

namespace jointbuy::store {

namespace {

struct opportunity_row {
  long long intent = 0;
  std::string details;
  void into(row_statement& s) { s, soci::into(intent), soci::into(details); }
  opportunity_row value() const { return *this; }
};

// The intents flagged FRAMEWORK_AGREEMENT_OPPORTUNITY in run `run` within `horizon`.
std::vector<long long> horizon_intents(soci::session& session, long long run, const std::string& horizon) {
  const std::string code{engine::codes::agreement_opportunity.view()};
  const auto rows = select_rows<opportunity_row>(
      session, "SELECT intent_id, details FROM flags WHERE run_id = :run AND code = :code ORDER BY intent_id",
      [&](auto& s) { s, soci::use(run, "run"), soci::use(code, "code"); });
  std::vector<long long> intents;
  for (const auto& row : rows) {
    const auto reason = catalog::reason_from_storage(boost::json::parse(row.details));
    const auto* found = reason.texts.find("horizon");
    if (found && found->second == horizon) intents.push_back(row.intent);
  }
  return intents;
}

struct held_row {
  long long bundle = 0, intent = 0;
  void into(row_statement& s) { s, soci::into(bundle), soci::into(intent); }
  held_row value() const { return *this; }
};

long long latest_run(soci::session& session) {
  long long id = 0;
  soci::indicator none = soci::i_null;
  session << "SELECT MAX(id) FROM bundling_runs", soci::into(id, none);
  return none == soci::i_ok ? id : 0;
}

}  // namespace

bundle_record start_framework_tender(database& db, const reviewer& who, const std::string& horizon, long long run,
                                     const std::string& comment) {
  return db.with_session([&](soci::session& session) {
    transaction tx{session};
    const record_ref opportunity{record::opportunity, horizon};
    if (run == 0) run = latest_run(session);
    if (run == 0) throw not_found(opportunity);
    const auto flagged = horizon_intents(session, run, horizon);
    if (flagged.empty()) throw not_found(opportunity);
    // A live framework tender on the same horizon of the same run is the one to work on.
    long long existing = 0;
    soci::indicator none = soci::i_null;
    session << "SELECT MIN(id) FROM bundles WHERE run_id = :run AND kind = 'framework' AND tender = :horizon "
               "AND status NOT IN ('rejected', 'withdrawn')",
        soci::use(run, "run"), soci::use(horizon, "horizon"), soci::into(existing, none);
    if (none == soci::i_ok) throw conflict(conflict::reason::framework_tender_started, record_ref{record::bundle, std::to_string(existing)}, horizon);
    const std::set<long long> wanted(flagged.begin(), flagged.end());
    for (const auto& h : select_rows<held_row>(session,
                                               "SELECT b.id, m.intent_id FROM bundles b JOIN bundle_members m ON m.bundle_id = b.id "
                                               "WHERE b.status IN ('approved', 'tendered', 'needs_review') ORDER BY m.intent_id",
                                               [](auto&) {})) {
      if (wanted.count(h.intent) > 0) throw conflict(conflict::reason::in_tender, record_ref{record::intent, std::to_string(h.intent)}, horizon);
    }
    engine::bundling_input input{{}, catalog::engine_terms(all_items(session)), who.reference.thresholds, who.reference.costs, {}};
    std::map<long long, int> versions;
    for (const auto id : flagged) {
      const auto record = find_intent(session, id);
      if (!record || record->status != "submitted" || record->call_off) continue;
      const auto& f = record->fields;
      input.intents.push_back({record->id, f.organisation, f.item, f.quantity, f.unit_price, f.earliest, f.latest, f.contract_years});
      versions[record->id] = record->version;
    }
    if (input.intents.empty()) throw not_found(opportunity);
    engine::bundle tender;
    try {
      tender = engine::evaluate_framework_tender(input);
    } catch (const engine::invalid_input&) {
      throw refused({review::refusal::reason::items_changed, review::action::approve, 0, review::status::proposed, {}, 0, {}});
    }
    if (tender.verdict != engine::verdict::joint_tender) {
      throw refused({review::refusal::reason::not_worth_joint_tender, review::action::approve, 0, review::status::proposed, {}, 0, {}});
    }
    long long id = 0;
    {
      bundle_writer writer{session, run, versions};
      id = writer.insert(tender, "proposed");
    }
    session << "UPDATE bundles SET kind = 'framework' WHERE id = :id", soci::use(id, "id");
    append_audit(session, {who.actor.name, "create", "framework_tender", std::to_string(id), std::nullopt,
                           catalog::json_text(boost::json::object{{"run", run}, {"horizon", horizon}, {"bundle", id}})});
    auto started = review_tender(session, who, id, {review::action::approve, 1, comment, std::nullopt, 0, 0});
    tx.commit();
    return started;
  });
}

catalog::framework_agreement award_framework_tender(database& db, long long tender, catalog::framework_agreement terms,
                                                    const std::string& actor) {
  return db.with_session([&](soci::session& session) {
    transaction tx{session};
    const record_ref subject{record::bundle, std::to_string(tender)};
    const auto t = find_bundle(session, tender);
    if (!t) throw not_found(subject);
    if (t->kind != review::tender_kind::framework || t->status != review::status::tendered) {
      throw conflict(conflict::reason::not_tendered, subject, "award");
    }
    if (t->agreement) throw conflict(conflict::reason::awarded, subject, "award");
    terms.source = catalog::agreement_source::own_tender;
    terms.reference = t->reference.value_or("");
    terms.all_eligible = false;
    std::set<std::string> buyers;
    for (const auto& m : t->bundle.members) buyers.insert(m.organisation);
    terms.eligible.assign(buyers.begin(), buyers.end());
    if (terms.ceiling == 0) terms.ceiling = t->bundle.value;
    terms.consumed = 0;
    terms.consumed_quantity = 0;
    terms.tender = tender;
    auto stored = create_agreement(session, terms, actor);
    const auto details = catalog::json_text(boost::json::object{
        {"tender", t->bundle.id}, {"agreement", stored.id}, {"title", stored.title}, {"supplier", stored.supplier}, {"by", actor}});
    for (const auto& buyer : buyers) append_event(session, {buyer, "framework_awarded", tender, details});
    append_event(session, {std::nullopt, "framework_awarded", tender, details});
    tx.commit();
    return stored;
  });
}

}  // namespace jointbuy::store
