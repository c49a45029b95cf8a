#pragma once
// The request target: path, query parameters, and the list conventions (limit, cursor).

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace jointbuy::http {

/// A request target split into its decoded path and its decoded query parameters.
struct target {
  std::string path;
  std::map<std::string, std::string> query;

  /// The parameter `name`, if given. Every name asked for is remembered (see unread()).
  std::optional<std::string> get(const std::string& name) const;

  /// The parameters given that nobody asked for: for a read, parameters its route does not know.
  std::vector<std::string> unread() const;

 private:
  mutable std::set<std::string> asked_;
};

/// Splits and percent-decodes "/path?a=1&b=x%20y". Throws a 400 problem for malformed escapes,
/// a target that is not an absolute path, a repeated parameter, or a decoded NUL byte.
target parse_target(std::string_view raw);

/// A page request of a list endpoint.
struct page_request {
  /// Items per page: `?limit=`, 50 unless given, 1 to 500.
  int limit = 50;
  /// Where the page starts: the key decoded from `?cursor=`, empty for the first page.
  std::string after;
};

/// The page that `t` asks for. Throws a 400 problem naming `limit` or `cursor` when they are bad.
page_request parse_page(const target& t);

/// `text` as a whole number ≥ 1 ("42"), or 0 for anything else: the ids in paths and cursors.
long long positive_id(std::string_view text);

/// A run named in a path or query: "latest" → 0, a run id → the id, anything else → none.
std::optional<long long> run_selector(std::string_view text);

/// For lists ordered by numeric id: the id a page starts after (0 for the first page). Throws a
/// 400 problem naming `cursor` when the cursor does not hold such an id.
long long after_id(const page_request& page);

/// The opaque cursor that continues a list after `key`.
std::string encode_cursor(std::string_view key);

}  // namespace jointbuy::http
