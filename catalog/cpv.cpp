#include "catalog/cpv.hpp"

namespace jointbuy::catalog {

bool is_cpv_format(std::string_view code) {
  if (code.size() != 10 || code[8] != '-') return false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (i != 8 && (code[i] < '0' || code[i] > '9')) return false;
  }
  return true;
}

std::optional<std::string_view> cpv_list::label(std::string_view code) const {
  const auto found = labels_.find(std::string{code});
  if (found == labels_.end()) return std::nullopt;
  return found->second;
}

cpv_list cpv_list::from_csv(std::string_view text, std::vector<csv_error>& errors) {
  cpv_list list;
  auto document = read_csv(text, ',');
  if (document.error) {
    errors.push_back(*document.error);
    return list;
  }
  if (document.records.empty() || document.records[0].fields != std::vector<std::string>{"code", "label_en"}) {
    errors.push_back({1, "expected the header code,label_en"});
    return list;
  }
  for (std::size_t r = 1; r < document.records.size(); ++r) {
    auto& record = document.records[r];
    if (record.fields.size() != 2 || !is_cpv_format(record.fields[0]) || record.fields[1].empty()) {
      errors.push_back({record.line, "expected a CPV code NNNNNNNN-C and a label"});
      continue;
    }
    if (!list.labels_.emplace(std::move(record.fields[0]), std::move(record.fields[1])).second) {
      errors.push_back({record.line, "code " + document.records[r].fields[0] + " appears twice"});
    }
  }
  return list;
}

}  // namespace jointbuy::catalog
