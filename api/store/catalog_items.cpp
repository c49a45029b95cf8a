#include "api/store/catalog_items.hpp"

#include <algorithm>
#include <cctype>

#include <boost/json.hpp>

#include "api/store/audit_log.hpp"
#include "api/store/paging.hpp"
#include "api/store/row_select.hpp"
#include "api/store/timestamps.hpp"
#include "api/store/transaction.hpp"
#include "catalog/json_text.hpp"

namespace jointbuy::store {

namespace {

constexpr const char* item_columns =
    "i.id, i.name_de, i.name_en, i.category, i.procurement_type, i.cpv, i.unit, i.reference_price_rappen, i.billing, "
    "i.default_contract_years, i.compatibility_key, i.discount_tiers, i.description, i.attributes, i.version";
constexpr const char* insert_item =
    "INSERT INTO catalog_items (id, name_de, name_en, category, procurement_type, cpv, unit, reference_price_rappen, "
    "billing, default_contract_years, compatibility_key, discount_tiers, description, attributes, version, created_at, "
    "updated_at) VALUES (:id, :name_de, :name_en, :category, :procurement_type, :cpv, :unit, :reference_price_rappen, "
    ":billing, :default_contract_years, :compatibility_key, :discount_tiers, :description, :attributes, 1, :created_at, "
    ":updated_at)";
constexpr const char* update_item_row =
    "UPDATE catalog_items SET name_de = :name_de, name_en = :name_en, category = :category, "
    "procurement_type = :procurement_type, cpv = :cpv, unit = :unit, reference_price_rappen = :reference_price_rappen, "
    "billing = :billing, default_contract_years = :default_contract_years, compatibility_key = :compatibility_key, "
    "discount_tiers = :discount_tiers, description = :description, attributes = :attributes, version = version + 1, "
    "updated_at = :updated_at WHERE id = :id AND version = :expected_version";
constexpr const char* insert_cpv_code = "INSERT INTO cpv_codes (code, label) VALUES (:code, :label)";

// The columns of one item as SOCI binds them; integer columns need fixed C++ types on both backends.
struct item_row {
  std::string id, name_de, name_en, category, procurement_type, cpv, unit, billing, compatibility_key, tiers,
      description, attributes;
  long long reference_price = 0;
  int default_contract_years = 0;
  int version = 0;
  soci::indicator years_null = soci::i_null;
  soci::indicator tiers_null = soci::i_null;

  static item_row from(const catalog::item& value) {
    item_row row;
    row.id = value.id;
    row.name_de = value.name_de;
    row.name_en = value.name_en;
    row.category = engine::to_string(value.category);
    row.procurement_type = engine::to_string(value.procurement_type);
    row.cpv = value.cpv;
    row.unit = value.unit;
    row.billing = engine::to_string(value.billing);
    row.compatibility_key = value.compatibility_key.empty() ? value.id : value.compatibility_key;
    row.description = value.description;
    row.reference_price = value.reference_price;
    row.version = value.version;
    if (value.default_contract_years) {
      row.default_contract_years = *value.default_contract_years;
      row.years_null = soci::i_ok;
    }
    if (value.discount_tiers) {
      row.tiers = catalog::json_text(catalog::tiers_to_json(*value.discount_tiers));
      row.tiers_null = soci::i_ok;
    }
    boost::json::object attributes;
    for (const auto& [key, text] : value.attributes) attributes[key] = text;
    row.attributes = catalog::json_text(attributes);
    return row;
  }

  catalog::item value() const {
    catalog::item value;
    value.id = id;
    value.name_de = name_de;
    value.name_en = name_en;
    value.category = engine::parse_category(category).value_or(engine::category::hardware);
    value.procurement_type = engine::parse_procurement_type(procurement_type).value_or(engine::procurement_type::supply);
    value.cpv = cpv;
    value.unit = unit;
    value.reference_price = reference_price;
    value.billing = engine::parse_billing(billing).value_or(engine::billing::one_time);
    if (years_null == soci::i_ok) value.default_contract_years = default_contract_years;
    value.compatibility_key = compatibility_key;
    if (tiers_null == soci::i_ok) {
      std::vector<catalog::json_error> ignored;
      value.discount_tiers = catalog::tiers_from_json(boost::json::parse(tiers).as_array(), ignored, "");
    }
    value.description = description;
    const auto parsed_attributes = boost::json::parse(attributes);
    for (const auto& [key, text] : parsed_attributes.as_object()) {
      if (text.is_string()) value.attributes[std::string{key}] = std::string{text.as_string()};
    }
    value.version = version;
    return value;
  }

  // Binds the SELECT columns of item_columns, in order.
  void into(row_statement& statement) {
    statement, soci::into(id), soci::into(name_de), soci::into(name_en), soci::into(category),
        soci::into(procurement_type), soci::into(cpv), soci::into(unit), soci::into(reference_price), soci::into(billing),
        soci::into(default_contract_years, years_null), soci::into(compatibility_key), soci::into(tiers, tiers_null),
        soci::into(description), soci::into(attributes), soci::into(version);
  }
};

std::string audit_text(const catalog::item& value) { return catalog::json_text(boost::json::value_from(value)); }

std::vector<catalog::item> select_items(soci::session& session, const std::string& where, const statement_binder& bind) {
  return select_rows<item_row>(session,
                               "SELECT " + std::string{item_columns} +
                                   " FROM catalog_items i LEFT JOIN cpv_codes c ON c.code = i.cpv " + where,
                               bind);
}

std::optional<catalog::item> select_item(soci::session& session, const std::string& id) {
  auto found = select_items(session, "WHERE i.id = :id", [&](auto& statement) { statement, soci::use(id, "id"); });
  if (found.empty()) return std::nullopt;
  return found.front();
}

// "%text%" for LIKE, with the wildcards of the text escaped; ASCII letters folded as SQL lower() does.
std::string like_pattern(const std::string& text) {
  std::string pattern = "%";
  for (const char c : text) {
    if (c == '%' || c == '_' || c == '\\') pattern.push_back('\\');
    pattern.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return pattern + "%";
}

}  // namespace

catalog_load_result load_catalog(database& db, const catalog::reference_data& data, const std::string& actor) {
  return db.with_session([&](soci::session& session) {
    catalog_load_result result;
    transaction tx{session};
    long long stored_codes = 0;
    session << "SELECT COUNT(*) FROM cpv_codes", soci::into(stored_codes);
    if (static_cast<std::size_t>(stored_codes) < data.cpv.size()) {
      std::vector<std::string> existing(static_cast<std::size_t>(stored_codes));
      if (stored_codes > 0) session << "SELECT code FROM cpv_codes", soci::into(existing);
      std::sort(existing.begin(), existing.end());
      std::string code, label;
      soci::statement insert = (session.prepare << insert_cpv_code, soci::use(code, "code"), soci::use(label, "label"));
      for (const auto& [c, l] : data.cpv.entries()) {
        if (std::binary_search(existing.begin(), existing.end(), c)) continue;
        code = c;
        label = l;
        insert.execute(true);
        ++result.cpv_codes_added;
      }
    }
    const std::string now = utc_timestamp_now();
    for (const auto& value : data.items) {
      if (select_item(session, value.id)) {
        ++result.items_kept;
        continue;
      }
      auto row = item_row::from(value);
      session << insert_item, soci::use(row.id, "id"), soci::use(row.name_de, "name_de"), soci::use(row.name_en, "name_en"),
          soci::use(row.category, "category"), soci::use(row.procurement_type, "procurement_type"),
          soci::use(row.cpv, "cpv"), soci::use(row.unit, "unit"), soci::use(row.reference_price, "reference_price_rappen"),
          soci::use(row.billing, "billing"), soci::use(row.default_contract_years, row.years_null, "default_contract_years"),
          soci::use(row.compatibility_key, "compatibility_key"), soci::use(row.tiers, row.tiers_null, "discount_tiers"),
          soci::use(row.description, "description"), soci::use(row.attributes, "attributes"),
          soci::use(now, "created_at"), soci::use(now, "updated_at");
      auto stored = value;
      stored.compatibility_key = row.compatibility_key;
      stored.version = 1;
      append_audit(session, {actor, "create", "catalog_item", value.id, std::nullopt, audit_text(stored)});
      ++result.items_added;
    }
    tx.commit();
    return result;
  });
}

std::vector<catalog::item> all_items(soci::session& session) {
  return select_items(session, "ORDER BY i.id", [](auto&) {});
}

std::optional<catalog::item> find_item(soci::session& session, const std::string& id) { return select_item(session, id); }

std::optional<std::string> item_named(soci::session& session, const std::string& name) {
  struct id_row {
    std::string id;
    void into(row_statement& s) { s, soci::into(id); }
    std::string value() const { return id; }
  };
  const auto ids = select_rows<id_row>(session, "SELECT id FROM catalog_items WHERE name_de = :de OR name_en = :en ORDER BY id LIMIT 2",
                                       [&](auto& s) { s, soci::use(name, "de"), soci::use(name, "en"); });
  if (ids.size() != 1) return std::nullopt;
  return ids.front();
}

std::optional<catalog::item> find_item(database& db, const std::string& id) {
  return db.with_session([&](soci::session& session) { return select_item(session, id); });
}

item_page search_items(database& db, const item_query& query) {
  return db.with_session([&](soci::session& session) {
    const std::string category = query.category ? std::string{engine::to_string(*query.category)} : "";
    const std::string pattern = query.text.empty() ? "" : like_pattern(query.text);
    return fetch_page(query.limit, [&](int fetch) {
      return select_items(
          session,
          "WHERE i.id > :after AND (:any_category = '' OR i.category = :category) AND (:any_cpv = '' OR i.cpv = :cpv) "
          "AND (:any_text = '' OR lower(i.name_de) LIKE :in_name_de ESCAPE '\\' OR lower(i.name_en) LIKE :in_name_en ESCAPE '\\' "
          "OR lower(i.id) LIKE :in_id ESCAPE '\\' OR i.cpv LIKE :in_cpv ESCAPE '\\' "
          "OR lower(COALESCE(c.label, '')) LIKE :in_cpv_label ESCAPE '\\') ORDER BY i.id LIMIT :limit",
          [&](auto& statement) {
            statement, soci::use(query.after, "after"), soci::use(category, "any_category"), soci::use(category, "category"),
                soci::use(query.cpv, "any_cpv"), soci::use(query.cpv, "cpv"), soci::use(pattern, "any_text"),
                soci::use(pattern, "in_name_de"), soci::use(pattern, "in_name_en"), soci::use(pattern, "in_id"),
                soci::use(pattern, "in_cpv"), soci::use(pattern, "in_cpv_label"), soci::use(fetch, "limit");
          });
    }, [](const auto& value) { return value.id; });
  });
}

std::vector<catalog::item> items_with_key(database& db, const std::string& key, const std::string& except_id) {
  return db.with_session([&](soci::session& session) {
    return select_items(session, "WHERE i.compatibility_key = :key AND i.id <> :except_id ORDER BY i.id",
                        [&](auto& statement) { statement, soci::use(key, "key"), soci::use(except_id, "except_id"); });
  });
}

catalog::item create_item(database& db, catalog::item value, const std::string& actor) {
  return db.with_session([&](soci::session& session) {
    transaction tx{session};
    // Named here; a concurrent insert of the same id still fails on the key (a conflict without a subject).
    if (select_item(session, value.id)) {
      throw conflict(conflict::reason::key_taken, record_ref{record::catalogue_item, value.id}, "the item id is taken");
    }
    auto row = item_row::from(value);
    const std::string now = utc_timestamp_now();
    session << insert_item, soci::use(row.id, "id"), soci::use(row.name_de, "name_de"), soci::use(row.name_en, "name_en"),
        soci::use(row.category, "category"), soci::use(row.procurement_type, "procurement_type"), soci::use(row.cpv, "cpv"),
        soci::use(row.unit, "unit"), soci::use(row.reference_price, "reference_price_rappen"),
        soci::use(row.billing, "billing"), soci::use(row.default_contract_years, row.years_null, "default_contract_years"),
        soci::use(row.compatibility_key, "compatibility_key"), soci::use(row.tiers, row.tiers_null, "discount_tiers"),
        soci::use(row.description, "description"), soci::use(row.attributes, "attributes"),
        soci::use(now, "created_at"), soci::use(now, "updated_at");
    auto stored = *select_item(session, value.id);
    append_audit(session, {actor, "create", "catalog_item", value.id, std::nullopt, audit_text(stored)});
    tx.commit();
    return stored;
  });
}

catalog::item update_item(database& db, catalog::item value, int expected_version, const std::string& actor) {
  return db.with_session([&](soci::session& session) {
    transaction tx{session};
    const auto before = select_item(session, value.id);
    if (!before) throw not_found({record::catalogue_item, value.id});
    if (before->version != expected_version) throw stale_version({record::catalogue_item, value.id}, expected_version, before->version);
    auto row = item_row::from(value);
    const std::string now = utc_timestamp_now();
    soci::statement update =
        (session.prepare << update_item_row, soci::use(row.name_de, "name_de"), soci::use(row.name_en, "name_en"),
         soci::use(row.category, "category"), soci::use(row.procurement_type, "procurement_type"), soci::use(row.cpv, "cpv"),
         soci::use(row.unit, "unit"), soci::use(row.reference_price, "reference_price_rappen"),
         soci::use(row.billing, "billing"), soci::use(row.default_contract_years, row.years_null, "default_contract_years"),
         soci::use(row.compatibility_key, "compatibility_key"), soci::use(row.tiers, row.tiers_null, "discount_tiers"),
         soci::use(row.description, "description"), soci::use(row.attributes, "attributes"),
         soci::use(now, "updated_at"), soci::use(row.id, "id"), soci::use(expected_version, "expected_version"));
    update.execute(true);
    // The version check above and the WHERE clause agree inside this write transaction; the
    // clause keeps the update safe even so.
    if (update.get_affected_rows() == 0) throw stale_version({record::catalogue_item, value.id}, expected_version, 0);
    auto after = *select_item(session, value.id);
    append_audit(session, {actor, "update", "catalog_item", value.id, audit_text(*before), audit_text(after)});
    tx.commit();
    return after;
  });
}

}  // namespace jointbuy::store
