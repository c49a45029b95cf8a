#pragma once
// The Common Procurement Vocabulary (Regulation (EC) No 213/2008): codes "NNNNNNNN-C" with labels.

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "catalog/csv.hpp"

namespace jointbuy::catalog {

/// Whether `code` has the form of a CPV code: 8 digits, a dash, a check digit.
bool is_cpv_format(std::string_view code);

/// The CPV codes the catalogue accepts, with their English labels.
class cpv_list {
 public:
  /// The label of `code`, if the list has it.
  std::optional<std::string_view> label(std::string_view code) const;
  std::size_t size() const { return labels_.size(); }
  /// Every code and label, for loading into the store.
  const std::unordered_map<std::string, std::string>& entries() const { return labels_; }

  /// Reads "code,label_en" lines (catalog/data/cpv-2008-en.csv); malformed lines become errors.
  static cpv_list from_csv(std::string_view text, std::vector<csv_error>& errors);

 private:
  std::unordered_map<std::string, std::string> labels_;
};

}  // namespace jointbuy::catalog
