#pragma once
// An RFC 4180 reader for the CSV files that people and spreadsheets hand to jointbuy.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jointbuy::catalog {

/// One record of a CSV file and the line on which it starts (1-based, the header is line 1),
/// which is the row number a spreadsheet shows for files without embedded line breaks.
struct csv_record {
  std::size_t line = 0;
  std::vector<std::string> fields;
};

/// Why a CSV text could not be read: it is no CSV, no UTF-8, or beyond the reader's limits.
enum class csv_failure { syntax, not_utf8, too_many_records, too_many_fields };

/// A CSV file that could not be read, and where.
struct csv_error {
  std::size_t line = 0;
  std::string reason;
  csv_failure failure = csv_failure::syntax;
};

/// How much a CSV text may hold: reading stops with an error at the first record beyond
/// `max_records` or with more fields than `max_fields`, so that a hostile file costs no more than
/// its limits (a megabyte of commas is a million empty fields).
struct csv_limits {
  std::size_t max_records = static_cast<std::size_t>(-1);
  std::size_t max_fields = static_cast<std::size_t>(-1);
};

/// The outcome of reading a CSV text: its records, or the first syntax error.
struct csv_document {
  std::vector<csv_record> records;
  std::optional<csv_error> error;
};

/// Reads a whole CSV text. A UTF-8 byte order mark is skipped; the separator is `separator`, or,
/// when it is '\0', ';' if the first line holds more semicolons than commas (Excel in de-CH)
/// and ',' otherwise. CRLF and LF line ends are accepted; empty lines are skipped. Text that is
/// not UTF-8 is an error naming its line.
csv_document read_csv(std::string_view text, char separator = '\0', const csv_limits& limits = {});

}  // namespace jointbuy::catalog
