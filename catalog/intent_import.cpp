#include "catalog/intent_import.hpp"

#include <algorithm>
#include <map>

#include "catalog/csv.hpp"

namespace jointbuy::catalog {

import_result prepare_import(std::string_view csv, const import_scope& scope, const import_lookups& lookups,
                             engine::date today) {
  import_result result;
  auto& problems = result.problems;
  const auto document = read_csv(csv, '\0', {max_import_rows + 1, max_import_columns});
  if (document.error) {
    const auto& error = *document.error;
    switch (error.failure) {
      case csv_failure::too_many_records:
        problems.push_back({"file", {"has more than 5000 rows; split it", "hat mehr als 5000 Zeilen; bitte aufteilen"}, 0});
        break;
      case csv_failure::too_many_fields:
        problems.push_back({"row", {"has more than 64 cells", "hat mehr als 64 Zellen"}, error.line});
        break;
      case csv_failure::not_utf8:
        problems.push_back({"file", {"is not UTF-8 text; save it as \"CSV UTF-8\"",
                                     "ist kein UTF-8-Text; bitte als «CSV UTF-8» speichern"}, error.line});
        break;
      case csv_failure::syntax: problems.push_back({"file", {error.reason, error.reason}, error.line}); break;
    }
    return result;
  }
  if (document.records.empty()) {
    problems.push_back({"file", {"the file is empty", "die Datei ist leer"}, 1});
    return result;
  }
  // Header: each column by its canonical name.
  std::vector<std::optional<std::string>> columns;
  for (const auto& header : document.records[0].fields) {
    auto name = canonical_column(header);
    if (!name) problems.push_back({header, {"is not a known column", "ist keine bekannte Spalte"}, 1});
    columns.push_back(std::move(name));
  }
  for (const char* required : {"item", "quantity", "earliest", "latest"}) {
    if (std::find(columns.begin(), columns.end(), std::optional<std::string>{required}) == columns.end()) {
      problems.push_back({required, {"column is missing", "Spalte fehlt"}, 1});
    }
  }
  if (!problems.empty()) return result;

  std::map<std::string, std::optional<item>> items;
  std::map<std::string, bool> organisations;
  for (std::size_t r = 1; r < document.records.size(); ++r) {
    const auto& record = document.records[r];
    if (record.fields.size() != columns.size()) {
      problems.push_back({"row", {"has " + std::to_string(record.fields.size()) + " cells, the header " + std::to_string(columns.size()),
                                  "hat " + std::to_string(record.fields.size()) + " Zellen, die Kopfzeile " + std::to_string(columns.size())},
                          record.line});
      continue;
    }
    std::map<std::string, std::string> cells;
    for (std::size_t c = 0; c < columns.size(); ++c) cells[*columns[c]] = record.fields[c];
    auto draft = decode_intent_row(cells, record.line, problems);
    if (draft.organisation.empty() && scope.organisation) draft.organisation = *scope.organisation;
    if (scope.organisation_is_fixed && draft.organisation != scope.organisation) {
      problems.push_back({"organisation", {"must be your own organisation, " + scope.organisation.value_or(""),
                                           "muss Ihre eigene Organisation sein, " + scope.organisation.value_or("")},
                          record.line});
    } else if (draft.organisation.empty()) {
      problems.push_back({"organisation", {"is required", "ist erforderlich"}, record.line});
    } else {
      if (!organisations.count(draft.organisation)) organisations[draft.organisation] = lookups.organisation_exists(draft.organisation);
      if (!organisations[draft.organisation]) {
        problems.push_back({"organisation", {"'" + draft.organisation + "' is not a known organisation",
                                             "'" + draft.organisation + "' ist keine bekannte Organisation"},
                            record.line});
      }
    }
    if (!draft.item.empty() && !items.count(draft.item)) items[draft.item] = lookups.find_item(draft.item);
    const auto& found = draft.item.empty() ? std::nullopt : items[draft.item];
    check_intent(draft, found ? &*found : nullptr, today, record.line, problems);
    result.drafts.push_back(std::move(draft));
    if (problems.size() > max_listed_problems) {
      result.problems_not_listed += problems.size() - max_listed_problems;
      problems.resize(max_listed_problems);
    }
  }
  if (document.records.size() == 1) problems.push_back({"file", {"has no rows below the header", "hat keine Zeilen unter der Kopfzeile"}, 2});
  if (!problems.empty()) result.drafts.clear();
  return result;
}

}  // namespace jointbuy::catalog
