#pragma once
// Turning a spreadsheet of intents into checked drafts: all rows valid, or every problem listed.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/intent_input.hpp"

namespace jointbuy::catalog {

/// The most rows one import takes.
inline constexpr std::size_t max_import_rows = 5000;
/// The most cells a row may have: the import knows a dozen columns.
inline constexpr std::size_t max_import_columns = 64;

/// Who imports: a municipality's rows all belong to `organisation` (a row naming another is an
/// error); a coordinator's rows name their organisation, or take `organisation` when it is set.
struct import_scope {
  std::optional<std::string> organisation;
  bool organisation_is_fixed = false;
};

/// Look-ups the import needs from the store.
struct import_lookups {
  std::function<std::optional<item>(const std::string& id)> find_item;
  std::function<bool(const std::string& id)> organisation_exists;
};

/// The drafts of every row, or the problems of every bad row (with the row number a spreadsheet
/// shows, the header being row 1). Accepts comma or semicolon, a UTF-8 BOM, English or German headers.
struct import_result {
  std::vector<intent_draft> drafts;
  /// The first max_listed_problems problems, in row order.
  std::vector<input_problem> problems;
  /// How many more problems there are than `problems` lists.
  std::size_t problems_not_listed = 0;
};

/// Reads and checks a CSV text of intents.
import_result prepare_import(std::string_view csv, const import_scope& scope, const import_lookups& lookups,
                             engine::date today);

}  // namespace jointbuy::catalog
