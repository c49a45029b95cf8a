#pragma once
// Keyset pagination: a list query fetches one row more than the page to learn whether another follows.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace jointbuy::store {

/// Cuts `rows`, fetched with LIMIT `limit` + 1, to `limit` rows and returns the key to continue
/// after (the last row's `key(row)`), or nothing when this was the last page.
template <class Row, class Key>
std::optional<std::string> trim_to_page(std::vector<Row>& rows, int limit, Key key) {
  if (static_cast<int>(rows.size()) <= limit) return std::nullopt;
  rows.resize(static_cast<std::size_t>(limit));
  return key(rows.back());
}

}  // namespace jointbuy::store
