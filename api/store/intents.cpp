#include "api/store/intents.hpp"

#include <algorithm>
#include <stdexcept>
#include <string_view>

#include <boost/json.hpp>

#include "api/store/audit_log.hpp"
#include "api/store/catalog_items.hpp"
#include "api/store/organisations.hpp"
#include "api/store/paging.hpp"
#include "api/store/row_select.hpp"
#include "api/store/timestamps.hpp"
#include "api/store/transaction.hpp"
#include "catalog/json_text.hpp"
#include "engine/contract_value.hpp"

namespace jointbuy::store {

namespace {

constexpr const char* intent_columns =
    "n.id, n.organisation_id, n.item_id, n.quantity, n.unit_price_rappen, n.earliest, n.latest, n.contract_years, "
    "n.note, n.status, n.version, n.created_at, n.updated_at, i.reference_price_rappen, i.billing, "
    "i.default_contract_years, i.category, COALESCE(n.campaign_id, 0), COALESCE(n.call_off_id, 0)";
constexpr const char* insert_intent =
    "INSERT INTO intents (organisation_id, item_id, quantity, unit_price_rappen, earliest, latest, contract_years, note, "
    "status, version, created_by, idempotency_key, request_sha256, created_at, updated_at, campaign_id) VALUES (:organisation_id, "
    ":item_id, :quantity, :unit_price_rappen, :earliest, :latest, :contract_years, :note, 'submitted', 1, :created_by, "
    ":idempotency_key, :request_sha256, :created_at, :updated_at, :campaign_id) RETURNING id";
// PostgreSQL: the intent and its audit record in one statement, one round trip, atomic without
// BEGIN and COMMIT. The audit text is the record's with its id, which only the insert knows, put
// between the text before and after it.
constexpr const char* insert_intent_audited =
    "WITH n AS (INSERT INTO intents (organisation_id, item_id, quantity, unit_price_rappen, earliest, latest, contract_years, "
    "note, status, version, created_by, idempotency_key, request_sha256, created_at, updated_at, campaign_id) VALUES "
    "(:organisation_id, :item_id, :quantity, :unit_price_rappen, :earliest, :latest, :contract_years, :note, 'submitted', 1, "
    ":created_by, :idempotency_key, :request_sha256, :created_at, :updated_at, :campaign_id) RETURNING id), "
    "a AS (INSERT INTO audit_log (occurred_at, actor, action, entity, entity_id, before_state, after_state) "
    "SELECT :occurred_at, :actor, 'create', 'intent', CAST(id AS TEXT), NULL, :audit_head || CAST(id AS TEXT) || :audit_tail "
    "FROM n) SELECT id FROM n";
constexpr const char* update_intent_row =
    "UPDATE intents SET organisation_id = :organisation_id, item_id = :item_id, quantity = :quantity, "
    "unit_price_rappen = :unit_price_rappen, earliest = :earliest, latest = :latest, contract_years = :contract_years, "
    "note = :note, version = version + 1, updated_at = :updated_at WHERE id = :id AND version = :expected_version";
constexpr const char* withdraw_intent_row =
    "UPDATE intents SET status = 'withdrawn', version = version + 1, updated_at = :updated_at "
    "WHERE id = :id AND version = :expected_version";
constexpr const char* select_by_idempotency_key =
    "SELECT id, COALESCE(request_sha256, '') FROM intents WHERE created_by = :created_by AND idempotency_key = :idempotency_key";

// The bound columns of one intent row, with the item's terms needed for its value.
struct intent_row {
  long long id = 0, quantity = 0, unit_price = 0, reference_price = 0, campaign = 0, call_off = 0;
  std::string organisation, item, earliest, latest, note, status, created_at, updated_at, billing, category;
  int contract_years = 0, default_years = 0, version = 0;
  soci::indicator price_null = soci::i_null, years_null = soci::i_null, default_years_null = soci::i_null;

  void into(row_statement& statement) {
    statement, soci::into(id), soci::into(organisation), soci::into(item), soci::into(quantity),
        soci::into(unit_price, price_null), soci::into(earliest), soci::into(latest), soci::into(contract_years, years_null),
        soci::into(note), soci::into(status), soci::into(version), soci::into(created_at), soci::into(updated_at),
        soci::into(reference_price), soci::into(billing), soci::into(default_years, default_years_null),
        soci::into(category), soci::into(campaign), soci::into(call_off);
  }

  intent_record value() const {
    intent_record record;
    record.id = id;
    auto& f = record.fields;
    f.organisation = organisation;
    f.item = item;
    f.quantity = quantity;
    if (price_null == soci::i_ok) f.unit_price = unit_price;
    // PostgreSQL DATE reads back as ISO text; both backends store the same form.
    f.earliest = engine::parse_iso_date(earliest.substr(0, 10)).value_or(engine::date{});
    f.latest = engine::parse_iso_date(latest.substr(0, 10)).value_or(engine::date{});
    if (years_null == soci::i_ok) f.contract_years = contract_years;
    f.note = note;
    record.status = status;
    if (campaign != 0) record.campaign = campaign;
    if (call_off != 0) record.call_off = call_off;
    record.version = version;
    record.created_at = created_at;
    record.updated_at = updated_at;
    record.category = engine::parse_category(category).value_or(engine::category::hardware);
    const auto how = engine::parse_billing(billing).value_or(engine::billing::one_time);
    const auto default_contract_years = default_years_null == soci::i_ok ? std::optional{default_years} : std::nullopt;
    record.value =
        engine::purchase_value(quantity, f.unit_price, reference_price, how, f.contract_years, default_contract_years).value_or(0);
    return record;
  }
};

// The bound values of an insert or update.
struct intent_values {
  std::string organisation, item, earliest, latest, note;
  long long quantity = 0, unit_price = 0;
  int contract_years = 0;
  soci::indicator price_null = soci::i_null, years_null = soci::i_null;

  explicit intent_values(const catalog::intent_draft& f)
      : organisation(f.organisation), item(f.item), earliest(engine::format_iso_date(f.earliest)),
        latest(engine::format_iso_date(f.latest)), note(f.note), quantity(f.quantity) {
    if (f.unit_price) {
      unit_price = *f.unit_price;
      price_null = soci::i_ok;
    }
    if (f.contract_years) {
      contract_years = *f.contract_years;
      years_null = soci::i_ok;
    }
  }
};

std::vector<intent_record> select_intents(soci::session& session, const std::string& where, const statement_binder& bind) {
  return select_rows<intent_row>(
      session, "SELECT " + std::string{intent_columns} + " FROM intents n JOIN catalog_items i ON i.id = n.item_id " + where,
      bind);
}

std::optional<intent_record> select_intent(soci::session& session, long long id) {
  auto found = select_intents(session, "WHERE n.id = :id", [&](auto& statement) { statement, soci::use(id, "id"); });
  if (found.empty()) return std::nullopt;
  return found.front();
}

// The intent as the audit log keeps it: fixed here, whatever the API shows.
std::string audit_text(const intent_record& record) {
  const auto& f = record.fields;
  boost::json::object object{{"id", record.id},
                             {"organisation", f.organisation},
                             {"item", f.item},
                             {"category", engine::to_string(record.category)},
                             {"quantity", f.quantity},
                             {"earliest", engine::format_iso_date(f.earliest)},
                             {"latest", engine::format_iso_date(f.latest)},
                             {"note", f.note},
                             {"status", record.status},
                             {"value_chf", engine::chf_from_rappen(record.value)},
                             {"version", record.version},
                             {"created_at", record.created_at},
                             {"updated_at", record.updated_at}};
  object["unit_price_chf"] = f.unit_price ? boost::json::value(engine::chf_from_rappen(*f.unit_price)) : nullptr;
  object["contract_years"] = f.contract_years ? boost::json::value(*f.contract_years) : nullptr;
  object["call_off"] = record.call_off ? boost::json::value(*record.call_off) : nullptr;
  return catalog::json_text(object);
}

// The record of a new intent as the store writes it (status submitted, version 1), without reading it back.
intent_record new_record(long long id, const catalog::intent_draft& fields, const catalog::item_terms& terms, const std::string& now) {
  intent_record record;
  record.id = id;
  record.fields = fields;
  record.status = "submitted";
  record.version = 1;
  record.created_at = now;
  record.updated_at = now;
  record.category = terms.category;
  record.value = engine::purchase_value(fields.quantity, fields.unit_price, terms.reference_price, terms.billing,
                                        fields.contract_years, terms.default_contract_years)
                     .value_or(0);
  return record;
}

// The bound values of a new intent's row: its fields, who created it when, and its key.
struct new_intent_values {
  new_intent_values(const catalog::intent_draft& fields, const std::string& actor, const std::string& now,
                    const std::optional<std::string>& idempotency_key, const std::string& request_hash,
                    std::optional<long long> campaign)
      : v(fields), actor(actor), now(now), key(idempotency_key.value_or("")), request_hash(request_hash),
        campaign_id(campaign.value_or(0)), key_null(idempotency_key ? soci::i_ok : soci::i_null),
        hash_null(key_null), campaign_null(campaign ? soci::i_ok : soci::i_null) {}

  template <class Statement>
  void bind(Statement& s) {
    s, soci::use(v.organisation, "organisation_id"), soci::use(v.item, "item_id"), soci::use(v.quantity, "quantity"),
        soci::use(v.unit_price, v.price_null, "unit_price_rappen"), soci::use(v.earliest, "earliest"),
        soci::use(v.latest, "latest"), soci::use(v.contract_years, v.years_null, "contract_years"), soci::use(v.note, "note"),
        soci::use(actor, "created_by"), soci::use(key, key_null, "idempotency_key"),
        soci::use(request_hash, hash_null, "request_sha256"), soci::use(now, "created_at"), soci::use(now, "updated_at"),
        soci::use(campaign_id, campaign_null, "campaign_id");
  }

  intent_values v;
  const std::string& actor;
  const std::string& now;
  std::string key, request_hash;
  long long campaign_id;
  soci::indicator key_null, hash_null, campaign_null;
};

long long insert(soci::session& session, const catalog::intent_draft& fields, const std::string& actor,
                 const std::optional<std::string>& idempotency_key, const std::string& request_hash, const std::string& now,
                 std::optional<long long> campaign = std::nullopt) {
  new_intent_values row{fields, actor, now, idempotency_key, request_hash, campaign};
  long long id = 0;
  {
    auto statement = (session << insert_intent, soci::into(id));
    row.bind(statement);
  }  // runs here
  return id;
}

// PostgreSQL: inserts the intent and its audit record in one statement; returns the new record.
intent_record insert_audited(soci::session& session, const catalog::intent_draft& fields, const catalog::item_terms& terms,
                             const std::string& actor, const std::optional<std::string>& idempotency_key,
                             const std::string& request_hash) {
  const std::string now = utc_timestamp_now();
  auto record = new_record(0, fields, terms, now);
  // The audit text with id 0 starts with {"id":0, and is split there: the statement puts the id between.
  const std::string text = audit_text(record);
  constexpr std::string_view zero_id = R"({"id":0)";
  if (text.compare(0, zero_id.size(), zero_id) != 0) throw std::logic_error("the audit text of an intent must start with its id");
  const std::string head = R"({"id":)";
  const std::string tail = text.substr(zero_id.size());
  new_intent_values row{fields, actor, now, idempotency_key, request_hash, std::nullopt};
  {
    auto statement = (session << insert_intent_audited, soci::use(now, "occurred_at"), soci::use(actor, "actor"),
                      soci::use(head, "audit_head"), soci::use(tail, "audit_tail"), soci::into(record.id));
    row.bind(statement);
  }  // runs here
  return record;
}

}  // namespace

create_result create_intent(soci::session& session, const catalog::intent_draft& fields, const catalog::item_terms& terms,
                            const std::string& actor, const std::optional<std::string>& idempotency_key,
                            const std::string& request_hash) {
  const auto replay = [&]() -> std::optional<create_result> {
    if (!idempotency_key) return std::nullopt;
    long long id = 0;
    std::string stored_hash;
    session << select_by_idempotency_key, soci::use(actor, "created_by"), soci::use(*idempotency_key, "idempotency_key"),
        soci::into(id), soci::into(stored_hash);
    if (!session.got_data()) return std::nullopt;
    if (stored_hash != request_hash) {
      throw conflict(conflict::reason::idempotency_key_reused, std::nullopt,
                     "the Idempotency-Key was used for a different request");
    }
    return create_result{*select_intent(session, id), true};
  };
  try {
    if (session.get_backend_name() == "postgresql") {
      // Without a key: one statement, one round trip. With one: a look for an earlier request first;
      // a concurrent one with the same key that wins the race makes the insert fail on the key's
      // unique index, and the catch below answers with its intent.
      if (auto earlier = replay()) return *earlier;
      return create_result{insert_audited(session, fields, terms, actor, idempotency_key, request_hash), false};
    }
    transaction tx{session};
    if (auto earlier = replay()) return *earlier;
    const std::string now = utc_timestamp_now();
    const auto record = new_record(insert(session, fields, actor, idempotency_key, request_hash, now), fields, terms, now);
    append_audit(session, {actor, "create", "intent", std::to_string(record.id), std::nullopt, audit_text(record)});
    tx.commit();
    return create_result{record, false};
  } catch (...) {
    // A concurrent request with the same key won the race: answer with its intent. Every other
    // failure goes on as it was.
    if (idempotency_key && key_taken(std::current_exception())) {
      if (auto earlier = replay()) return *earlier;
    }
    throw;
  }
}

create_result create_intent(database& db, const catalog::intent_draft& fields, const std::string& actor,
                            const std::optional<std::string>& idempotency_key, const std::string& request_hash) {
  return db.with_session([&](soci::session& session) {
    const auto item = find_item(session, fields.item);
    if (!item) throw std::invalid_argument("create_intent: unknown catalogue item " + fields.item);
    return create_intent(session, fields, catalog::terms_of(*item), actor, idempotency_key, request_hash);
  });
}

std::optional<import_receipt> earlier_import(soci::session& session, const std::string& actor, const std::string& idempotency_key,
                                             const std::string& request_hash) {
  std::string stored_hash, ids;
  long long value = 0;
  session << "SELECT request_sha256, intent_ids, value_rappen FROM intent_imports WHERE created_by = :created_by "
             "AND idempotency_key = :idempotency_key",
      soci::use(actor, "created_by"), soci::use(idempotency_key, "idempotency_key"), soci::into(stored_hash), soci::into(ids),
      soci::into(value);
  if (!session.got_data()) return std::nullopt;
  if (stored_hash != request_hash) {
    throw conflict(conflict::reason::idempotency_key_reused, std::nullopt, "the Idempotency-Key was used for a different import");
  }
  import_receipt receipt{{}, value, true};
  for (std::size_t start = 0; start < ids.size();) {
    const auto end = std::min(ids.find(',', start), ids.size());
    receipt.ids.push_back(std::stoll(ids.substr(start, end - start)));
    start = end + 1;
  }
  return receipt;
}

import_receipt import_intents(soci::session& session, const std::vector<catalog::intent_draft>& drafts, const std::string& actor,
                              const std::optional<std::string>& idempotency_key, const std::string& request_hash) {
  try {
    transaction tx{session};
    import_receipt receipt;
    std::string ids;
    for (const auto& draft : drafts) {
      const auto id = insert(session, draft, actor, std::nullopt, "", utc_timestamp_now());
      const auto record = *select_intent(session, id);
      append_audit(session, {actor, "import", "intent", std::to_string(id), std::nullopt, audit_text(record)});
      receipt.ids.push_back(id);
      receipt.value += record.value;
      ids.append(ids.empty() ? "" : ",").append(std::to_string(id));
    }
    if (idempotency_key) {
      const std::string now = utc_timestamp_now();
      const long long value = receipt.value;
      session << "INSERT INTO intent_imports (created_by, idempotency_key, request_sha256, intent_ids, value_rappen, created_at) "
                 "VALUES (:created_by, :idempotency_key, :request_sha256, :intent_ids, :value_rappen, :created_at)",
          soci::use(actor, "created_by"), soci::use(*idempotency_key, "idempotency_key"), soci::use(request_hash, "request_sha256"),
          soci::use(ids, "intent_ids"), soci::use(value, "value_rappen"), soci::use(now, "created_at");
    }
    tx.commit();
    return receipt;
  } catch (...) {
    // A concurrent import with the same key committed first: its receipt is the answer.
    if (idempotency_key && key_taken(std::current_exception())) {
      if (auto earlier = earlier_import(session, actor, *idempotency_key, request_hash)) return *earlier;
    }
    throw;
  }
}

catalog::intake_lookups intake_lookups_in(soci::session& session) {
  return {[&session](const std::string& id) { return find_item(session, id); },
          [&session](const std::string& id) { return find_organisation(session, id).has_value(); },
          [&session](const std::string& name) { return item_named(session, name); }};
}

std::vector<intent_record> submitted_intents(soci::session& session) {
  return select_intents(session, "WHERE n.status = 'submitted' AND n.campaign_id IS NULL AND n.call_off_id IS NULL ORDER BY n.id", [](auto&) {});
}

std::vector<intent_record> campaign_intents(soci::session& session, long long campaign) {
  return select_intents(session, "WHERE n.status = 'submitted' AND n.campaign_id = :campaign AND n.call_off_id IS NULL ORDER BY n.id",
                        [&](auto& s) { s, soci::use(campaign, "campaign"); });
}

std::vector<long long> add_answer_intents(soci::session& session, long long campaign, const std::string& organisation,
                                          const std::vector<catalog::intent_draft>& drafts, const std::string& actor) {
  // The earlier answer's intents make way for the new answer; they stay on record, withdrawn.
  const std::string now = utc_timestamp_now();
  for (const auto& before : select_intents(session,
                                           "WHERE n.status = 'submitted' AND n.campaign_id = :campaign AND n.organisation_id = :organisation ORDER BY n.id",
                                           [&](auto& s) { s, soci::use(campaign, "campaign"), soci::use(organisation, "organisation"); })) {
    session << withdraw_intent_row, soci::use(now, "updated_at"), soci::use(before.id, "id"), soci::use(before.version, "expected_version");
    const auto after = *select_intent(session, before.id);
    append_audit(session, {actor, "withdraw", "intent", std::to_string(before.id), audit_text(before), audit_text(after)});
  }
  std::vector<long long> ids;
  for (const auto& draft : drafts) {
    const auto id = insert(session, draft, actor, std::nullopt, "", utc_timestamp_now(), campaign);
    append_audit(session, {actor, "create", "intent", std::to_string(id), std::nullopt, audit_text(*select_intent(session, id))});
    ids.push_back(id);
  }
  return ids;
}

std::optional<intent_record> find_intent(soci::session& session, long long id) { return select_intent(session, id); }

std::optional<intent_record> find_intent(database& db, long long id) {
  return db.with_session([&](soci::session& session) { return select_intent(session, id); });
}

intent_page list_intents(database& db, const intent_filter& filter) {
  return db.with_session([&](soci::session& session) {
    const std::string organisation = filter.organisation.value_or("");
    const std::string item = filter.item.value_or("");
    const std::string category = filter.category ? std::string{engine::to_string(*filter.category)} : "";
    const std::string status = filter.status.value_or("");
    // Open ends as dates, not as "no filter" flags: PostgreSQL converts every date parameter.
    const std::string from = filter.from ? engine::format_iso_date(*filter.from) : "0001-01-01";
    const std::string to = filter.to ? engine::format_iso_date(*filter.to) : "9999-12-31";
    return fetch_page(filter.limit, [&](int fetch) {
      return select_intents(
          session,
          "WHERE n.id > :after AND (:any_organisation = '' OR n.organisation_id = :organisation) "
          "AND (:any_item = '' OR n.item_id = :item) AND (:any_category = '' OR i.category = :category) "
          "AND (:any_status = '' OR n.status = :status) "
          "AND n.latest >= :from_date AND n.earliest <= :to_date "
          "ORDER BY n.id LIMIT :limit",
          [&](auto& statement) {
            statement, soci::use(filter.after, "after"), soci::use(organisation, "any_organisation"),
                soci::use(organisation, "organisation"), soci::use(item, "any_item"), soci::use(item, "item"),
                soci::use(category, "any_category"), soci::use(category, "category"), soci::use(status, "any_status"),
                soci::use(status, "status"), soci::use(from, "from_date"), soci::use(to, "to_date"),
                soci::use(fetch, "limit");
          });
    }, [](const auto& record) { return std::to_string(record.id); });
  });
}

namespace {

// The intent `id` at `expected_version` (when given), read inside the caller's transaction.
intent_record intent_at_version(soci::session& session, long long id, std::optional<int> expected_version) {
  auto before = select_intent(session, id);
  if (!before) throw not_found({record::intent, std::to_string(id)});
  if (before->campaign) throw conflict(conflict::reason::campaign_answer, record_ref{record::intent, std::to_string(id)}, "part of a campaign's answer");
  if (before->call_off) throw conflict(conflict::reason::called_off, record_ref{record::intent, std::to_string(id)}, "bought by a call-off");
  if (expected_version && before->version != *expected_version) {
    throw stale_version({record::intent, std::to_string(id)}, *expected_version, before->version);
  }
  return *before;
}

}  // namespace

intent_record update_intent(soci::session& session, long long id, const catalog::intent_draft& fields, int expected_version,
                            const std::string& actor) {
  transaction tx{session};
  const auto before = intent_at_version(session, id, expected_version);
  if (before.status == "withdrawn") {
    throw conflict(conflict::reason::withdrawn, record_ref{record::intent, std::to_string(id)}, "the intent is withdrawn");
  }
  intent_values v{fields};
  const std::string now = utc_timestamp_now();
  soci::statement update =
      (session.prepare << update_intent_row, soci::use(v.organisation, "organisation_id"), soci::use(v.item, "item_id"),
       soci::use(v.quantity, "quantity"), soci::use(v.unit_price, v.price_null, "unit_price_rappen"),
       soci::use(v.earliest, "earliest"), soci::use(v.latest, "latest"),
       soci::use(v.contract_years, v.years_null, "contract_years"), soci::use(v.note, "note"), soci::use(now, "updated_at"),
       soci::use(id, "id"), soci::use(expected_version, "expected_version"));
  update.execute(true);
  if (update.get_affected_rows() == 0) throw stale_version({record::intent, std::to_string(id)}, expected_version, 0);
  auto after = *select_intent(session, id);
  append_audit(session, {actor, "update", "intent", std::to_string(id), audit_text(before), audit_text(after)});
  tx.commit();
  return after;
}

intent_record withdraw_intent(soci::session& session, long long id, std::optional<int> expected_version,
                              const std::string& actor) {
  transaction tx{session};
  const auto before = intent_at_version(session, id, expected_version);
  if (before.status == "withdrawn") return before;
  const std::string now = utc_timestamp_now();
  soci::statement withdraw = (session.prepare << withdraw_intent_row, soci::use(now, "updated_at"), soci::use(id, "id"),
                              soci::use(before.version, "expected_version"));
  withdraw.execute(true);
  if (withdraw.get_affected_rows() == 0) throw stale_version({record::intent, std::to_string(id)}, before.version, 0);
  auto after = *select_intent(session, id);
  append_audit(session, {actor, "withdraw", "intent", std::to_string(id), audit_text(before), audit_text(after)});
  tx.commit();
  return after;
}

}  // namespace jointbuy::store
