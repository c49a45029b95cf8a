#pragma once
// The shared catalogue in the store: loaded from catalog/data, searched, edited by coordinators.

#include <optional>
#include <string>
#include <vector>

#include "api/store/database.hpp"
#include "api/store/paging.hpp"
#include "catalog/item.hpp"
#include "catalog/reference_data.hpp"

namespace jointbuy::store {

/// What loading the catalogue files changed.
struct catalog_load_result {
  std::size_t items_added = 0;
  std::size_t items_kept = 0;
  std::size_t cpv_codes_added = 0;
};

/// Adds the CPV codes and the items of `data` that the store does not have yet, in one
/// transaction, each new item audited. Items already stored are kept as they are, since
/// coordinators may have edited them. Loading again adds nothing.
catalog_load_result load_catalog(database& db, const catalog::reference_data& data, const std::string& actor);

/// Every item, in id order, read in the caller's session (and so in its transaction).
std::vector<catalog::item> all_items(soci::session& session);

/// The item with `id`, if there is one.
std::optional<catalog::item> find_item(database& db, const std::string& id);

/// The same, read in the caller's session.
std::optional<catalog::item> find_item(soci::session& session, const std::string& id);

/// The id of the one item whose German or English name is exactly `name`; none when no item or
/// more than one has it.
std::optional<std::string> item_named(soci::session& session, const std::string& name);

/// Which items to list: a text in names, CPV codes and CPV labels (case-insensitive), a category,
/// an exact CPV code; then a page after the id `after`.
struct item_query {
  std::string text;
  std::optional<engine::category> category;
  std::string cpv;
  std::string after;
  int limit = 50;
};

/// One page of items and, when more follow, the id to continue after.
using item_page = page<catalog::item>;

/// Searches the catalogue.
item_page search_items(database& db, const item_query& query);

/// The stored items that share `key`, except the item `except_id`.
std::vector<catalog::item> items_with_key(database& db, const std::string& key, const std::string& except_id);

/// Stores a new item at version 1, audited; throws conflict when the id is taken.
catalog::item create_item(database& db, catalog::item value, const std::string& actor);

/// Replaces the item `value.id` if its stored version is `expected_version`, raising the version
/// by one, audited with before and after, and returns the stored item. Throws not_found or
/// stale_version.
catalog::item update_item(database& db, catalog::item value, int expected_version, const std::string& actor);

}  // namespace jointbuy::store
