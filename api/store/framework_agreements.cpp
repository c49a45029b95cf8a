#include "api/store/framework_agreements.hpp"

#include <boost/json.hpp>

#include "api/store/audit_log.hpp"
#include "api/store/catalog_items.hpp"
#include "api/store/errors.hpp"
#include "api/store/events.hpp"
#include "api/store/intents.hpp"
#include "api/store/row_select.hpp"
#include "api/store/timestamps.hpp"
#include "api/store/transaction.hpp"
#include "catalog/json_text.hpp"
#include "engine/contract_value.hpp"

namespace jointbuy::store {

namespace {

constexpr const char* agreement_columns =
    "SELECT id, title, supplier, source, legal_basis, reference, valid_from, valid_to, justification, eligible, ceiling_rappen, "
    "COALESCE(ceiling_quantity, 0), consumed_rappen, consumed_quantity, version, COALESCE(tender_id, 0) FROM framework_agreements ";
constexpr const char* call_off_columns =
    "SELECT id, agreement_id, organisation_id, item_id, quantity, unit_price_rappen, value_rappen, call_off_date, "
    "COALESCE(intent_id, 0), created_by, created_at FROM call_offs ";

// The share of the ceiling at which the coordinators are told (per mille, integer arithmetic).
constexpr long long alert_per_mille = 800;

engine::date day_of(const std::string& stored) { return engine::parse_iso_date(stored.substr(0, 10)).value_or(engine::date{}); }

struct agreement_row {
  long long id = 0, ceiling = 0, ceiling_quantity = 0, consumed = 0, consumed_quantity = 0, tender = 0;
  std::string title, supplier, source, legal_basis, reference, valid_from, valid_to, justification, eligible;
  int version = 0;

  void into(row_statement& s) {
    s, soci::into(id), soci::into(title), soci::into(supplier), soci::into(source), soci::into(legal_basis), soci::into(reference),
        soci::into(valid_from), soci::into(valid_to), soci::into(justification), soci::into(eligible), soci::into(ceiling),
        soci::into(ceiling_quantity), soci::into(consumed), soci::into(consumed_quantity), soci::into(version),
        soci::into(tender);
  }
  catalog::framework_agreement value() const {
    catalog::framework_agreement a;
    a.id = id;
    a.title = title;
    a.supplier = supplier;
    a.source = catalog::parse_agreement_source(source).value_or(catalog::agreement_source::own_tender);
    a.legal_basis = legal_basis;
    a.reference = reference;
    a.valid_from = day_of(valid_from);
    a.valid_to = day_of(valid_to);
    a.justification = justification;
    a.all_eligible = eligible == "all";
    if (!a.all_eligible) {
      const auto list = boost::json::parse(eligible);
      for (const auto& o : list.as_array()) a.eligible.emplace_back(o.as_string());
    }
    a.ceiling = ceiling;
    if (ceiling_quantity > 0) a.ceiling_quantity = ceiling_quantity;
    a.consumed = consumed;
    a.consumed_quantity = consumed_quantity;
    a.version = version;
    if (tender != 0) a.tender = tender;
    return a;
  }
};

struct price_row {
  long long agreement = 0, price = 0;
  std::string item, valid_from;
  void into(row_statement& s) { s, soci::into(agreement), soci::into(item), soci::into(valid_from), soci::into(price); }
  std::pair<long long, engine::agreement_price> value() const { return {agreement, {item, day_of(valid_from), price}}; }
};

struct call_off_row {
  call_off_record r;
  long long intent = 0;
  void into(row_statement& s) {
    s, soci::into(r.id), soci::into(r.agreement), soci::into(r.organisation), soci::into(r.item), soci::into(r.quantity),
        soci::into(r.unit_price), soci::into(r.value), soci::into(r.date), soci::into(intent), soci::into(r.created_by),
        soci::into(r.created_at);
  }
  call_off_record value() const {
    auto v = r;
    v.date = v.date.substr(0, 10);
    if (intent != 0) v.intent = intent;
    return v;
  }
};

std::vector<catalog::framework_agreement> select_agreements(soci::session& session, const std::string& where, const statement_binder& bind) {
  auto agreements = select_rows<agreement_row>(session, agreement_columns + where + " ORDER BY id", bind);
  if (agreements.empty()) return agreements;
  const auto prices = select_rows<price_row>(
      session, "SELECT agreement_id, item_id, valid_from, unit_price_rappen FROM agreement_prices ORDER BY agreement_id, item_id, valid_from",
      [](auto&) {});
  std::size_t next = 0;
  for (auto& a : agreements) {
    while (next < prices.size() && prices[next].first < a.id) ++next;
    for (std::size_t k = next; k < prices.size() && prices[k].first == a.id; ++k) a.prices.push_back(prices[k].second);
  }
  return agreements;
}

std::optional<catalog::framework_agreement> select_agreement(soci::session& session, long long id) {
  auto found = select_agreements(session, "WHERE id = :id", [&](auto& s) { s, soci::use(id, "id"); });
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::string audit_text(const catalog::framework_agreement& a) { return catalog::json_text(catalog::agreement_to_json(a)); }

std::string eligible_text(const catalog::framework_agreement& a) {
  if (a.all_eligible) return "all";
  boost::json::array list;
  for (const auto& o : a.eligible) list.push_back(boost::json::string{o});
  return catalog::json_text(list);
}

// Binds every column a write sets, and keeps their values alive while the statement runs.
struct agreement_values {
  std::string title, supplier, source, legal_basis, reference, valid_from, valid_to, justification, eligible, now;
  long long ceiling = 0, ceiling_quantity = 0;
  soci::indicator quantity_null = soci::i_null;

  agreement_values(const catalog::framework_agreement& a, std::string at)
      : title(a.title), supplier(a.supplier), source(catalog::to_string(a.source)), legal_basis(a.legal_basis), reference(a.reference),
        valid_from(engine::format_iso_date(a.valid_from)), valid_to(engine::format_iso_date(a.valid_to)),
        justification(a.justification), eligible(eligible_text(a)), now(std::move(at)), ceiling(a.ceiling) {
    if (a.ceiling_quantity) {
      ceiling_quantity = *a.ceiling_quantity;
      quantity_null = soci::i_ok;
    }
  }
  void bind(soci::details::prepare_temp_type& s) {
    s, soci::use(title, "title"), soci::use(supplier, "supplier"), soci::use(source, "source"), soci::use(legal_basis, "legal_basis"),
        soci::use(reference, "reference"), soci::use(valid_from, "valid_from"), soci::use(valid_to, "valid_to"),
        soci::use(justification, "justification"), soci::use(eligible, "eligible"), soci::use(ceiling, "ceiling"),
        soci::use(ceiling_quantity, quantity_null, "ceiling_quantity"), soci::use(now, "now");
  }
};

void insert_prices(soci::session& session, long long agreement, const std::vector<engine::agreement_price>& prices) {
  for (const auto& p : prices) {
    const std::string from = engine::format_iso_date(p.valid_from);
    long long price = p.unit_price;
    session << "INSERT INTO agreement_prices (agreement_id, item_id, valid_from, unit_price_rappen) VALUES (:a, :i, :f, :p)",
        soci::use(agreement, "a"), soci::use(p.item, "i"), soci::use(from, "f"), soci::use(price, "p");
  }
}

}  // namespace

std::vector<catalog::framework_agreement> all_agreements(soci::session& session) {
  return select_agreements(session, "", [](auto&) {});
}

std::vector<catalog::framework_agreement> all_agreements(database& db) {
  return db.with_session([&](soci::session& session) { return all_agreements(session); });
}

std::optional<catalog::framework_agreement> find_agreement(database& db, long long id) {
  return db.with_session([&](soci::session& session) { return select_agreement(session, id); });
}

catalog::framework_agreement create_agreement(soci::session& session, const catalog::framework_agreement& value, const std::string& actor) {
  agreement_values v{value, utc_timestamp_now()};
  long long id = 0;
  const long long tender = value.tender.value_or(0);
  soci::indicator tender_null = value.tender ? soci::i_ok : soci::i_null;
  auto insert = (session.prepare << "INSERT INTO framework_agreements (title, supplier, source, legal_basis, reference, valid_from, "
                                    "valid_to, justification, eligible, ceiling_rappen, ceiling_quantity, version, created_by, "
                                    "created_at, updated_at, tender_id) VALUES (:title, :supplier, :source, :legal_basis, :reference, "
                                    ":valid_from, :valid_to, :justification, :eligible, :ceiling, :ceiling_quantity, 1, :actor, "
                                    ":now, :now2, :tender) RETURNING id");
  v.bind(insert);
  insert, soci::use(actor, "actor"), soci::use(v.now, "now2"), soci::use(tender, tender_null, "tender"), soci::into(id);
  soci::statement{insert}.execute(true);
  insert_prices(session, id, value.prices);
  auto stored = *select_agreement(session, id);
  append_audit(session, {actor, "create", "framework_agreement", std::to_string(id), std::nullopt, audit_text(stored)});
  return stored;
}

catalog::framework_agreement create_agreement(database& db, catalog::framework_agreement value, const std::string& actor) {
  value.tender.reset();  // only an award links a tender
  return db.with_session([&](soci::session& session) {
    transaction tx{session};
    auto stored = create_agreement(session, value, actor);
    tx.commit();
    return stored;
  });
}

catalog::framework_agreement update_agreement(database& db, catalog::framework_agreement value, int expected_version,
                                              const std::string& actor) {
  return db.with_session([&](soci::session& session) {
    transaction tx{session};
    const record_ref ref{record::framework_agreement, std::to_string(value.id)};
    const auto before = select_agreement(session, value.id);
    if (!before) throw not_found(ref);
    if (before->version != expected_version) throw stale_version(ref, expected_version, before->version);
    if (value.ceiling < before->consumed || (value.ceiling_quantity && *value.ceiling_quantity < before->consumed_quantity)) {
      call_off_refused::details facts;
      facts.why = call_off_refused::reason::ceiling_below_consumed;
      facts.agreement = value.id;
      facts.value = before->consumed;
      facts.quantity = before->consumed_quantity;
      throw call_off_refused(facts);
    }
    agreement_values v{value, utc_timestamp_now()};
    long long id = value.id;
    auto update = (session.prepare << "UPDATE framework_agreements SET title = :title, supplier = :supplier, source = :source, "
                                      "legal_basis = :legal_basis, reference = :reference, valid_from = :valid_from, valid_to = :valid_to, "
                                      "justification = :justification, eligible = :eligible, ceiling_rappen = :ceiling, "
                                      "ceiling_quantity = :ceiling_quantity, version = version + 1, updated_at = :now "
                                      "WHERE id = :id AND version = :expected_version");
    v.bind(update);
    update, soci::use(id, "id"), soci::use(expected_version, "expected_version");
    soci::statement statement{update};
    statement.execute(true);
    if (statement.get_affected_rows() == 0) throw stale_version(ref, expected_version, 0);
    session << "DELETE FROM agreement_prices WHERE agreement_id = :id", soci::use(id, "id");
    insert_prices(session, id, value.prices);
    auto after = *select_agreement(session, id);
    append_audit(session, {actor, "update", "framework_agreement", ref.id, audit_text(*before), audit_text(after)});
    tx.commit();
    return after;
  });
}

call_off_record call_off(database& db, const call_off_request& request, const std::string& actor) {
  return db.with_session([&](soci::session& session) {
    transaction tx{session};
    const record_ref ref{record::framework_agreement, std::to_string(request.agreement)};
    const auto agreement = select_agreement(session, request.agreement);
    if (!agreement) throw not_found(ref);
    auto organisation = request.organisation;
    auto item = request.item;
    long long quantity = request.quantity;
    std::optional<int> contract_years;
    if (request.intent) {
      const record_ref intent_ref{record::intent, std::to_string(*request.intent)};
      const auto intent = find_intent(session, *request.intent);
      if (!intent || intent->status != "submitted" || (!organisation.empty() && intent->fields.organisation != organisation)) {
        throw not_found(intent_ref);
      }
      if (intent->call_off) throw conflict(conflict::reason::called_off, intent_ref, "called off already");
      if (intent->campaign) throw conflict(conflict::reason::campaign_answer, intent_ref, "part of a campaign's answer");
      // An intent of a decided tender is bought there: a joint tender's never by a call-off, a
      // framework tender's only from the agreement it was awarded into.
      long long held_by = 0;
      const long long own_tender = agreement->tender.value_or(0);
      soci::indicator none = soci::i_null;
      session << "SELECT MIN(b.id) FROM bundles b JOIN bundle_members m ON m.bundle_id = b.id WHERE m.intent_id = :intent "
                 "AND b.status IN ('approved', 'tendered', 'needs_review') AND NOT (b.kind = 'framework' AND b.id = :tender)",
          soci::use(*request.intent, "intent"), soci::use(own_tender, "tender"), soci::into(held_by, none);
      if (none == soci::i_ok) throw conflict(conflict::reason::in_tender, intent_ref, "in a decided tender");
      organisation = intent->fields.organisation;
      item = intent->fields.item;
      quantity = intent->fields.quantity;
      contract_years = intent->fields.contract_years;
    }
    const auto terms = find_item(session, item);
    call_off_refused::details facts;
    facts.agreement = request.agreement;
    facts.valid_from = engine::format_iso_date(agreement->valid_from);
    facts.valid_to = engine::format_iso_date(agreement->valid_to);
    facts.date = engine::format_iso_date(request.date);
    facts.organisation = organisation;
    facts.item = item;
    facts.quantity = quantity;
    const auto engine_view = catalog::engine_agreement(*agreement);
    if (request.date < agreement->valid_from || agreement->valid_to < request.date) {
      facts.why = call_off_refused::reason::not_valid;
      throw call_off_refused(facts);
    }
    if (!engine::eligible(engine_view, organisation)) {
      facts.why = call_off_refused::reason::not_eligible;
      throw call_off_refused(facts);
    }
    const auto price = engine::price_on(engine_view, item, request.date);
    if (!price || !terms) {
      facts.why = call_off_refused::reason::not_listed;
      throw call_off_refused(facts);
    }
    const auto value = engine::purchase_value(quantity, *price, terms->reference_price, terms->billing, contract_years,
                                              terms->default_contract_years);
    facts.value = value.value_or(0);
    // The ceiling, taken by one conditional update: concurrent call-offs wait on the row (PostgreSQL
    // re-checks the condition on the row they find) or on the write lock (SQLite).
    long long agreement_id = request.agreement;
    long long amount = value.value_or(agreement->ceiling + 1);
    soci::statement take = (session.prepare << "UPDATE framework_agreements SET consumed_rappen = consumed_rappen + :amount, "
                                               "consumed_quantity = consumed_quantity + :quantity WHERE id = :id AND "
                                               "consumed_rappen + :amount2 <= ceiling_rappen AND (ceiling_quantity IS NULL OR "
                                               "consumed_quantity + :quantity2 <= ceiling_quantity)",
                            soci::use(amount, "amount"), soci::use(quantity, "quantity"), soci::use(agreement_id, "id"),
                            soci::use(amount, "amount2"), soci::use(quantity, "quantity2"));
    take.execute(true);
    if (take.get_affected_rows() == 0) {
      const auto now = *select_agreement(session, request.agreement);
      const auto left = engine::remaining(catalog::engine_agreement(now));
      facts.why = call_off_refused::reason::ceiling_exceeded;
      facts.remaining = left.value;
      facts.remaining_quantity = left.quantity;
      throw call_off_refused(facts);
    }
    const std::string now = utc_timestamp_now();
    const std::string day = engine::format_iso_date(request.date);
    long long unit_price = *price;
    long long intent_id = request.intent.value_or(0);
    soci::indicator intent_null = request.intent ? soci::i_ok : soci::i_null;
    call_off_record record{0, request.agreement, organisation, item, quantity, *price, amount, day, request.intent, actor, now};
    session << "INSERT INTO call_offs (agreement_id, organisation_id, item_id, quantity, unit_price_rappen, value_rappen, call_off_date, "
               "intent_id, created_by, created_at) VALUES (:agreement, :organisation, :item, :quantity, :price, :value, :day, :intent, "
               ":actor, :now) RETURNING id",
        soci::use(agreement_id, "agreement"), soci::use(organisation, "organisation"), soci::use(item, "item"),
        soci::use(quantity, "quantity"), soci::use(unit_price, "price"), soci::use(amount, "value"), soci::use(day, "day"),
        soci::use(intent_id, intent_null, "intent"), soci::use(actor, "actor"), soci::use(now, "now"), soci::into(record.id);
    if (request.intent) {
      session << "UPDATE intents SET call_off_id = :call_off, version = version + 1, updated_at = :now WHERE id = :id",
          soci::use(record.id, "call_off"), soci::use(now, "now"), soci::use(intent_id, "id");
    }
    const auto details = catalog::json_text(boost::json::object{{"agreement", request.agreement},
                                                                {"call_off", record.id},
                                                                {"organisation", organisation},
                                                                {"item", item},
                                                                {"quantity", quantity},
                                                                {"value_chf", engine::chf_from_rappen(amount)},
                                                                {"date", day},
                                                                {"intent", request.intent ? boost::json::value(*request.intent) : nullptr}});
    append_audit(session, {actor, "create", "call_off", std::to_string(record.id), std::nullopt, details});
    // At 80 % of the ceiling the coordinators are told, once: the flag is set by the same kind of
    // conditional update, so that of two concurrent call-offs crossing it only one writes the event.
    soci::statement alert = (session.prepare << "UPDATE framework_agreements SET alerted = 1 WHERE id = :id AND alerted = 0 AND "
                                                "consumed_rappen * 1000 >= ceiling_rappen * :share",
                             soci::use(agreement_id, "id"), soci::use(alert_per_mille, "share"));
    alert.execute(true);
    if (alert.get_affected_rows() > 0) {
      const auto after = *select_agreement(session, request.agreement);
      append_event(session, {std::nullopt, "agreement_ceiling_80", 0,
                             catalog::json_text(boost::json::object{{"agreement", request.agreement},
                                                                    {"title", after.title},
                                                                    {"ceiling_chf", engine::chf_from_rappen(after.ceiling)},
                                                                    {"consumed_chf", engine::chf_from_rappen(after.consumed)},
                                                                    {"by", actor}})});
    }
    tx.commit();
    return record;
  });
}

std::vector<call_off_record> list_call_offs(database& db, long long agreement, const std::optional<std::string>& organisation) {
  return db.with_session([&](soci::session& session) {
    const std::string any_organisation = organisation ? "" : "*";
    const std::string only = organisation.value_or("");
    return select_rows<call_off_row>(session,
                                     std::string{call_off_columns} +
                                         "WHERE (:any_agreement = 0 OR agreement_id = :agreement) AND (:any_organisation = '*' OR "
                                         "organisation_id = :organisation) ORDER BY id",
                                     [&](auto& s) {
                                       s, soci::use(agreement, "any_agreement"), soci::use(agreement, "agreement"),
                                           soci::use(any_organisation, "any_organisation"), soci::use(only, "organisation");
                                     });
  });
}

std::optional<call_off_record> find_call_off(database& db, long long id) {
  return db.with_session([&](soci::session& session) -> std::optional<call_off_record> {
    auto found = select_rows<call_off_row>(session, std::string{call_off_columns} + "WHERE id = :id", [&](auto& s) { s, soci::use(id, "id"); });
    if (found.empty()) return std::nullopt;
    return found.front();
  });
}

}  // namespace jointbuy::store
