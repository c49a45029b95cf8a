#pragma once
// The one intake of purchase intents, whatever brings them: a JSON body of the API, a spreadsheet
// (API import, `jointbuy import-intents`) or a file of `jointbuy bundle`. Every entry is decoded,
// given its organisation and checked against the catalogue and the calendar by the same rules,
// with the same words in English and German (DOMAIN.md §1, §3.2). Store look-ups are passed in.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "catalog/intent_input.hpp"

namespace jointbuy::catalog {

/// The most rows one spreadsheet import takes.
inline constexpr std::size_t max_import_rows = 5000;
/// The most cells a row may have: the import knows a dozen columns.
inline constexpr std::size_t max_import_columns = 64;

/// Whose intents an input may hold.
enum class organisation_rule {
  /// Each entry names its organisation, or takes the scope's; it must be a known one (a coordinator).
  named_or_default,
  /// Every entry is the scope's organisation; an entry naming another is refused, and the result
  /// says so in `foreign_organisation` (a municipality; `import-intents --org`).
  own_only,
  /// A change of a stored intent: the organisation stays the scope's, the stored one.
  unchangeable,
};

/// Who submits and what every entry must carry.
struct intake_scope {
  organisation_rule rule = organisation_rule::named_or_default;
  /// The organisation of entries that name none (see `rule`).
  std::optional<std::string> organisation;
  /// An intent's window must not end before this day; none for an offline run on past data.
  std::optional<engine::date> today;
  /// Entries carry an "id", a positive whole number unique in the input (files of `jointbuy bundle`).
  bool with_ids = false;
  /// The most entries the input may hold.
  std::size_t max_entries = max_import_rows;
};

/// What the intake needs from the store (or from the files of an offline run).
struct intake_lookups {
  std::function<std::optional<item>(const std::string& id)> find_item;
  std::function<bool(const std::string& id)> organisation_exists;
  /// The id of the one item with exactly this German or English name (a spreadsheet may name the
  /// item as the catalogue shows it); may be empty, and then only ids are taken.
  std::function<std::optional<std::string>(const std::string& name)> item_named;
};

/// What an intent's category and value take from its catalogue item.
struct item_terms {
  engine::category category = engine::category::hardware;
  engine::rappen reference_price = 0;
  engine::billing billing = engine::billing::one_time;
  std::optional<int> default_contract_years;
};

/// The terms of `item` that an intent of it takes.
item_terms terms_of(const item& item);

/// One checked entry.
struct prepared_intent {
  /// The entry's id, when the scope asks for ids; else 0.
  std::int64_t id = 0;
  intent_draft draft;
  /// The terms of the catalogue item it was checked against (of an entry without problems), so that
  /// a store can write its value without reading the item again.
  item_terms terms;
};

/// Every entry checked, or every problem listed: `intents` is empty when there is any problem.
struct intake_result {
  std::vector<prepared_intent> intents;
  /// The first max_listed_problems problems, in input order. A spreadsheet's carry the row a
  /// spreadsheet shows (the header is row 1); a JSON array's name the entry ("[3].quantity").
  std::vector<input_problem> problems;
  /// How many more problems there are than `problems` lists.
  std::size_t problems_not_listed = 0;
  /// The first organisation an entry named that an own_only scope does not allow: a matter of
  /// access, which the API answers with 403. Its entry is among the problems as well.
  std::optional<std::string> foreign_organisation;
};

/// One intent as a JSON object (a body of POST or PUT /api/v1/intents).
intake_result intake_json(const boost::json::value& body, const intake_scope& scope, const intake_lookups& lookups);

/// A JSON array of intents, as `jointbuy bundle` reads it.
intake_result intake_json_list(const boost::json::value& list, const intake_scope& scope, const intake_lookups& lookups);

/// A CSV text of intents: comma or semicolon, a UTF-8 BOM, English or German headers, Swiss
/// amounts and dates, the item by its id or its exact name. With ids, an "id" column is required.
intake_result intake_csv(std::string_view csv, const intake_scope& scope, const intake_lookups& lookups);

}  // namespace jointbuy::catalog
