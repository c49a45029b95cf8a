#include "api/store/bundle_writer.hpp"

#include <boost/json.hpp>

#include "api/store/timestamps.hpp"
#include "catalog/bundling_json.hpp"
#include "catalog/json_text.hpp"

namespace jointbuy::store {

namespace {

constexpr const char* insert_bundle =
    "INSERT INTO bundles (run_id, tender, compatibility_key, category, procurement_type, cpv, decision, status, award_from, "
    "award_to, buyers, quantity, value_rappen, procedure, international, estimated_savings_rappen, reasons, version, "
    "created_at, updated_at) VALUES (:run_id, :tender, :compatibility_key, :category, :procurement_type, :cpv, :decision, "
    ":status, :award_from, :award_to, :buyers, :quantity, :value_rappen, :procedure, :international, "
    ":estimated_savings_rappen, :reasons, 1, :created_at, :updated_at) RETURNING id";
constexpr const char* insert_member =
    "INSERT INTO bundle_members (bundle_id, intent_id, organisation_id, quantity, value_rappen, lead, own_procedure, "
    "intent_version) VALUES (:bundle_id, :intent_id, :organisation_id, :quantity, :value_rappen, :lead, :own_procedure, "
    ":intent_version)";
constexpr const char* insert_flag =
    "INSERT INTO flags (run_id, intent_id, organisation_id, code, message, details) "
    "VALUES (:run_id, :intent_id, :organisation_id, :code, :message, :details)";

}  // namespace

std::string stored_reasons(const engine::bundle& tender) {
  boost::json::array stored;
  for (const auto& r : tender.reasons) stored.push_back(catalog::reason_to_storage(r));
  return catalog::json_text(stored);
}

bundle_writer::bundle_writer(soci::session& session, long long run, const std::map<long long, int>& intent_versions)
    : intent_versions_(intent_versions),
      run_(run),
      now_(utc_timestamp_now()),
      bundle_insert_(
          (session.prepare << insert_bundle, soci::use(run_, "run_id"), soci::use(tender_, "tender"),
           soci::use(key_, "compatibility_key"), soci::use(category_, "category"), soci::use(type_, "procurement_type"),
           soci::use(cpv_, "cpv"), soci::use(decision_, "decision"), soci::use(status_, "status"),
           soci::use(from_, "award_from"), soci::use(to_, "award_to"), soci::use(buyers_, "buyers"),
           soci::use(quantity_, "quantity"), soci::use(value_, "value_rappen"), soci::use(procedure_, "procedure"),
           soci::use(international_, "international"), soci::use(savings_, "estimated_savings_rappen"),
           soci::use(reasons_, "reasons"), soci::use(now_, "created_at"), soci::use(now_, "updated_at"),
           soci::into(bundle_id_))),
      member_insert_((session.prepare << insert_member, soci::use(bundle_id_, "bundle_id"), soci::use(intent_id_, "intent_id"),
                      soci::use(organisation_, "organisation_id"), soci::use(quantity_, "quantity"),
                      soci::use(value_, "value_rappen"), soci::use(lead_, "lead"), soci::use(own_procedure_, "own_procedure"),
                      soci::use(intent_version_, "intent_version"))),
      flag_insert_((session.prepare << insert_flag, soci::use(run_, "run_id"), soci::use(intent_id_, "intent_id"),
                    soci::use(organisation_, "organisation_id"), soci::use(code_, "code"), soci::use(message_, "message"),
                    soci::use(details_, "details"))) {}

long long bundle_writer::insert(const engine::bundle& b, const std::string& status) {
  tender_ = b.id;
  key_ = b.compatibility_key;
  category_ = engine::to_string(b.category);
  type_ = engine::to_string(b.procurement_type);
  cpv_ = b.cpv;
  decision_ = engine::to_string(b.verdict);
  status_ = status;
  from_ = engine::format_iso_date(b.award_from);
  to_ = engine::format_iso_date(b.award_to);
  buyers_ = b.buyers;
  quantity_ = b.quantity;
  value_ = b.value;
  procedure_ = engine::to_string(b.procedure);
  international_ = b.international ? 1 : 0;
  savings_ = b.estimated_savings;
  reasons_ = stored_reasons(b);
  bundle_insert_.execute(true);
  insert_members(bundle_id_, b);
  return bundle_id_;
}

void bundle_writer::insert_members(long long bundle, const engine::bundle& b) {
  bundle_id_ = bundle;
  for (const auto& m : b.members) {
    intent_id_ = m.intent;
    organisation_ = m.organisation;
    quantity_ = m.quantity;
    value_ = m.value;
    lead_ = m.lead ? 1 : 0;
    own_procedure_ = engine::to_string(m.own_procedure);
    const auto version = intent_versions_.find(m.intent);
    intent_version_ = version == intent_versions_.end() ? 0 : version->second;
    member_insert_.execute(true);
  }
}

void bundle_writer::insert(const engine::flag& f) {
  intent_id_ = f.intent;
  organisation_ = f.organisation;
  code_ = f.reason.code;
  message_ = engine::describe(f.reason, engine::language::en);
  details_ = catalog::json_text(catalog::reason_to_storage(f.reason));
  flag_insert_.execute(true);
}

}  // namespace jointbuy::store
