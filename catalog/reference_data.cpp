#include "catalog/reference_data.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <boost/json.hpp>

namespace jointbuy::catalog {

namespace {

std::optional<std::string> read_text(const std::filesystem::path& path) {
  std::ifstream in{path, std::ios::binary};
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Parses `text` and validates it against `schema`; nothing when either fails (errors say why).
std::optional<boost::json::value> schema_valid_json(std::string_view text, std::string_view schema,
                                                    std::vector<json_error>& errors) {
  auto parsed = parse_json_text(text);
  if (parsed.error) {
    errors.push_back(*parsed.error);
    return std::nullopt;
  }
  auto violations = validate_against_schema(schema, parsed.value);
  if (!violations.empty()) {
    errors.insert(errors.end(), violations.begin(), violations.end());
    return std::nullopt;
  }
  return std::move(parsed.value);
}

engine::rappen chf_at(const boost::json::object& json, std::string_view key, const std::string& path,
                      std::vector<json_error>& errors) {
  const auto amount = engine::rappen_from_chf(json.at(key).to_number<double>());
  if (!amount) {
    errors.push_back({path + "/" + std::string{key}, "must be an amount in CHF with at most 2 decimals"});
    return 0;
  }
  return *amount;
}

std::optional<engine::date> date_at(const boost::json::value& json, const std::string& path, std::vector<json_error>& errors) {
  if (json.is_null()) return std::nullopt;
  const auto day = engine::parse_iso_date(json.as_string());
  if (!day) {
    std::string reason{'\''};
    reason.append(json.as_string().data(), json.as_string().size()).append("' is not a calendar date");
    errors.push_back({path, std::move(reason)});
  }
  return day;
}

void add_errors(std::vector<catalog_error>& all, std::string_view file, const std::vector<json_error>& errors) {
  for (const auto& e : errors) all.push_back({std::string{file}, e.path, e.reason});
}

}  // namespace

std::vector<item> parse_items(std::string_view text, const cpv_list& cpv, std::vector<json_error>& errors) {
  std::vector<item> items;
  auto document = schema_valid_json(text, "catalog-items", errors);
  if (!document) return items;
  const auto& list = document->at("items").as_array();
  // Each item against the item schema, so that every bad item is reported with its own path.
  bool all_valid = true;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string prefix = "/items/" + std::to_string(i);
    auto violations = validate_against_schema("catalog-item", list[i], prefix);
    if (!violations.empty()) {
      all_valid = false;
      errors.insert(errors.end(), violations.begin(), violations.end());
      continue;
    }
    items.push_back(item_from_json(list[i].as_object(), errors, prefix));
  }
  if (all_valid) {
    auto cross = check_items(items, cpv);
    errors.insert(errors.end(), cross.begin(), cross.end());
  }
  return items;
}

engine::threshold_table parse_thresholds(std::string_view text, std::vector<json_error>& errors) {
  engine::threshold_table table;
  auto document = schema_valid_json(text, "thresholds", errors);
  if (!document) return table;
  const auto& periods = document->at("periods").as_array();
  for (std::size_t i = 0; i < periods.size(); ++i) {
    const auto& json = periods[i].as_object();
    const std::string path = "/periods/" + std::to_string(i);
    engine::threshold_period period;
    const auto from = date_at(json.at("valid_from"), path + "/valid_from", errors);
    period.valid_to = date_at(json.at("valid_to"), path + "/valid_to", errors);
    if (!from) continue;
    period.valid_from = *from;
    period.source = std::string{json.at("source").as_string()};
    if (period.valid_to && *period.valid_to < period.valid_from) {
      errors.push_back({path + "/valid_to", "ends before it begins"});
    }
    for (const auto& [type_name, limits_json] : json.at("thresholds").as_object()) {
      const auto type = engine::parse_procurement_type(type_name);
      const std::string limits_path = path + "/thresholds/" + std::string{type_name};
      const auto& limits = limits_json.as_object();
      engine::type_thresholds t{chf_at(limits, "free_hand_below_chf", limits_path, errors),
                                chf_at(limits, "invitation_below_chf", limits_path, errors),
                                chf_at(limits, "treaty_chf", limits_path, errors)};
      if (t.free_hand_below > t.invitation_below) {
        errors.push_back({limits_path + "/free_hand_below_chf", "must not exceed invitation_below_chf"});
      }
      if (type) period.by_type[*type] = t;
    }
    table.periods.push_back(std::move(period));
  }
  // Periods must not overlap: one date, one set of thresholds.
  std::vector<std::size_t> order(table.periods.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](auto a, auto b) { return table.periods[a].valid_from < table.periods[b].valid_from; });
  for (std::size_t k = 1; k < order.size(); ++k) {
    const auto& earlier = table.periods[order[k - 1]];
    const auto& later = table.periods[order[k]];
    if (!earlier.valid_to || *earlier.valid_to >= later.valid_from) {
      errors.push_back({"/periods/" + std::to_string(order[k]) + "/valid_from",
                        "overlaps /periods/" + std::to_string(order[k - 1]) + " (valid from " +
                            engine::format_iso_date(earlier.valid_from) +
                            (earlier.valid_to ? " to " + engine::format_iso_date(*earlier.valid_to) : " without end") + ")"});
    }
  }
  return table;
}

engine::cost_model parse_cost_model(std::string_view text, std::vector<json_error>& errors) {
  engine::cost_model model;
  auto document = schema_valid_json(text, "cost-model", errors);
  if (!document) return model;
  const auto& json = document->as_object();
  const auto& overhead = json.at("overhead_chf").as_object();
  model.overhead_free_hand = chf_at(overhead, "free_hand", "/overhead_chf", errors);
  model.overhead_invitation = chf_at(overhead, "invitation", "/overhead_chf", errors);
  model.overhead_open = chf_at(overhead, "open", "/overhead_chf", errors);
  model.overhead_open_international = chf_at(overhead, "open_international", "/overhead_chf", errors);
  model.coordination_per_buyer = chf_at(json, "coordination_per_buyer_chf", "", errors);
  for (const auto& [name, tiers_json] : json.at("discount_tiers").as_object()) {
    const std::string path = "/discount_tiers/" + std::string{name};
    auto tiers = tiers_from_json(tiers_json.as_array(), errors, path);
    if (const auto problem = tiers_problem(tiers)) errors.push_back({path, *problem});
    if (const auto category = engine::parse_category(name)) model.default_tiers[*category] = std::move(tiers);
  }
  return model;
}

reference_data_result load_reference_data(const std::filesystem::path& directory) {
  reference_data_result result;
  auto read = [&](std::string_view name) {
    auto text = read_text(directory / name);
    if (!text) result.errors.push_back({(directory / name).string(), "", "cannot be read"});
    return text;
  };
  if (auto text = read(cpv_file)) {
    std::vector<csv_error> errors;
    result.data.cpv = cpv_list::from_csv(*text, errors);
    for (const auto& e : errors) result.errors.push_back({(directory / cpv_file).string(), "line " + std::to_string(e.line), e.reason});
  }
  if (auto text = read(items_file)) {
    std::vector<json_error> errors;
    result.data.items = parse_items(*text, result.data.cpv, errors);
    add_errors(result.errors, (directory / items_file).string(), errors);
  }
  if (auto text = read(thresholds_file)) {
    std::vector<json_error> errors;
    result.data.thresholds = parse_thresholds(*text, errors);
    add_errors(result.errors, (directory / thresholds_file).string(), errors);
  }
  if (auto text = read(cost_model_file)) {
    std::vector<json_error> errors;
    result.data.costs = parse_cost_model(*text, errors);
    add_errors(result.errors, (directory / cost_model_file).string(), errors);
  }
  return result;
}

}  // namespace jointbuy::catalog
