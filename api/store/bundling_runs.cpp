#include "api/store/bundling_runs.hpp"

#include <boost/json.hpp>

#include "api/store/audit_log.hpp"
#include "api/store/catalog_items.hpp"
#include "api/store/intents.hpp"
#include "api/store/row_select.hpp"
#include "api/store/timestamps.hpp"
#include "api/store/transaction.hpp"
#include "catalog/bundling_json.hpp"

namespace jointbuy::store {

namespace {

constexpr const char* insert_run =
    "INSERT INTO bundling_runs (created_by, started_at, finished_at, intent_count, summary) "
    "VALUES (:created_by, :started_at, :finished_at, :intent_count, :summary) RETURNING id";
constexpr const char* insert_bundle =
    "INSERT INTO bundles (run_id, tender, compatibility_key, category, procurement_type, cpv, decision, status, award_from, "
    "award_to, buyers, quantity, value_rappen, procedure, international, estimated_savings_rappen, reasons, version, "
    "created_at, updated_at) VALUES (:run_id, :tender, :compatibility_key, :category, :procurement_type, :cpv, :decision, "
    "'proposed', :award_from, :award_to, :buyers, :quantity, :value_rappen, :procedure, :international, "
    ":estimated_savings_rappen, :reasons, 1, :created_at, :updated_at) RETURNING id";
constexpr const char* insert_member =
    "INSERT INTO bundle_members (bundle_id, intent_id, organisation_id, quantity, value_rappen, lead, own_procedure) "
    "VALUES (:bundle_id, :intent_id, :organisation_id, :quantity, :value_rappen, :lead, :own_procedure)";
constexpr const char* insert_flag =
    "INSERT INTO flags (run_id, intent_id, organisation_id, code, message, details) "
    "VALUES (:run_id, :intent_id, :organisation_id, :code, :message, :details)";
constexpr const char* bundle_columns =
    "b.id, b.run_id, b.status, b.version, b.tender, b.compatibility_key, b.category, b.procurement_type, b.cpv, b.decision, "
    "b.award_from, b.award_to, b.buyers, b.quantity, b.value_rappen, b.procedure, b.international, "
    "b.estimated_savings_rappen, b.reasons";

struct bundle_row {
  long long id = 0, run = 0, quantity = 0, amount = 0, savings = 0;
  int version = 0, buyers = 0, international = 0;
  std::string status, tender, key, category, type, cpv, decision, from, to, procedure, reasons;

  void into(soci::details::prepare_temp_type& s) {
    s, soci::into(id), soci::into(run), soci::into(status), soci::into(version), soci::into(tender), soci::into(key),
        soci::into(category), soci::into(type), soci::into(cpv), soci::into(decision), soci::into(from), soci::into(to),
        soci::into(buyers), soci::into(quantity), soci::into(amount), soci::into(procedure), soci::into(international),
        soci::into(savings), soci::into(reasons);
  }

  bundle_record value() const {
    bundle_record r{id, run, status, version, {}};
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
  long long intent = 0, quantity = 0, amount = 0;
  int lead = 0;
  std::string organisation, own_procedure;

  void into(soci::details::prepare_temp_type& s) {
    s, soci::into(intent), soci::into(organisation), soci::into(quantity), soci::into(amount), soci::into(lead),
        soci::into(own_procedure);
  }
  engine::member value() const {
    return {intent, organisation, quantity, amount, lead == 1, engine::parse_procedure(own_procedure).value_or(engine::procedure::open)};
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

void attach_members(soci::session& session, std::vector<bundle_record>& bundles) {
  for (auto& b : bundles) {
    b.tender.members = select_rows<member_row>(
        session,
        "SELECT intent_id, organisation_id, quantity, value_rappen, lead, own_procedure FROM bundle_members "
        "WHERE bundle_id = :id ORDER BY intent_id",
        [&](auto& s) { s, soci::use(b.id, "id"); });
  }
}

}  // namespace

run_record create_run(database& db, const catalog::reference_data& reference, const std::string& actor) {
  const std::string started_at = utc_timestamp_now();
  engine::bundling_input input{{}, {}, reference.thresholds, reference.costs};
  db.with_session([&](soci::session& session) {
    transaction snapshot{session, transaction::kind::snapshot_read};
    input.items = catalog::engine_terms(all_items(session));
    for (const auto& record : submitted_intents(session)) {
      const auto& f = record.fields;
      input.intents.push_back({record.id, f.organisation, f.item, f.quantity, f.unit_price, f.earliest, f.latest, f.contract_years});
    }
    snapshot.commit();
  });
  const auto result = engine::run_bundling(input);
  const std::string finished_at = utc_timestamp_now();
  const std::string summary = boost::json::serialize(catalog::summary_json(result.summary));

  return db.with_session([&](soci::session& session) {
    transaction tx{session};
    run_record run{0, actor, started_at, finished_at, static_cast<long long>(input.intents.size()), summary};
    session << insert_run, soci::use(actor, "created_by"), soci::use(started_at, "started_at"),
        soci::use(finished_at, "finished_at"), soci::use(run.intents, "intent_count"), soci::use(summary, "summary"),
        soci::into(run.id);

    // The prepared statements live in this block: SQLite commits only once they are finalised (an
    // INSERT … RETURNING stays "in progress" after its row is read).
    {
    long long bundle_id = 0, intent_id = 0, quantity = 0, value = 0, savings = 0;
    int buyers = 0, international = 0, lead = 0;
    std::string tender, key, category, type, cpv, decision, from, to, procedure, reasons, organisation, own_procedure;
    soci::statement bundle_insert =
        (session.prepare << insert_bundle, soci::use(run.id, "run_id"), soci::use(tender, "tender"),
         soci::use(key, "compatibility_key"), soci::use(category, "category"), soci::use(type, "procurement_type"),
         soci::use(cpv, "cpv"), soci::use(decision, "decision"), soci::use(from, "award_from"), soci::use(to, "award_to"),
         soci::use(buyers, "buyers"), soci::use(quantity, "quantity"), soci::use(value, "value_rappen"),
         soci::use(procedure, "procedure"), soci::use(international, "international"),
         soci::use(savings, "estimated_savings_rappen"), soci::use(reasons, "reasons"), soci::use(finished_at, "created_at"),
         soci::use(finished_at, "updated_at"), soci::into(bundle_id));
    soci::statement member_insert =
        (session.prepare << insert_member, soci::use(bundle_id, "bundle_id"), soci::use(intent_id, "intent_id"),
         soci::use(organisation, "organisation_id"), soci::use(quantity, "quantity"), soci::use(value, "value_rappen"),
         soci::use(lead, "lead"), soci::use(own_procedure, "own_procedure"));
    for (const auto& b : result.bundles) {
      tender = b.id;
      key = b.compatibility_key;
      category = engine::to_string(b.category);
      type = engine::to_string(b.procurement_type);
      cpv = b.cpv;
      decision = engine::to_string(b.decision);
      from = engine::format_iso_date(b.award_from);
      to = engine::format_iso_date(b.award_to);
      buyers = b.buyers;
      quantity = b.quantity;
      value = b.value;
      procedure = engine::to_string(b.procedure);
      international = b.international ? 1 : 0;
      savings = b.estimated_savings;
      boost::json::array stored;
      for (const auto& r : b.reasons) stored.push_back(catalog::reason_to_storage(r));
      reasons = boost::json::serialize(stored);
      bundle_insert.execute(true);
      for (const auto& m : b.members) {
        intent_id = m.intent;
        organisation = m.organisation;
        quantity = m.quantity;
        value = m.value;
        lead = m.lead ? 1 : 0;
        own_procedure = engine::to_string(m.own_procedure);
        member_insert.execute(true);
      }
    }
    std::string code, message, details;
    soci::statement flag_insert =
        (session.prepare << insert_flag, soci::use(run.id, "run_id"), soci::use(intent_id, "intent_id"),
         soci::use(organisation, "organisation_id"), soci::use(code, "code"), soci::use(message, "message"),
         soci::use(details, "details"));
    for (const auto& f : result.flags) {
      intent_id = f.intent;
      organisation = f.organisation;
      code = f.reason.code;
      message = engine::describe(f.reason, engine::language::en);
      details = boost::json::serialize(catalog::reason_to_storage(f.reason));
      flag_insert.execute(true);
    }
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

std::optional<bundle_record> find_bundle(database& db, long long id) {
  return db.with_session([&](soci::session& session) -> std::optional<bundle_record> {
    auto bundles = select_rows<bundle_row>(session, "SELECT " + std::string{bundle_columns} + " FROM bundles b WHERE b.id = :id",
                                           [&](auto& s) { s, soci::use(id, "id"); });
    if (bundles.empty()) return std::nullopt;
    attach_members(session, bundles);
    return bundles.front();
  });
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
