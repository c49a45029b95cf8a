#pragma once
// The quantity schedule of joint tenders (Mengengerüst, DOMAIN.md §5): one CSV row per member
// intent, a totals row per tender and, for a run, one grand total, for the tender documents.

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
  /// Another buyer's row as a buyer sees it (as_seen_by): its unit price, value and note are not
  /// shown, only its name, quantity and window.
  bool withheld = false;
};

/// The rows of one tender as the buyer `organisation` may see them: in a joint tender every row,
/// the other buyers' withheld (their price estimates and notes are theirs); in a bundle whose
/// buyers each buy alone, only its own rows. Coordinators and auditors see the rows as they are.
std::vector<schedule_row> as_seen_by(std::vector<schedule_row> rows, const std::string& organisation, bool joint_tender);

/// How the CSV is written.
struct schedule_format {
  /// ',' by default; ';' for Excel in de-CH.
  char separator = ',';
  /// A UTF-8 byte order mark first, so that Excel reads UTF-8.
  bool bom = false;
  /// Headers, units, the lead mark, row kinds and dates (31.05.2027) in German, or English (ISO dates).
  engine::language lang = engine::language::en;
  /// One grand total after the last tender's total (the schedule of a run).
  bool grand_total = false;
};

/// The separator a name stands for: "comma" → ',', "semicolon" → ';' (as the API's ?sep= and the
/// command line's --sep say it); nothing for any other name.
std::optional<char> parse_separator(std::string_view name);

/// The schedule of `rows` (grouped by bundle, in the order given), each tender followed by its
/// totals row, and with `grand_total` one grand total of the values. The last column says what
/// each row is (intent, tender_total, grand_total), so that a sum over the intents' rows equals the
/// grand total to the Rappen. RFC 4180: CRLF line ends; a cell with a comma, a semicolon, a quote or a line break
/// is quoted with doubled quotes. Text cells are written by csv_cell.
std::string schedule_csv(const std::vector<schedule_row>& rows, const schedule_format& format);

/// One text cell of a CSV file, safe whichever separator a spreadsheet reads the file with: a '=',
/// '+', '-', '@', tab or carriage return where a cell could begin under ',' or ';' (at the start,
/// or after a comma, semicolon, tab or line break, quotes skipped) gets an apostrophe before it,
/// so that no spreadsheet runs it as a formula.
std::string csv_cell(std::string_view text, char separator);

}  // namespace jointbuy::catalog
