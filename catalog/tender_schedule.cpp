#include "catalog/tender_schedule.hpp"

namespace jointbuy::catalog {

namespace {

constexpr const char* headers_en[] = {"tender",   "tender_title", "cpv",        "item",       "unit",
                                      "buyer_id", "buyer_name",   "quantity",   "unit_price_chf",
                                      "value_chf", "award_from",  "award_to",   "lead_buyer", "intent", "note"};
constexpr const char* headers_de[] = {"Ausschreibung", "Titel",         "CPV",          "Artikel",     "Einheit",
                                      "Auftraggeberin Nr.", "Auftraggeberin", "Menge",   "Stückpreis CHF",
                                      "Wert CHF",      "Vergabe ab",    "Vergabe bis",  "Federführend", "Beschaffungsabsicht",
                                      "Bemerkung"};

class writer {
 public:
  explicit writer(const schedule_format& format) : format_(format) {
    if (format.bom) out_ = "\xEF\xBB\xBF";
  }
  void text(std::string_view cell) { next() += csv_cell(cell, format_.separator); }
  void number(std::string_view cell) { next() += cell; }
  void end_row() {
    out_ += "\r\n";
    first_ = true;
  }
  std::string date(engine::date day) const {
    return format_.lang == engine::language::de ? engine::format_swiss_date(day) : engine::format_iso_date(day);
  }
  std::string take() { return std::move(out_); }

 private:
  std::string& next() {
    if (!first_) out_ += format_.separator;
    first_ = false;
    return out_;
  }

  const schedule_format& format_;
  std::string out_;
  bool first_ = true;
};

void totals(writer& w, const schedule_row& first, std::int64_t quantity, engine::rappen value) {
  w.text(first.tender);
  w.text("Total");
  w.text(first.cpv);
  for (int k = 0; k < 4; ++k) w.text("");
  w.number(std::to_string(quantity));
  w.text("");
  w.number(engine::format_chf(value));
  w.text(w.date(first.award_from));
  w.text(w.date(first.award_to));
  for (int k = 0; k < 3; ++k) w.text("");
  w.end_row();
}

}  // namespace

namespace {

// What makes a spreadsheet read a cell as a formula (OWASP's list for CSV injection).
bool starts_formula(char c) { return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'; }

// Where a spreadsheet may begin a cell when it reads the file with either separator: after a comma,
// a semicolon, a tab or a line break. A quote there opens a quoted field, so it begins one too.
bool may_end_cell(char c) { return c == ',' || c == ';' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

std::string csv_cell(std::string_view text, char separator) {
  std::string cell;
  cell.reserve(text.size() + 2);
  bool cell_may_begin = true;
  for (const char c : text) {
    if (cell_may_begin && starts_formula(c)) cell += '\'';
    cell += c;
    if (may_end_cell(c)) {
      cell_may_begin = true;
    } else if (c != '"') {
      cell_may_begin = false;
    }
  }
  // Quoted when it holds either separator, so that a file opened with the other one splits no cell
  // where it was not meant to either.
  if (cell.find_first_of(std::string{separator} + ",;\"\r\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (const char c : cell) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

std::vector<schedule_row> as_seen_by(std::vector<schedule_row> rows, const std::string& organisation, bool joint_tender) {
  if (!joint_tender) {
    std::erase_if(rows, [&](const schedule_row& r) { return r.buyer != organisation; });
    return rows;
  }
  for (auto& r : rows) {
    if (r.buyer == organisation) continue;
    r.withheld = true;
    r.unit_price = 0;
    r.note.clear();
  }
  return rows;
}

std::optional<char> parse_separator(std::string_view name) {
  if (name == "comma") return ',';
  if (name == "semicolon") return ';';
  return std::nullopt;
}

std::string schedule_csv(const std::vector<schedule_row>& rows, const schedule_format& format) {
  const bool de = format.lang == engine::language::de;
  writer w{format};
  for (const auto* header : de ? headers_de : headers_en) w.text(header);
  w.end_row();
  std::int64_t quantity = 0;
  engine::rappen value = 0;
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const auto& r = rows[k];
    w.text(r.tender);
    w.text(r.title);
    w.text(r.cpv);
    w.text(r.item);
    w.text(r.unit);
    w.text(r.buyer);
    w.text(r.buyer_name);
    w.number(std::to_string(r.quantity));
    w.number(r.withheld ? "" : engine::format_chf(r.unit_price));
    w.number(r.withheld ? "" : engine::format_chf(r.value));
    w.text(w.date(r.award_from));
    w.text(w.date(r.award_to));
    w.text(r.lead ? (de ? "ja" : "yes") : "");
    w.number(std::to_string(r.intent));
    w.text(r.note);
    w.end_row();
    quantity += r.quantity;
    value += r.value;
    if (k + 1 == rows.size() || rows[k + 1].bundle != r.bundle) {
      totals(w, r, quantity, value);
      quantity = 0;
      value = 0;
    }
  }
  return w.take();
}

}  // namespace jointbuy::catalog
