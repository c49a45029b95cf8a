#include "catalog/organisations.hpp"

#include <algorithm>
#include <set>

#include <boost/json.hpp>

#include "catalog/cantons.hpp"

namespace jointbuy::catalog {

namespace {

constexpr std::string_view required_columns[] = {"bfs_number", "name", "canton", "district"};

bool is_bfs_number(std::string_view text) {
  return !text.empty() && text.size() <= 4 && text[0] != '0' &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string_view to_string(organisation_kind kind) {
  return kind == organisation_kind::canton ? "canton" : "municipality";
}

std::optional<organisation_kind> parse_organisation_kind(std::string_view text) {
  if (text == "canton") return organisation_kind::canton;
  if (text == "municipality") return organisation_kind::municipality;
  return std::nullopt;
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& json, const organisation& org) {
  json = {{"id", org.id}, {"name", org.name}, {"kind", to_string(org.kind)}, {"canton", org.canton},
          {"district", org.district}};
}

organisation_list read_organisations_csv(std::string_view text, std::optional<std::string_view> canton) {
  organisation_list result;
  if (canton && !canton_name(*canton)) {
    result.errors.push_back({0, "unknown canton code '" + std::string{*canton} + "'"});
    return result;
  }
  auto document = read_csv(text, ',');
  if (document.error) {
    result.errors.push_back(*document.error);
    return result;
  }
  if (document.records.empty()) {
    result.errors.push_back({1, "the file is empty; expected a header with bfs_number,name,canton,district"});
    return result;
  }

  const auto& header = document.records.front().fields;
  std::size_t column[4];
  for (std::size_t i = 0; i < 4; ++i) {
    const auto found = std::find(header.begin(), header.end(), required_columns[i]);
    if (found == header.end()) {
      result.errors.push_back({1, "missing column '" + std::string{required_columns[i]} + "'"});
      continue;
    }
    column[i] = static_cast<std::size_t>(found - header.begin());
  }
  if (!result.errors.empty()) return result;

  std::set<std::string> seen_ids;
  std::set<std::string> cantons_present;
  for (std::size_t r = 1; r < document.records.size(); ++r) {
    const auto& record = document.records[r];
    if (record.fields.size() != header.size()) {
      result.errors.push_back({record.line, "expected " + std::to_string(header.size()) + " fields, found " +
                                                std::to_string(record.fields.size())});
      continue;
    }
    organisation org{record.fields[column[0]], record.fields[column[1]], record.fields[column[2]],
                     record.fields[column[3]], organisation_kind::municipality};
    if (canton && org.canton != *canton) continue;
    if (!is_bfs_number(org.id)) {
      result.errors.push_back({record.line, "bfs_number '" + org.id + "' is not a BFS number (1 to 9999)"});
    } else if (org.name.empty()) {
      result.errors.push_back({record.line, "name is empty"});
    } else if (!canton_name(org.canton)) {
      result.errors.push_back({record.line, "unknown canton code '" + org.canton + "'"});
    } else if (!seen_ids.insert(org.id).second) {
      result.errors.push_back({record.line, "bfs_number " + org.id + " appears twice"});
    } else {
      cantons_present.insert(org.canton);
      result.organisations.push_back(std::move(org));
    }
  }
  for (const auto& code : cantons_present) {
    result.organisations.push_back({code, *canton_name(code), code, "", organisation_kind::canton});
  }
  return result;
}

}  // namespace jointbuy::catalog
