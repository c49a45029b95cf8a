#include "api/store/tender_documents.hpp"

#include <map>

#include "api/store/bundling_runs.hpp"
#include "api/store/row_select.hpp"
#include "api/store/transaction.hpp"

namespace jointbuy::store {

namespace {

struct schedule_row_data {
  long long bundle = 0, quantity = 0, unit_price = 0, amount = 0, intent = 0;
  int lead = 0;
  std::string tender, name, cpv, item, unit, buyer, buyer_name, from, to, note;

  void into(row_statement& s) {
    s, soci::into(bundle), soci::into(tender), soci::into(name), soci::into(cpv), soci::into(item), soci::into(unit),
        soci::into(buyer), soci::into(buyer_name), soci::into(quantity), soci::into(unit_price), soci::into(amount),
        soci::into(from), soci::into(to), soci::into(lead), soci::into(intent), soci::into(note);
  }
  catalog::schedule_row value() const {
    return {bundle, tender, name, cpv, item, unit, buyer, buyer_name, quantity, unit_price, amount,
            engine::parse_iso_date(from.substr(0, 10)).value_or(engine::date{}),
            engine::parse_iso_date(to.substr(0, 10)).value_or(engine::date{}), lead == 1, intent, note};
  }
};

// The tenders of run :id that go into tender documents: joint tenders neither rejected nor withdrawn.
constexpr const char* documented_tenders_of_run =
    "WHERE b.run_id = :id AND b.decision = 'joint_tender' AND b.status NOT IN ('rejected', 'withdrawn')";

// A framework tender's rows carry each buyer's own window: when it expects to call off.
std::string schedule_sql(engine::language lang, const char* where) {
  return std::string{"SELECT b.id, b.tender, "} + (lang == engine::language::de ? "i.name_de" : "i.name_en") +
         ", b.cpv, i.id, i.unit, o.id, o.name, m.quantity, COALESCE(n.unit_price_rappen, i.reference_price_rappen), "
         "m.value_rappen, CASE WHEN b.kind = 'framework' THEN n.earliest ELSE b.award_from END, "
         "CASE WHEN b.kind = 'framework' THEN n.latest ELSE b.award_to END, m.lead, n.id, n.note FROM bundle_members m "
         "JOIN bundles b ON b.id = m.bundle_id JOIN intents n ON n.id = m.intent_id "
         "JOIN catalog_items i ON i.id = n.item_id JOIN organisations o ON o.id = m.organisation_id " +
         where + " ORDER BY b.id, n.id";
}

// A tender's title is the name of its first item in id order, the same in every row.
void set_titles(std::vector<catalog::schedule_row>& rows) {
  std::map<long long, const catalog::schedule_row*> first_item;
  for (const auto& r : rows) {
    auto& first = first_item[r.bundle];
    if (first == nullptr || r.item < first->item) first = &r;
  }
  std::map<long long, std::string> titles;
  for (const auto& [bundle, row] : first_item) titles[bundle] = row->title;
  for (auto& r : rows) r.title = titles[r.bundle];
}

std::vector<catalog::schedule_row> schedule_where(soci::session& session, engine::language lang, const char* where, long long id) {
  auto rows = select_rows<schedule_row_data>(session, schedule_sql(lang, where), [&](auto& s) { s, soci::use(id, "id"); });
  set_titles(rows);
  return rows;
}

}  // namespace

std::vector<catalog::schedule_row> schedule_of_bundle(database& db, long long bundle, engine::language lang) {
  return db.with_session([&](soci::session& session) { return schedule_where(session, lang, "WHERE b.id = :id", bundle); });
}

std::vector<catalog::schedule_row> schedule_of_run(database& db, long long run, engine::language lang) {
  return db.with_session([&](soci::session& session) { return schedule_where(session, lang, documented_tenders_of_run, run); });
}

std::vector<long long> documented_tenders(database& db, long long run) {
  struct id_row {
    long long id = 0;
    void into(row_statement& s) { s, soci::into(id); }
    long long value() const { return id; }
  };
  return db.with_session([&](soci::session& session) {
    return select_rows<id_row>(session, std::string{"SELECT b.id FROM bundles b "} + documented_tenders_of_run + " ORDER BY b.id",
                               [&](auto& s) { s, soci::use(run, "id"); });
  });
}

std::optional<catalog::ocds_tender> ocds_tender_of(database& db, long long bundle) {
  return db.with_session([&](soci::session& session) -> std::optional<catalog::ocds_tender> {
    transaction snapshot{session, transaction::kind::snapshot_read};
    const auto record = find_bundle(session, bundle);
    if (!record) return std::nullopt;
    std::string updated_at;
    session << "SELECT updated_at FROM bundles WHERE id = :id", soci::use(bundle, "id"), soci::into(updated_at);
    catalog::ocds_tender t{record->id, record->version, std::string{review::to_string(record->status)}, record->reference, updated_at, record->bundle,
                           schedule_where(session, engine::language::de, "WHERE b.id = :id", bundle)};
    snapshot.commit();
    return t;
  });
}

}  // namespace jointbuy::store
