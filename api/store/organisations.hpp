#pragma once
// Buyers in the store: import from reference data, look-up and listing.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "api/store/database.hpp"
#include "api/store/paging.hpp"
#include "catalog/organisations.hpp"

namespace jointbuy::store {

/// What an import changed.
struct organisation_import_result {
  std::size_t inserted = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
};

/// Inserts new organisations and updates changed ones, in one transaction, each change audited
/// under `actor`. Importing the same list again changes nothing.
organisation_import_result import_organisations(database& db, const std::vector<catalog::organisation>& organisations,
                                                const std::string& actor);

/// The organisation with `id`, if there is one.
std::optional<catalog::organisation> find_organisation(database& db, const std::string& id);

/// The same, read in the caller's session.
std::optional<catalog::organisation> find_organisation(soci::session& session, const std::string& id);

/// Which organisations to list: optional filters, then a page after the id `after`, in id order.
struct organisation_query {
  std::optional<std::string> canton;
  std::optional<catalog::organisation_kind> kind;
  std::string after;
  int limit = 50;
};

/// One page of organisations and, when more follow, the id to continue after.
using organisation_page = page<catalog::organisation>;

/// Lists organisations by `query`.
organisation_page list_organisations(database& db, const organisation_query& query);

}  // namespace jointbuy::store
