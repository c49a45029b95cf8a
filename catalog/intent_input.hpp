#pragma once
// A purchase intent as a buyer submits it, decoded from a JSON body or a spreadsheet row. The
// checks against the catalogue and the calendar are the intake's (catalog/intent_intake.hpp).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "catalog/input_problem.hpp"
#include "catalog/item.hpp"
#include "engine/date.hpp"
#include "engine/money.hpp"

namespace jointbuy::catalog {

/// The fields of an intent: what, how many, at what estimated price, when to award.
struct intent_draft {
  /// Empty when the input did not name one (a municipality acts for its own).
  std::string organisation;
  std::string item;
  std::int64_t quantity = 0;
  /// The buyer's estimate; the item's reference price applies when absent.
  std::optional<engine::rappen> unit_price;
  engine::date earliest;
  engine::date latest;
  /// For items billed yearly; the item's default applies when absent.
  std::optional<int> contract_years;
  std::string note;

  friend bool operator==(const intent_draft&, const intent_draft&) = default;
};

/// The longest award window: 3 years.
inline constexpr int max_window_days = 3 * 366;
/// The longest note.
inline constexpr std::size_t max_note_characters = 2000;

/// Decodes a JSON body: first against the "intent" schema, then field by field. Problems go to
/// `problems`; a field with a problem keeps its default in the result.
intent_draft decode_intent_json(const boost::json::value& body, std::vector<input_problem>& problems);

/// The columns of the spreadsheet import and their German names.
/// Canonical names are the JSON field names: item, quantity, unit_price_chf, earliest, latest,
/// contract_years, note, organisation.
std::optional<std::string> canonical_column(const std::string& header);

/// Decodes one spreadsheet row (canonical column → cell text): Swiss amounts "1'150.00", dates
/// ISO or "01.04.2027". Problems carry `row`.
intent_draft decode_intent_row(const std::map<std::string, std::string>& cells, std::size_t row,
                               std::vector<input_problem>& problems);

/// The contract value of the intent: quantity × (estimate or reference price) × term factor
/// (the intent's contract years, else the item's default). Nothing when it is beyond max_amount.
std::optional<engine::rappen> intent_value(std::int64_t quantity, std::optional<engine::rappen> unit_price,
                                           std::optional<int> contract_years, const item& item);

}  // namespace jointbuy::catalog
