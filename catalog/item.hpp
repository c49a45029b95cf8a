#pragma once
// A catalogue item: a need that buyers can name, so that "40 laptops" and "35 laptops" meet.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/fwd.hpp>
#include <boost/json/value_from.hpp>

#include "catalog/cpv.hpp"
#include "catalog/json_schema.hpp"
#include "engine/cost_model.hpp"
#include "engine/money.hpp"
#include "engine/procurement.hpp"

namespace jointbuy::catalog {

/// One item of the shared catalogue.
struct item {
  /// A stable slug: "laptop-standard".
  std::string id;
  std::string name_de;
  std::string name_en;
  engine::category category = engine::category::hardware;
  engine::procurement_type procurement_type = engine::procurement_type::supply;
  std::string cpv;
  /// What one unit is: "piece", "licence", "user", "year"…
  std::string unit;
  engine::rappen reference_price = 0;
  engine::billing billing = engine::billing::one_time;
  /// For yearly billing: the contract years counted unless an intent says otherwise.
  std::optional<int> default_contract_years;
  /// Items with the same key can be tendered together (default: the id).
  std::string compatibility_key;
  /// Overrides the category's default discount tiers.
  std::optional<engine::discount_tiers> discount_tiers;
  std::string description;
  std::map<std::string, std::string> attributes;
  /// Changes with every update in the store (optimistic concurrency); 1 for a new item.
  int version = 1;

  friend bool operator==(const item&, const item&) = default;
};

/// The item as JSON, money in CHF: {"id", "name_de", …, "reference_price_chf", "version"}.
void tag_invoke(boost::json::value_from_tag, boost::json::value& json, const item& value);

/// The item described by `json`, which must be valid against the "catalog-item" schema. Amounts
/// with more than 2 decimals are reported in `errors` (paths below `path_prefix`).
item item_from_json(const boost::json::object& json, std::vector<json_error>& errors, const std::string& path_prefix = "");

/// Checks what a schema cannot: the CPV code is in `cpv`; the tiers increase; the contract years
/// fit the billing. Paths are below `path_prefix`.
std::vector<json_error> check_item(const item& value, const cpv_list& cpv, const std::string& path_prefix = "");

/// Checks a whole catalogue: each item (check_item), unique ids, and items that share a
/// compatibility key share category and procurement type.
std::vector<json_error> check_items(const std::vector<item>& items, const cpv_list& cpv);

/// Tiers from JSON [{"min_quantity", "discount_percent"}] (schema-valid); percentages with more
/// than 2 decimals are reported in `errors`.
engine::discount_tiers tiers_from_json(const boost::json::array& json, std::vector<json_error>& errors,
                                       const std::string& path);

/// Tiers as JSON [{"min_quantity", "discount_percent"}].
boost::json::array tiers_to_json(const engine::discount_tiers& tiers);

/// Whether the tiers rise strictly in quantity and in discount; the reason when they do not.
std::optional<std::string> tiers_problem(const engine::discount_tiers& tiers);

}  // namespace jointbuy::catalog
