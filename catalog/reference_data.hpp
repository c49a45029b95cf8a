#pragma once
// The catalogue directory: items, CPV list, thresholds and cost model, loaded and validated together.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/cpv.hpp"
#include "catalog/item.hpp"
#include "engine/cost_model.hpp"
#include "engine/thresholds.hpp"

namespace jointbuy::catalog {

/// What is wrong, in which file, where in it ("/items/3/cpv", or "line 12" for CSV).
struct catalog_error {
  std::string file;
  std::string path;
  std::string reason;
};

/// Everything the rules and the catalogue need from catalog/data.
struct reference_data {
  std::vector<item> items;
  cpv_list cpv;
  engine::threshold_table thresholds;
  engine::cost_model costs;
};

/// The loaded data, valid only when `errors` is empty.
struct reference_data_result {
  reference_data data;
  std::vector<catalog_error> errors;
};

/// The file names inside a catalogue directory.
inline constexpr std::string_view items_file = "items.json";
inline constexpr std::string_view cpv_file = "cpv-2008-en.csv";
inline constexpr std::string_view thresholds_file = "thresholds.json";
inline constexpr std::string_view cost_model_file = "cost-model.json";

/// Loads and validates every file of `directory`: each against its JSON Schema, then the checks a
/// schema cannot make (unknown CPV, duplicate ids, key conflicts, overlapping threshold periods,
/// tiers that do not increase). Reports every error of every file, not only the first.
reference_data_result load_reference_data(const std::filesystem::path& directory);

/// Parses items.json text against `cpv`; errors carry JSON paths.
std::vector<item> parse_items(std::string_view text, const cpv_list& cpv, std::vector<json_error>& errors);

/// Parses thresholds.json text.
engine::threshold_table parse_thresholds(std::string_view text, std::vector<json_error>& errors);

/// Parses cost-model.json text.
engine::cost_model parse_cost_model(std::string_view text, std::vector<json_error>& errors);

}  // namespace jointbuy::catalog
