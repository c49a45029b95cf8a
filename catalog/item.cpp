#include "catalog/item.hpp"

#include <map>

#include <boost/json.hpp>

namespace jointbuy::catalog {

namespace {

std::string text_at(const boost::json::object& json, std::string_view key, std::string fallback = "") {
  const auto* value = json.if_contains(key);
  return value != nullptr && value->is_string() ? std::string{value->as_string()} : fallback;
}

// Hundredths of a number with at most 2 decimals (CHF → Rappen, percent → basis points).
std::optional<std::int64_t> hundredths(const boost::json::value& number) {
  return engine::rappen_from_chf(number.to_number<double>());
}

}  // namespace

void tag_invoke(boost::json::value_from_tag, boost::json::value& json, const item& value) {
  boost::json::object object{{"id", value.id},
                             {"name_de", value.name_de},
                             {"name_en", value.name_en},
                             {"category", engine::to_string(value.category)},
                             {"procurement_type", engine::to_string(value.procurement_type)},
                             {"cpv", value.cpv},
                             {"unit", value.unit},
                             {"reference_price_chf", engine::chf_from_rappen(value.reference_price)},
                             {"billing", engine::to_string(value.billing)},
                             {"compatibility_key", value.compatibility_key},
                             {"description", value.description},
                             {"version", value.version}};
  object["default_contract_years"] =
      value.default_contract_years ? boost::json::value(*value.default_contract_years) : nullptr;
  object["discount_tiers"] = value.discount_tiers ? boost::json::value(tiers_to_json(*value.discount_tiers)) : nullptr;
  boost::json::object attributes;
  for (const auto& [key, text] : value.attributes) attributes[key] = text;
  object["attributes"] = std::move(attributes);
  json = std::move(object);
}

item item_from_json(const boost::json::object& json, std::vector<json_error>& errors, const std::string& path_prefix) {
  item value;
  value.id = text_at(json, "id");
  value.name_de = text_at(json, "name_de");
  value.name_en = text_at(json, "name_en");
  value.category = engine::parse_category(text_at(json, "category")).value_or(engine::category::hardware);
  value.procurement_type =
      engine::parse_procurement_type(text_at(json, "procurement_type")).value_or(engine::procurement_type::supply);
  value.cpv = text_at(json, "cpv");
  value.unit = text_at(json, "unit");
  if (const auto* price = json.if_contains("reference_price_chf"); price != nullptr && price->is_number()) {
    if (const auto amount = hundredths(*price)) {
      value.reference_price = *amount;
    } else {
      errors.push_back({path_prefix + "/reference_price_chf", "must be an amount in CHF with at most 2 decimals"});
    }
  }
  value.billing = engine::parse_billing(text_at(json, "billing")).value_or(engine::billing::one_time);
  if (const auto* years = json.if_contains("default_contract_years"); years != nullptr && years->is_int64()) {
    value.default_contract_years = static_cast<int>(years->as_int64());
  }
  value.compatibility_key = text_at(json, "compatibility_key", value.id);
  if (const auto* tiers = json.if_contains("discount_tiers"); tiers != nullptr && tiers->is_array()) {
    value.discount_tiers = tiers_from_json(tiers->as_array(), errors, path_prefix + "/discount_tiers");
  }
  value.description = text_at(json, "description");
  if (const auto* attributes = json.if_contains("attributes"); attributes != nullptr && attributes->is_object()) {
    for (const auto& [key, text] : attributes->as_object()) {
      if (text.is_string()) value.attributes[std::string{key}] = std::string{text.as_string()};
    }
  }
  if (const auto* version = json.if_contains("version"); version != nullptr && version->is_int64()) {
    value.version = static_cast<int>(version->as_int64());
  }
  return value;
}

engine::discount_tiers tiers_from_json(const boost::json::array& json, std::vector<json_error>& errors,
                                       const std::string& path) {
  engine::discount_tiers tiers;
  for (std::size_t i = 0; i < json.size(); ++i) {
    const auto& tier = json[i].as_object();
    const auto basis_points = hundredths(tier.at("discount_percent"));
    if (!basis_points) {
      errors.push_back({path + "/" + std::to_string(i) + "/discount_percent", "must have at most 2 decimals"});
      continue;
    }
    tiers.push_back({tier.at("min_quantity").to_number<std::int64_t>(), static_cast<int>(*basis_points)});
  }
  return tiers;
}

boost::json::array tiers_to_json(const engine::discount_tiers& tiers) {
  boost::json::array json;
  for (const auto& tier : tiers) {
    json.push_back({{"min_quantity", tier.min_quantity}, {"discount_percent", tier.basis_points / 100.0}});
  }
  return json;
}

std::optional<std::string> tiers_problem(const engine::discount_tiers& tiers) {
  for (std::size_t i = 1; i < tiers.size(); ++i) {
    if (tiers[i].min_quantity <= tiers[i - 1].min_quantity) return "tier quantities must increase";
    if (tiers[i].basis_points <= tiers[i - 1].basis_points) return "tier discounts must increase";
  }
  return std::nullopt;
}

std::vector<json_error> check_item(const item& value, const cpv_list& cpv, const std::string& path_prefix) {
  std::vector<json_error> errors;
  if (!is_cpv_format(value.cpv)) {
    errors.push_back({path_prefix + "/cpv", "'" + value.cpv + "' is not a CPV code (NNNNNNNN-C)"});
  } else if (!cpv.label(value.cpv)) {
    errors.push_back({path_prefix + "/cpv", "'" + value.cpv + "' is not in the CPV list"});
  }
  if (value.billing == engine::billing::yearly && !value.default_contract_years) {
    errors.push_back({path_prefix + "/default_contract_years", "yearly billing needs the default contract years (1 to 5)"});
  }
  if (value.billing == engine::billing::one_time && value.default_contract_years) {
    errors.push_back({path_prefix + "/default_contract_years", "only items billed yearly have contract years"});
  }
  if (value.discount_tiers) {
    if (const auto problem = tiers_problem(*value.discount_tiers)) errors.push_back({path_prefix + "/discount_tiers", *problem});
  }
  return errors;
}

std::vector<json_error> check_items(const std::vector<item>& items, const cpv_list& cpv) {
  std::vector<json_error> errors;
  std::map<std::string, std::size_t> first_with_id;
  std::map<std::string, std::size_t> first_with_key;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& value = items[i];
    const std::string prefix = "/items/" + std::to_string(i);
    for (auto& e : check_item(value, cpv, prefix)) errors.push_back(std::move(e));
    if (const auto [first, inserted] = first_with_id.emplace(value.id, i); !inserted) {
      errors.push_back({prefix + "/id", "'" + value.id + "' is the id of /items/" + std::to_string(first->second) + " too"});
    }
    const auto [first, inserted] = first_with_key.emplace(value.compatibility_key, i);
    if (!inserted) {
      const auto& other = items[first->second];
      if (other.category != value.category || other.procurement_type != value.procurement_type) {
        errors.push_back({prefix + "/compatibility_key",
                          "'" + value.compatibility_key + "' is shared with /items/" + std::to_string(first->second) +
                              " (" + other.id + "), which has another category or procurement type"});
      }
    }
  }
  return errors;
}

}  // namespace jointbuy::catalog
