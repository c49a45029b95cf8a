#include "api/store/bundling_runs.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "api/store/audit_log.hpp"
#include "api/store/tender_review.hpp"
#include "api/store/bundle_writer.hpp"
#include "api/store/campaigns.hpp"
#include "api/store/catalog_items.hpp"
#include "api/store/events.hpp"
#include "api/store/framework_agreements.hpp"
#include "api/store/intents.hpp"
#include "api/store/row_select.hpp"
#include "api/store/timestamps.hpp"
#include "api/store/transaction.hpp"
#include "catalog/bundling_json.hpp"
#include "catalog/json_text.hpp"

namespace jointbuy::store {

namespace {

constexpr const char* insert_run =
    "INSERT INTO bundling_runs (created_by, started_at, finished_at, intent_count, summary, campaign_id) "
    "VALUES (:created_by, :started_at, :finished_at, :intent_count, :summary, :campaign_id) RETURNING id";
constexpr const char* run_columns = "SELECT id, created_by, started_at, finished_at, intent_count, summary, COALESCE(campaign_id, 0) ";
struct flag_row {
  long long id = 0, run = 0, intent = 0;
  std::string organisation, details, item, name_de, name_en;

  void into(row_statement& s) {
    s, soci::into(id), soci::into(run), soci::into(intent), soci::into(organisation), soci::into(details), soci::into(item),
        soci::into(name_de), soci::into(name_en);
  }
  flag_record value() const {
    return {id, run, {intent, organisation, catalog::reason_from_storage(boost::json::parse(details))}, item, name_de, name_en};
  }
};

struct run_row {
  run_record record;
  long long campaign = 0;
  void into(row_statement& s) {
    s, soci::into(record.id), soci::into(record.created_by), soci::into(record.started_at), soci::into(record.finished_at),
        soci::into(record.intents), soci::into(record.summary), soci::into(campaign);
  }
  run_record value() const {
    auto r = record;
    if (campaign != 0) r.campaign = campaign;
    return r;
  }
};

}  // namespace

run_record create_run(database& db, const catalog::reference_data& reference, const std::string& actor,
                      std::optional<long long> campaign) {
  const std::string started_at = utc_timestamp_now();
  engine::bundling_input input{{}, {}, reference.thresholds, reference.costs, {}};
  std::map<long long, int> versions;
  db.with_session([&](soci::session& session) {
    transaction snapshot{session, transaction::kind::snapshot_read};
    input.items = catalog::engine_terms(all_items(session));
    for (const auto& a : all_agreements(session)) input.agreements.push_back(catalog::engine_agreement(a));
    for (const auto& record : campaign ? campaign_intents(session, *campaign) : submitted_intents(session)) {
      const auto& f = record.fields;
      versions[record.id] = record.version;
      input.intents.push_back({record.id, f.organisation, f.item, f.quantity, f.unit_price, f.earliest, f.latest, f.contract_years});
    }
    snapshot.commit();
  });

  return db.with_session([&](soci::session& session) {
    transaction tx{session};
    // Decided tenders keep their intents. Which ones they are is read in the write transaction, so
    // that a tender approved while the snapshot was read is held out too.
    const auto held_list = hold_decided_intents(session, versions, {actor, review::role::coordinator, {}});
    const std::set<long long> held(held_list.begin(), held_list.end());
    std::erase_if(input.intents, [&](const engine::intent& i) { return held.count(i.id) > 0; });
    const auto result = engine::run_bundling(input);
    const std::string finished_at = utc_timestamp_now();
    const std::string summary = catalog::json_text(catalog::summary_json(result.summary));
    run_record run{0, actor, started_at, finished_at, static_cast<long long>(input.intents.size()), summary, campaign};
    const long long campaign_id = campaign.value_or(0);
    soci::indicator campaign_null = campaign ? soci::i_ok : soci::i_null;
    session << insert_run, soci::use(actor, "created_by"), soci::use(started_at, "started_at"),
        soci::use(finished_at, "finished_at"), soci::use(run.intents, "intent_count"), soci::use(summary, "summary"),
        soci::use(campaign_id, campaign_null, "campaign_id"), soci::into(run.id);
    if (campaign) mark_campaign_bundled(session, *campaign, run.id, actor);
    std::vector<std::pair<long long, const engine::bundle*>> proposals;
    {
      bundle_writer writer{session, run.id, versions};
      for (const auto& b : result.bundles) {
        const auto id = writer.insert(b, "proposed");
        if (b.verdict == engine::verdict::joint_tender) proposals.emplace_back(id, &b);
      }
      for (const auto& f : result.flags) writer.insert(f);
    }
    for (const auto& [id, b] : proposals) {
      const auto details = catalog::json_text(boost::json::object{
          {"run", run.id}, {"tender", b->id}, {"status", "proposed"}, {"value_chf", engine::chf_from_rappen(b->value)}, {"by", actor}});
      std::set<std::string> buyers;
      for (const auto& m : b->members) buyers.insert(m.organisation);
      for (const auto& buyer : buyers) append_event(session, {buyer, "bundle_proposed", id, details});
    }
    append_audit(session, {actor, "create", "bundling_run", std::to_string(run.id), std::nullopt, summary});
    tx.commit();
    return run;
  });
}

std::optional<run_record> find_run(database& db, long long id) {
  return db.with_session([&](soci::session& session) -> std::optional<run_record> {
    auto runs = id == 0 ? select_rows<run_row>(session,
                                               std::string{run_columns} + "FROM bundling_runs ORDER BY id DESC LIMIT 1",
                                               [](auto&) {})
                        : select_rows<run_row>(session,
                                               std::string{run_columns} + "FROM bundling_runs WHERE id = :id",
                                               [&](auto& s) { s, soci::use(id, "id"); });
    if (runs.empty()) return std::nullopt;
    return runs.front();
  });
}

page<run_record> list_runs(database& db, long long before, int limit) {
  return db.with_session([&](soci::session& session) {
    return fetch_page(limit, [&](int fetch) {
      return select_rows<run_row>(session,
                                  std::string{run_columns} + "FROM bundling_runs "
                                  "WHERE (:any = 0 OR id < :before) ORDER BY id DESC LIMIT :limit",
                                  [&](auto& s) { s, soci::use(before, "any"), soci::use(before, "before"), soci::use(fetch, "limit"); });
    }, [](const run_record& r) { return std::to_string(r.id); });
  });
}

page<flag_record> list_flags(database& db, const flag_filter& filter) {
  return db.with_session([&](soci::session& session) {
    const std::string organisation = filter.organisation.value_or("");
    const std::string code = filter.code.value_or("");
    return fetch_page(filter.limit, [&](int fetch) {
      return select_rows<flag_row>(
          session,
          "SELECT f.id, f.run_id, f.intent_id, f.organisation_id, f.details, i.item_id, c.name_de, c.name_en "
          "FROM flags f JOIN intents i ON i.id = f.intent_id JOIN catalog_items c ON c.id = i.item_id "
          "WHERE f.run_id = :run AND f.id > :after "
          "AND (:any_organisation = '' OR f.organisation_id = :organisation) AND (:any_code = '' OR f.code = :code) "
          "ORDER BY f.id LIMIT :limit",
          [&](auto& s) {
            s, soci::use(filter.run, "run"), soci::use(filter.after, "after"), soci::use(organisation, "any_organisation"),
                soci::use(organisation, "organisation"), soci::use(code, "any_code"), soci::use(code, "code"),
                soci::use(fetch, "limit");
          });
    }, [](const auto& f) { return std::to_string(f.id); });
  });
}

}  // namespace jointbuy::store
