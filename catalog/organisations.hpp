#pragma once
// Buyers: the cantons and their municipalities (BFS numbers, eCH-0007).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/fwd.hpp>
#include <boost/json/value_from.hpp>

#include "catalog/csv.hpp"

namespace jointbuy::catalog {

/// What kind of public body a buyer is.
enum class organisation_kind { canton, municipality };

/// "canton" or "municipality".
std::string_view to_string(organisation_kind kind);

/// A buyer. Municipalities are identified by their BFS number ("1061"), cantons by their code ("LU").
struct organisation {
  std::string id;
  std::string name;
  std::string canton;
  std::string district;
  organisation_kind kind = organisation_kind::municipality;

  friend bool operator==(const organisation&, const organisation&) = default;
};

/// The organisation as JSON: {"id", "name", "kind", "canton", "district"}.
void tag_invoke(boost::json::value_from_tag, boost::json::value& json, const organisation& org);

/// The kind named `text`, if it names one.
std::optional<organisation_kind> parse_organisation_kind(std::string_view text);

/// The buyers read from a municipality list, or why lines of it were refused.
struct organisation_list {
  std::vector<organisation> organisations;
  std::vector<csv_error> errors;
};

/// Reads a municipality list with the columns bfs_number, name, canton and district (in any order,
/// more columns allowed), as in catalog/data/municipalities-ch-2026.csv. With `canton`, only that
/// canton's municipalities are kept. Every canton that has municipalities in the result is added
/// as a buyer of its own. Reports every bad line, not only the first.
organisation_list read_organisations_csv(std::string_view text, std::optional<std::string_view> canton = std::nullopt);

}  // namespace jointbuy::catalog
