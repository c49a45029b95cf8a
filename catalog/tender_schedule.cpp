#include "catalog/tender_schedule.hpp"

namespace jointbuy::catalog {

namespace {

constexpr const char* headers_en[] = {"tender",   "tender_title", "cpv",        "item",       "unit",
                                      "buyer_id", "buyer_name",   "quantity",   "unit_price_chf",
                                      "value_chf", "award_from",  "award_to",   "lead_buyer", "intent", "note", "row"};
constexpr const char* headers_de[] = {"Ausschreibung", "Titel",         "CPV",          "Artikel",     "Einheit",
                                      "Auftraggeberin Nr.", "Auftraggeberin", "Menge",   "Stückpreis CHF",
                                      "Wert CHF",      "Vergabe ab",    "Vergabe bis",  "Federführend", "Beschaffungsabsicht",
                                      "Bemerkung",     "Zeile"};

// What a row is, in the last column, so that a spreadsheet can sum the intents alone.
constexpr const char* kind_en[] = {"intent", "tender_total", "grand_total"};
constexpr const char* kind_de[] = {"Absicht", "Total Ausschreibung", "Gesamttotal"};
enum row_kind { intent_row = 0, tender_total_row = 1, grand_total_row = 2 };

// The unit as a German reader names it; units the table does not know stay as the catalogue has them.
std::string_view unit_word(std::string_view unit, engine::language lang) {
  if (lang != engine::language::de) return unit;
  static constexpr std::pair<std::string_view, std::string_view> german[] = {
      {"piece", "Stück"},  {"licence", "Lizenz"},     {"user", "Benutzer/in"}, {"day", "Tag"},         {"device", "Gerät"},
      {"hour", "Stunde"},  {"municipality", "Gemeinde"}, {"pupil", "Schüler/in"}, {"server", "Server"}, {"site", "Standort"},
      {"system", "System"}, {"year", "Jahr"}};
  for (const auto& [en, de] : german) {
    if (en == unit) return de;
  }
  return unit;
}

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
  void kind(row_kind k) { text(format_.lang == engine::language::de ? kind_de[k] : kind_en[k]); }
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
  w.kind(tender_total_row);
  w.end_row();
}

// The one total of a schedule of several tenders: their values summed (quantities of different
// items are not added up).
void grand_total(writer& w, engine::rappen value, bool de) {
  w.text("");
  w.text(de ? "Gesamttotal" : "Grand total");
  for (int k = 0; k < 7; ++k) w.text("");
  w.number(engine::format_chf(value));
  for (int k = 0; k < 5; ++k) w.text("");
  w.kind(grand_total_row);
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
  engine::rappen value = 0, all = 0;
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const auto& r = rows[k];
    w.text(r.tender);
    w.text(r.title);
    w.text(r.cpv);
    w.text(r.item);
    w.text(unit_word(r.unit, format.lang));
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
    w.kind(intent_row);
    w.end_row();
    quantity += r.quantity;
    value += r.value;
    if (k + 1 == rows.size() || rows[k + 1].bundle != r.bundle) {
      totals(w, r, quantity, value);
      all += value;
      quantity = 0;
      value = 0;
    }
  }
  if (format.grand_total) grand_total(w, all, de);
  return w.take();
}

}  // namespace jointbuy::catalog
