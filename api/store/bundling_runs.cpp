#include "api/store/bundling_runs.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "api/store/audit_log.hpp"
#include "api/store/bundle_review.hpp"
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

constexpr const char* insert_run =
    "INSERT INTO bundling_runs (created_by, started_at, finished_at, intent_count, summary) "
    "VALUES (:created_by, :started_at, :finished_at, :intent_count, :summary) RETURNING id";
constexpr const char* bundle_columns =
    "b.id, b.run_id, b.status, b.version, b.tender, b.compatibility_key, b.category, b.procurement_type, b.cpv, b.decision, "
    "b.award_from, b.award_to, b.buyers, b.quantity, b.value_rappen, b.procedure, b.international, "
    "b.estimated_savings_rappen, b.reasons, b.reference, b.review_reason";

struct bundle_row {
  long long id = 0, run = 0, quantity = 0, amount = 0, savings = 0;
  int version = 0, buyers = 0, international = 0;
  std::string status, tender, key, category, type, cpv, decision, from, to, procedure, reasons, reference, review_reason;
  soci::indicator reference_null = soci::i_null;

  void into(soci::details::prepare_temp_type& s) {
    s, soci::into(id), soci::into(run), soci::into(status), soci::into(version), soci::into(tender), soci::into(key),
        soci::into(category), soci::into(type), soci::into(cpv), soci::into(decision), soci::into(from), soci::into(to),
        soci::into(buyers), soci::into(quantity), soci::into(amount), soci::into(procedure), soci::into(international),
        soci::into(savings), soci::into(reasons), soci::into(reference, reference_null), soci::into(review_reason);
  }

  bundle_record value() const {
    bundle_record r{id, run, status, version, {}, reference_null == soci::i_ok ? std::optional{reference} : std::nullopt,
                    review_reason, {}, {}};
    auto& t = r.tender;
    t.id = tender;
    t.compatibility_key = key;
    t.category = engine::parse_category(category).value_or(engine::category::hardware);
    t.procurement_type = engine::parse_procurement_type(type).value_or(engine::procurement_type::supply);
    t.cpv = cpv;
    t.decision = engine::parse_decision(decision).value_or(engine::decision::individual);
    t.award_from = engine::parse_iso_date(from.substr(0, 10)).value_or(engine::date{});
    t.award_to = engine::parse_iso_date(to.substr(0, 10)).value_or(engine::date{});
    t.buyers = buyers;
    t.quantity = quantity;
    t.value = amount;
    t.procedure = engine::parse_procedure(procedure).value_or(engine::procedure::open);
    t.international = international == 1;
    t.estimated_savings = savings;
    const auto stored = boost::json::parse(reasons);
    for (const auto& reason : stored.as_array()) t.reasons.push_back(catalog::reason_from_storage(reason));
    return r;
  }
};

struct member_row {
  long long bundle = 0, intent = 0, quantity = 0, amount = 0;
  int lead = 0;
  std::string organisation, own_procedure, participation, earliest, latest;

  void into(soci::details::prepare_temp_type& s) {
    s, soci::into(bundle), soci::into(intent), soci::into(organisation), soci::into(quantity), soci::into(amount), soci::into(lead),
        soci::into(own_procedure), soci::into(participation), soci::into(earliest), soci::into(latest);
  }
  struct loaded {
    engine::member member;
    std::string participation;
    std::pair<engine::date, engine::date> window;
  };
  std::pair<long long, loaded> value() const {
    return {bundle, {{intent, organisation, quantity, amount, lead == 1, engine::parse_procedure(own_procedure).value_or(engine::procedure::open)},
            participation,
            {engine::parse_iso_date(earliest).value_or(engine::date{}), engine::parse_iso_date(latest).value_or(engine::date{})}}};
  }
};

struct flag_row {
  long long id = 0, run = 0, intent = 0;
  std::string organisation, details;

  void into(soci::details::prepare_temp_type& s) {
    s, soci::into(id), soci::into(run), soci::into(intent), soci::into(organisation), soci::into(details);
  }
  flag_record value() const {
    return {id, run, {intent, organisation, catalog::reason_from_storage(boost::json::parse(details))}};
  }
};

struct run_row {
  run_record record;
  void into(soci::details::prepare_temp_type& s) {
    s, soci::into(record.id), soci::into(record.created_by), soci::into(record.started_at), soci::into(record.finished_at),
        soci::into(record.intents), soci::into(record.summary);
  }
  run_record value() const { return record; }
};

// One query per chunk of bundles rather than one per bundle: a page of 50 tenders was 51 statements,
// and preparing them was most of the time of a bundle list. The ids are bound, never spliced.
void attach_members(soci::session& session, std::vector<bundle_record>& bundles) {
  constexpr std::size_t chunk = 200;
  std::map<long long, bundle_record*> by_id;
  for (auto& b : bundles) by_id[b.id] = &b;
  for (std::size_t first = 0; first < bundles.size(); first += chunk) {
    const std::size_t count = std::min(chunk, bundles.size() - first);
    std::vector<std::string> names;
    std::string placeholders;
    for (std::size_t i = 0; i < count; ++i) {
      names.push_back(std::string{"b"}.append(std::to_string(i)));
      placeholders.append(i == 0 ? ":" : ", :").append(names.back());
    }
    const auto members = select_rows<member_row>(
        session,
        "SELECT m.bundle_id, m.intent_id, m.organisation_id, m.quantity, m.value_rappen, m.lead, m.own_procedure, "
        "m.participation, n.earliest, n.latest FROM bundle_members m JOIN intents n ON n.id = m.intent_id "
        "WHERE m.bundle_id IN (" + placeholders + ") ORDER BY m.bundle_id, m.intent_id",
        [&](auto& s) {
          for (std::size_t i = 0; i < count; ++i) s, soci::use(bundles[first + i].id, names[i]);
        });
    for (const auto& [bundle, loaded] : members) {
      auto& b = *by_id.at(bundle);
      b.tender.members.push_back(loaded.member);
      b.answers[loaded.member.organisation] = loaded.participation;
      b.windows[loaded.member.intent] = loaded.window;
    }
  }
}

}  // namespace

run_record create_run(database& db, const catalog::reference_data& reference, const std::string& actor) {
  const std::string started_at = utc_timestamp_now();
  engine::bundling_input input{{}, {}, reference.thresholds, reference.costs};
  std::map<long long, int> versions;
  db.with_session([&](soci::session& session) {
    transaction snapshot{session, transaction::kind::snapshot_read};
    input.items = catalog::engine_terms(all_items(session));
    for (const auto& record : submitted_intents(session)) {
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
    const auto held_list = hold_decided_intents(session, versions, actor);
    const std::set<long long> held(held_list.begin(), held_list.end());
    std::erase_if(input.intents, [&](const engine::intent& i) { return held.count(i.id) > 0; });
    const auto result = engine::run_bundling(input);
    const std::string finished_at = utc_timestamp_now();
    const std::string summary = catalog::json_text(catalog::summary_json(result.summary));
    run_record run{0, actor, started_at, finished_at, static_cast<long long>(input.intents.size()), summary};
    session << insert_run, soci::use(actor, "created_by"), soci::use(started_at, "started_at"),
        soci::use(finished_at, "finished_at"), soci::use(run.intents, "intent_count"), soci::use(summary, "summary"),
        soci::into(run.id);
    std::vector<std::pair<long long, const engine::bundle*>> proposals;
    {
      bundle_writer writer{session, run.id, versions};
      for (const auto& b : result.bundles) {
        const auto id = writer.insert(b, "proposed");
        if (b.decision == engine::decision::joint_tender) proposals.emplace_back(id, &b);
      }
      for (const auto& f : result.flags) writer.insert(f);
    }
    for (const auto& [id, b] : proposals) {
      const auto details = catalog::json_text(boost::json::object{
          {"run", run.id}, {"tender", b->id}, {"status", "proposed"}, {"value_chf", engine::chf_from_rappen(b->value)}});
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
                                               "SELECT id, created_by, started_at, finished_at, intent_count, summary "
                                               "FROM bundling_runs ORDER BY id DESC LIMIT 1",
                                               [](auto&) {})
                        : select_rows<run_row>(session,
                                               "SELECT id, created_by, started_at, finished_at, intent_count, summary "
                                               "FROM bundling_runs WHERE id = :id",
                                               [&](auto& s) { s, soci::use(id, "id"); });
    if (runs.empty()) return std::nullopt;
    return runs.front();
  });
}

std::vector<bundle_record> list_bundles(database& db, const bundle_filter& filter) {
  return db.with_session([&](soci::session& session) {
    const std::string decision = filter.decision ? std::string{engine::to_string(*filter.decision)} : "";
    const std::string category = filter.category ? std::string{engine::to_string(*filter.category)} : "";
    const std::string organisation = filter.organisation.value_or("");
    auto bundles = select_rows<bundle_row>(
        session,
        "SELECT " + std::string{bundle_columns} +
            " FROM bundles b WHERE b.run_id = :run AND b.id > :after "
            "AND (:any_decision = '' OR b.decision = :decision) AND (:any_category = '' OR b.category = :category) "
            "AND (:any_organisation = '' OR EXISTS (SELECT 1 FROM bundle_members m WHERE m.bundle_id = b.id "
            "AND m.organisation_id = :organisation)) ORDER BY b.id LIMIT :limit",
        [&](auto& s) {
          s, soci::use(filter.run, "run"), soci::use(filter.after, "after"), soci::use(decision, "any_decision"),
              soci::use(decision, "decision"), soci::use(category, "any_category"), soci::use(category, "category"),
              soci::use(organisation, "any_organisation"), soci::use(organisation, "organisation"),
              soci::use(filter.limit, "limit");
        });
    attach_members(session, bundles);
    return bundles;
  });
}

std::optional<bundle_record> find_bundle(soci::session& session, long long id) {
  auto bundles = select_rows<bundle_row>(session, "SELECT " + std::string{bundle_columns} + " FROM bundles b WHERE b.id = :id",
                                         [&](auto& s) { s, soci::use(id, "id"); });
  if (bundles.empty()) return std::nullopt;
  attach_members(session, bundles);
  return bundles.front();
}

std::optional<bundle_record> find_bundle(database& db, long long id) {
  return db.with_session([&](soci::session& session) { return find_bundle(session, id); });
}

std::vector<flag_record> list_flags(database& db, const flag_filter& filter) {
  return db.with_session([&](soci::session& session) {
    const std::string organisation = filter.organisation.value_or("");
    const std::string code = filter.code.value_or("");
    return select_rows<flag_row>(
        session,
        "SELECT id, run_id, intent_id, organisation_id, details FROM flags WHERE run_id = :run AND id > :after "
        "AND (:any_organisation = '' OR organisation_id = :organisation) AND (:any_code = '' OR code = :code) "
        "ORDER BY id LIMIT :limit",
        [&](auto& s) {
          s, soci::use(filter.run, "run"), soci::use(filter.after, "after"), soci::use(organisation, "any_organisation"),
              soci::use(organisation, "organisation"), soci::use(code, "any_code"), soci::use(code, "code"),
              soci::use(filter.limit, "limit");
        });
  });
}

}  // namespace jointbuy::store
