#pragma once
// The quantity schedule of joint tenders (Mengengerüst, DOMAIN.md §5): one CSV row per member
// intent and a totals row per tender, for the tender documents.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/date.hpp"
#include "engine/money.hpp"
#include "engine/procurement.hpp"

namespace jointbuy::catalog {

/// One member intent of a tender, with what the schedule shows of it.
struct schedule_row {
  long long bundle = 0;
  /// The engine's name of the tender ("school-admin/2027-04-11").
  std::string tender;
  /// The tender's title: the catalogue name of its item.
  std::string title;
  std::string cpv;
  std::string item;
  std::string unit;
  std::string buyer;
  std::string buyer_name;
  std::int64_t quantity = 0;
  /// The buyer's estimate, or the item's reference price.
  engine::rappen unit_price = 0;
  /// The contract value (quantity × unit price × term factor).
  engine::rappen value = 0;
  engine::date award_from;
  engine::date award_to;
  bool lead = false;
  long long intent = 0;
  std::string note;
};

/// How the CSV is written.
struct schedule_format {
  /// ',' by default; ';' for Excel in de-CH.
  char separator = ',';
  /// A UTF-8 byte order mark first, so that Excel reads UTF-8.
  bool bom = false;
  /// Headers, the lead mark and dates (31.05.2027) in German, or English (ISO dates).
  engine::language lang = engine::language::en;
};

/// The separator a name stands for: "comma" → ',', "semicolon" → ';' (as the API's ?sep= and the
/// command line's --sep say it); nothing for any other name.
std::optional<char> parse_separator(std::string_view name);

/// The schedule of `rows` (grouped by bundle, in the order given), each tender followed by its
/// totals row. RFC 4180: CRLF line ends, a cell with the separator, a quote or a line break is
/// quoted with doubled quotes. A text cell that begins with '=', '+', '-', '@', a tab or a carriage
/// return gets a leading apostrophe, so that no spreadsheet runs it as a formula.
std::string schedule_csv(const std::vector<schedule_row>& rows, const schedule_format& format);

/// One CSV cell as schedule_csv writes a text cell.
std::string csv_cell(std::string_view text, char separator);

}  // namespace jointbuy::catalog
