#include "catalog/intent_input.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include <boost/json.hpp>

#include "engine/contract_value.hpp"

namespace jointbuy::catalog {

namespace {

// The rules of the fields that have a range, said the same for a JSON body and a spreadsheet cell:
// the schema's generic words ("is out of range") are replaced by these.
const reason quantity_range{"must be a whole number from 1 to 10'000'000", "muss eine ganze Zahl von 1 bis 10'000'000 sein"};
const reason money_format{"must be an amount in CHF from 0 to 10'000'000'000 with at most 2 decimals",
                          "muss ein Betrag in CHF von 0 bis 10'000'000'000 mit höchstens 2 Nachkommastellen sein"};
const reason date_format{"must be a calendar date YYYY-MM-DD or DD.MM.YYYY",
                         "muss ein Kalenderdatum JJJJ-MM-TT oder TT.MM.JJJJ sein"};
const reason years_range{"must be a whole number from 1 to 5", "muss eine ganze Zahl von 1 bis 5 sein"};
const reason note_length{"is longer than 2000 characters", "ist länger als 2000 Zeichen"};

// The rule of a ranged field, if `field` is one.
const reason* field_rule(const std::string& field) {
  if (field == "quantity") return &quantity_range;
  if (field == "unit_price_chf") return &money_format;
  if (field == "contract_years") return &years_range;
  if (field == "note") return &note_length;
  return nullptr;
}

constexpr std::int64_t max_quantity = 10'000'000;

// Counted in characters (UTF-8 code points), as a person counts them.
std::size_t characters(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

bool has_problem(const std::vector<input_problem>& problems, const std::string& field, std::size_t row) {
  return std::any_of(problems.begin(), problems.end(),
                     [&](const input_problem& p) { return p.field == field && p.row == row; });
}

std::optional<std::int64_t> whole_number(std::string text) {
  text.erase(std::remove(text.begin(), text.end(), '\''), text.end());
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<engine::date> any_date(const std::string& text) {
  if (auto iso = engine::parse_iso_date(text)) return iso;
  return engine::parse_swiss_date(text);
}

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

}  // namespace

intent_draft decode_intent_json(const boost::json::value& body, std::vector<input_problem>& problems) {
  for (auto& p : localise(validate_against_schema("intent", body))) {
    if (const auto* rule = field_rule(p.field); rule != nullptr && p.why.en != "is required") p.why = *rule;
    if (!has_problem(problems, p.field, 0)) problems.push_back(std::move(p));
  }
  intent_draft draft;
  if (!body.is_object()) return draft;
  const auto& json = body.as_object();
  const auto text = [&](const char* key) -> std::string {
    const auto* value = json.if_contains(key);
    return value != nullptr && value->is_string() ? std::string{value->as_string()} : std::string{};
  };
  draft.organisation = text("organisation");
  draft.item = text("item");
  draft.note = text("note");
  if (const auto* quantity = json.if_contains("quantity"); quantity != nullptr && quantity->is_int64()) {
    draft.quantity = quantity->as_int64();
  }
  if (const auto* price = json.if_contains("unit_price_chf"); price != nullptr && price->is_number()) {
    draft.unit_price = engine::rappen_from_chf(price->to_number<double>());
    if (!draft.unit_price || *draft.unit_price < 0) {
      draft.unit_price.reset();
      if (!has_problem(problems, "unit_price_chf", 0)) problems.push_back({"unit_price_chf", money_format, 0});
    }
  }
  for (const char* field : {"earliest", "latest"}) {
    if (has_problem(problems, field, 0) || text(field).empty()) continue;
    const auto day = engine::parse_iso_date(text(field));
    if (!day) {
      problems.push_back({field, {"must be a calendar date YYYY-MM-DD", "muss ein Kalenderdatum JJJJ-MM-TT sein"}, 0});
    } else {
      (std::string_view{field} == "earliest" ? draft.earliest : draft.latest) = *day;
    }
  }
  if (const auto* years = json.if_contains("contract_years"); years != nullptr && years->is_int64()) {
    draft.contract_years = static_cast<int>(years->as_int64());
  }
  return draft;
}

std::optional<std::string> canonical_column(const std::string& header) {
  std::string key = trimmed(header);
  std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  static const std::map<std::string, std::string> names{
      {"item", "item"},
      {"artikel", "item"},
      {"katalogartikel", "item"},
      {"quantity", "quantity"},
      {"menge", "quantity"},
      {"anzahl", "quantity"},
      {"unit_price_chf", "unit_price_chf"},
      {"stückpreis chf", "unit_price_chf"},
      {"unit price chf", "unit_price_chf"},
      {"stückpreis", "unit_price_chf"},
      {"preis chf", "unit_price_chf"},
      {"earliest", "earliest"},
      {"frühestens", "earliest"},
      {"von", "earliest"},
      {"latest", "latest"},
      {"spätestens", "latest"},
      {"bis", "latest"},
      {"contract_years", "contract_years"},
      {"vertragsjahre", "contract_years"},
      {"contract years", "contract_years"},
      {"laufzeit jahre", "contract_years"},
      {"note", "note"},
      {"bemerkung", "note"},
      {"organisation", "organisation"},
      {"gemeinde", "organisation"},
      {"bfs-nr", "organisation"},
      {"bfs_number", "organisation"},
  };
  const auto found = names.find(key);
  if (found == names.end()) return std::nullopt;
  return found->second;
}

intent_draft decode_intent_row(const std::map<std::string, std::string>& cells, std::size_t row,
                               std::vector<input_problem>& problems) {
  intent_draft draft;
  const auto cell = [&](const char* column) {
    const auto found = cells.find(column);
    return found == cells.end() ? std::string{} : trimmed(found->second);
  };
  const auto required = [&](const char* column) {
    const auto value = cell(column);
    if (value.empty()) problems.push_back({column, {"is required", "ist erforderlich"}, row});
    return value;
  };
  draft.organisation = cell("organisation");
  draft.item = required("item");
  draft.note = cell("note");
  if (const auto quantity = required("quantity"); !quantity.empty()) {
    const auto number = whole_number(quantity);
    if (!number || *number < 1 || *number > max_quantity) {
      problems.push_back({"quantity", quantity_range, row});
    } else {
      draft.quantity = *number;
    }
  }
  if (const auto price = cell("unit_price_chf"); !price.empty()) {
    draft.unit_price = engine::parse_chf(price);
    if (!draft.unit_price || *draft.unit_price < 0) {
      draft.unit_price.reset();
      problems.push_back({"unit_price_chf", money_format, row});
    }
  }
  for (const char* column : {"earliest", "latest"}) {
    const auto text = required(column);
    if (text.empty()) continue;
    const auto day = any_date(text);
    if (!day) {
      problems.push_back({column, date_format, row});
    } else {
      (std::string_view{column} == "earliest" ? draft.earliest : draft.latest) = *day;
    }
  }
  if (const auto years = cell("contract_years"); !years.empty()) {
    const auto number = whole_number(years);
    if (!number || *number < 1 || *number > 5) {
      problems.push_back({"contract_years", years_range, row});
    } else {
      draft.contract_years = static_cast<int>(*number);
    }
  }
  if (characters(draft.note) > max_note_characters) {
    problems.push_back({"note", note_length, row});
    draft.note.clear();
  }
  return draft;
}

std::optional<engine::rappen> intent_value(std::int64_t quantity, std::optional<engine::rappen> unit_price,
                                           std::optional<int> contract_years, const item& item) {
  return engine::purchase_value(quantity, unit_price, item.reference_price, item.billing, contract_years,
                                item.default_contract_years);
}

}  // namespace jointbuy::catalog
