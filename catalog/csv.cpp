#include "catalog/csv.hpp"

#include <algorithm>

#include "catalog/utf8.hpp"

namespace jointbuy::catalog {

namespace {

char detect_separator(std::string_view text) {
  const auto first_line = text.substr(0, text.find('\n'));
  const auto semicolons = std::count(first_line.begin(), first_line.end(), ';');
  const auto commas = std::count(first_line.begin(), first_line.end(), ',');
  return semicolons > commas ? ';' : ',';
}

bool is_blank(const csv_record& record) { return record.fields.size() == 1 && record.fields[0].empty(); }

}  // namespace

csv_document read_csv(std::string_view text, char separator, const csv_limits& limits) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  csv_document document;
  if (const auto invalid = first_invalid_utf8(text)) {
    const auto line = 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(*invalid), '\n'));
    document.error = csv_error{line, "the text is not UTF-8 (save the file as \"CSV UTF-8\")", csv_failure::not_utf8};
    return document;
  }
  if (separator == '\0') separator = detect_separator(text);

  csv_record record{1, {std::string{}}};
  std::size_t line = 1;
  bool in_quotes = false;
  bool field_was_quoted = false;

  const auto finish_record = [&] {
    if (!is_blank(record)) document.records.push_back(std::move(record));
    record = csv_record{line, {std::string{}}};
    return document.records.size() <= limits.max_records;
  };
  const auto too_many_records = [&] {
    document.records.pop_back();
    document.error = csv_error{line, "more than " + std::to_string(limits.max_records) + " records", csv_failure::too_many_records};
    return std::move(document);
  };

  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    const char c = text[pos];
    if (in_quotes) {
      if (c == '"') {
        if (pos + 1 < text.size() && text[pos + 1] == '"') {
          record.fields.back().push_back('"');
          ++pos;
        } else {
          in_quotes = false;
        }
      } else {
        if (c == '\n') ++line;
        record.fields.back().push_back(c);
      }
      continue;
    }
    if (c == '"') {
      if (!record.fields.back().empty() || field_was_quoted) {
        document.error = csv_error{line, "a quote inside an unquoted field (quote the whole field and double inner quotes)"};
        return document;
      }
      in_quotes = true;
      field_was_quoted = true;
    } else if (c == separator) {
      if (record.fields.size() == limits.max_fields) {
        document.error = csv_error{line, "more than " + std::to_string(limits.max_fields) + " cells in a row", csv_failure::too_many_fields};
        return document;
      }
      record.fields.emplace_back();
      field_was_quoted = false;
    } else if (c == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n') {
      // the '\n' that follows ends the record
    } else if (c == '\n') {
      ++line;
      if (!finish_record()) return too_many_records();
      field_was_quoted = false;
    } else {
      if (field_was_quoted) {
        document.error = csv_error{line, "text after the closing quote of a field"};
        return document;
      }
      record.fields.back().push_back(c);
    }
  }
  if (in_quotes) {
    document.error = csv_error{record.line, "a quoted field is never closed"};
    return document;
  }
  if (!finish_record()) return too_many_records();
  return document;
}

}  // namespace jointbuy::catalog
