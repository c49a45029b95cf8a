#pragma once
// Keyset pagination, in one place: a list query fetches one row more than the page to learn
// whether another page follows, and the page says where to continue.

#include <optional>
#include <string>
#include <vector>

namespace jointbuy::store {

/// One page of a list, in key order, and the key to continue after: nothing on the last page.
template <class Row>
struct page {
  std::vector<Row> items;
  std::optional<std::string> next_after;
};

/// Runs `fetch(limit + 1)`, which returns rows in key order, and cuts them to a page of `limit`;
/// when a row was left over, the page continues after `key(last row)`.
template <class Fetch, class Key>
auto fetch_page(int limit, Fetch&& fetch, Key&& key) {
  page<typename decltype(fetch(limit))::value_type> result{fetch(limit + 1), std::nullopt};
  if (static_cast<int>(result.items.size()) > limit) {
    result.items.resize(static_cast<std::size_t>(limit));
    result.next_after = key(result.items.back());
  }
  return result;
}

}  // namespace jointbuy::store
