#include "api/store/tenders.hpp"

#include <algorithm>

#include <boost/json.hpp>

#include "api/store/row_select.hpp"
#include "catalog/bundling_json.hpp"
#include "catalog/json_text.hpp"

namespace jointbuy::store {

namespace {

// A proposal is superseded when a newer run on the same intents exists (without a campaign, or of the
// same campaign) and nobody acted on it before.
constexpr const char* bundle_columns =
    "b.id, b.run_id, b.status, b.version, b.tender, b.compatibility_key, b.category, b.procurement_type, b.cpv, b.decision, "
    "b.award_from, b.award_to, b.buyers, b.quantity, b.value_rappen, b.procedure, b.international, "
    "b.estimated_savings_rappen, b.reasons, b.reference, b.review_reason, "
    "CASE WHEN b.status = 'proposed' AND b.run_id < (SELECT MAX(r.id) FROM bundling_runs r WHERE COALESCE(r.campaign_id, 0) = "
    "COALESCE((SELECT o.campaign_id FROM bundling_runs o WHERE o.id = b.run_id), 0)) THEN 1 ELSE 0 END, "
    "COALESCE((SELECT r.campaign_id FROM bundling_runs r WHERE r.id = b.run_id), 0), b.kind, "
    "COALESCE((SELECT a.id FROM framework_agreements a WHERE a.tender_id = b.id), 0)";

struct bundle_row {
  long long id = 0, run = 0, quantity = 0, amount = 0, savings = 0, campaign = 0, agreement = 0;
  int version = 0, buyers = 0, international = 0, superseded = 0;
  std::string kind, status, tender, key, category, type, cpv, verdict, from, to, procedure, reasons, reference, review_reason;
  soci::indicator reference_null = soci::i_null;

  void into(row_statement& s) {
    s, soci::into(id), soci::into(run), soci::into(status), soci::into(version), soci::into(tender), soci::into(key),
        soci::into(category), soci::into(type), soci::into(cpv), soci::into(verdict), soci::into(from), soci::into(to),
        soci::into(buyers), soci::into(quantity), soci::into(amount), soci::into(procedure), soci::into(international),
        soci::into(savings), soci::into(reasons), soci::into(reference, reference_null), soci::into(review_reason),
        soci::into(superseded), soci::into(campaign), soci::into(kind), soci::into(agreement);
  }

  bundle_record value() const {
    bundle_record r;
    r.id = id;
    r.run = run;
    r.status = review::parse_status(status).value_or(review::status::withdrawn);
    r.version = version;
    r.reference = reference_null == soci::i_ok ? std::optional{reference} : std::nullopt;
    r.review_reason = review_reason;
    r.superseded = superseded == 1;
    if (campaign != 0) r.campaign = campaign;
    r.kind = review::parse_tender_kind(kind).value_or(review::tender_kind::joint);
    if (agreement != 0) r.agreement = agreement;
    auto& t = r.bundle;
    t.id = tender;
    t.compatibility_key = key;
    t.category = engine::parse_category(category).value_or(engine::category::hardware);
    t.procurement_type = engine::parse_procurement_type(type).value_or(engine::procurement_type::supply);
    t.cpv = cpv;
    t.verdict = engine::parse_verdict(verdict).value_or(engine::verdict::individual);
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
  std::string organisation, own_procedure, participation, earliest, latest, item, name_de, name_en;

  void into(row_statement& s) {
    s, soci::into(bundle), soci::into(intent), soci::into(organisation), soci::into(quantity), soci::into(amount), soci::into(lead),
        soci::into(own_procedure), soci::into(participation), soci::into(earliest), soci::into(latest), soci::into(item),
        soci::into(name_de), soci::into(name_en);
  }
  struct loaded {
    engine::member member;
    review::participation participation;
    std::pair<engine::date, engine::date> window;
    std::string item, name_de, name_en;
  };
  std::pair<long long, loaded> value() const {
    return {bundle,
            {{intent, organisation, quantity, amount, lead == 1, engine::parse_procedure(own_procedure).value_or(engine::procedure::open)},
             review::parse_participation(participation).value_or(review::participation::pending),
             {engine::parse_iso_date(earliest).value_or(engine::date{}), engine::parse_iso_date(latest).value_or(engine::date{})},
             item,
             name_de,
             name_en}};
  }
};

// Runs `select(list, bind)` for each chunk of at most 200 of `ids`: `list` is the chunk's named
// placeholders (":b0, :b1, …") and `bind` binds the chunk's ids to them. One statement per chunk
// rather than per id; the ids are bound, never spliced.
template <class Select>
void for_each_chunk(const std::vector<long long>& ids, Select select) {
  constexpr std::size_t chunk = 200;
  for (std::size_t first = 0; first < ids.size(); first += chunk) {
    const std::size_t count = std::min(chunk, ids.size() - first);
    std::vector<std::string> names;
    std::string list;
    for (std::size_t i = 0; i < count; ++i) {
      names.push_back(std::string{"b"}.append(std::to_string(i)));
      list.append(i == 0 ? ":" : ", :").append(names.back());
    }
    select(list, [&](row_statement& s) {
      for (std::size_t i = 0; i < count; ++i) s, soci::use(ids[first + i], names[i]);
    });
  }
}

// One query per chunk of bundles rather than one per bundle: a page of 50 tenders was 51 statements,
// and preparing them was most of the time of a bundle list.
void attach_members(soci::session& session, std::vector<bundle_record>& bundles) {
  std::map<long long, bundle_record*> by_id;
  std::vector<long long> ids;
  for (auto& b : bundles) {
    by_id[b.id] = &b;
    ids.push_back(b.id);
  }
  for_each_chunk(ids, [&](const std::string& list, const statement_binder& bind) {
    const auto members = select_rows<member_row>(
        session,
        "SELECT m.bundle_id, m.intent_id, m.organisation_id, m.quantity, m.value_rappen, m.lead, m.own_procedure, "
        "m.participation, n.earliest, n.latest, n.item_id, i.name_de, i.name_en FROM bundle_members m "
        "JOIN intents n ON n.id = m.intent_id JOIN catalog_items i ON i.id = n.item_id "
        "WHERE m.bundle_id IN (" + list + ") ORDER BY m.bundle_id, m.intent_id",
        bind);
    for (const auto& [bundle, loaded] : members) {
      auto& b = *by_id.at(bundle);
      b.bundle.members.push_back(loaded.member);
      b.answers[loaded.member.organisation] = loaded.participation;
      b.windows[loaded.member.intent] = loaded.window;
      b.items[loaded.member.intent] = loaded.item;
      // The title is the name of the first item in id order, as in the quantity schedule.
      if (b.title_item.empty() || loaded.item < b.title_item) {
        b.title_item = loaded.item;
        b.title = {loaded.name_en, loaded.name_de};
      }
    }
  });
}

}  // namespace

page<bundle_record> list_bundles(database& db, const bundle_filter& filter) {
  return db.with_session([&](soci::session& session) {
    const std::string verdict = filter.verdict ? std::string{engine::to_string(*filter.verdict)} : "";
    const std::string category = filter.category ? std::string{engine::to_string(*filter.category)} : "";
    const std::string status = filter.status ? std::string{review::to_string(*filter.status)} : "";
    const std::string organisation = filter.organisation.value_or("");
    const int acted_on = filter.acted_on ? 1 : 0;
    auto listed = fetch_page(filter.limit, [&](int fetch) {
      return select_rows<bundle_row>(
          session,
          "SELECT " + std::string{bundle_columns} +
              " FROM bundles b WHERE ((:acted_on = 0 AND b.run_id = :run) OR (:acted_on2 = 1 AND b.status <> 'proposed')) "
              "AND b.id > :after AND (:any_verdict = '' OR b.decision = :verdict) "
              "AND (:any_category = '' OR b.category = :category) AND (:any_status = '' OR b.status = :status) "
              "AND (:any_organisation = '' OR EXISTS (SELECT 1 FROM bundle_members m WHERE m.bundle_id = b.id "
              "AND m.organisation_id = :organisation)) ORDER BY b.id LIMIT :limit",
          [&](auto& s) {
            s, soci::use(acted_on, "acted_on"), soci::use(filter.run, "run"), soci::use(acted_on, "acted_on2"),
                soci::use(filter.after, "after"), soci::use(verdict, "any_verdict"), soci::use(verdict, "verdict"),
                soci::use(category, "any_category"), soci::use(category, "category"), soci::use(status, "any_status"),
                soci::use(status, "status"), soci::use(organisation, "any_organisation"),
                soci::use(organisation, "organisation"), soci::use(fetch, "limit");
          });
    }, [](const auto& b) { return std::to_string(b.id); });
    attach_members(session, listed.items);
    return listed;
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

std::map<long long, current_tender> current_tenders(database& db, const std::vector<long long>& intents) {
  if (intents.empty()) return {};
  return db.with_session([&](soci::session& session) { return current_tenders(session, intents); });
}

std::map<long long, current_tender> current_tenders(soci::session& session, const std::vector<long long>& intents) {
  struct current_row {
    long long intent = 0, bundle = 0;
    std::string status;
    void into(row_statement& s) { s, soci::into(intent), soci::into(bundle), soci::into(status); }
    current_row value() const { return *this; }
  };
  std::map<long long, current_tender> current;
  for_each_chunk(intents, [&](const std::string& list, const statement_binder& bind) {
    // Per intent, the row that wins comes last: the newest run's proposal before any tender a
    // coordinator acted on, and the newest of each.
    const auto rows = select_rows<current_row>(
        session,
        "SELECT m.intent_id, b.id, b.status FROM bundle_members m JOIN bundles b ON b.id = m.bundle_id "
        "WHERE m.intent_id IN (" + list + ") AND (b.status IN ('approved', 'tendered', 'needs_review') "
        "OR (b.status = 'proposed' AND b.run_id = (SELECT MAX(r.id) FROM bundling_runs r WHERE COALESCE(r.campaign_id, 0) = COALESCE((SELECT o.campaign_id FROM bundling_runs o WHERE o.id = b.run_id), 0)))) "
        "ORDER BY m.intent_id, CASE WHEN b.status = 'proposed' THEN 0 ELSE 1 END, b.id",
        bind);
    for (const auto& row : rows) {
      current[row.intent] = {row.bundle, review::parse_status(row.status).value_or(review::status::proposed)};
    }
  });
  return current;
}

boost::json::object stored_form_json(const review::tender& t) {
  auto json = catalog::bundle_json(t.bundle, engine::language::en);
  json["id"] = t.id;
  json["tender"] = t.bundle.id;
  json["status"] = review::to_string(t.status);
  if (t.kind == review::tender_kind::framework) json["kind"] = "framework";
  json["version"] = t.version;
  boost::json::object answers;
  for (const auto& [organisation, answer] : t.answers) answers[organisation] = review::to_string(answer);
  json["answers"] = std::move(answers);
  if (t.reference) json["reference"] = *t.reference;
  if (!t.review_reason.empty()) json["review_reason"] = t.review_reason;
  return json;
}

std::string stored_form(const review::tender& t) { return catalog::json_text(stored_form_json(t)); }

}  // namespace jointbuy::store
