#include "catalog/framework_agreement.hpp"

#include <algorithm>

#include <boost/json.hpp>

namespace jointbuy::catalog {

namespace {

std::string text_at(const boost::json::object& json, std::string_view key) {
  const auto* value = json.if_contains(key);
  return value != nullptr && value->is_string() ? std::string{value->as_string()} : std::string{};
}

std::optional<engine::rappen> amount_at(const boost::json::object& json, std::string_view key, const std::string& field,
                                        std::vector<input_problem>& problems) {
  const auto* value = json.if_contains(key);
  if (value == nullptr || !value->is_number()) return std::nullopt;
  const auto amount = engine::rappen_from_chf(value->to_number<double>());
  if (!amount) {
    problems.push_back({field, {"must be an amount in CHF with at most 2 decimals", "muss ein Betrag in CHF mit höchstens 2 Dezimalstellen sein"}});
  }
  return amount;
}

std::optional<engine::date> date_at(const boost::json::object& json, std::string_view key, const std::string& field,
                                    std::vector<input_problem>& problems) {
  if (!json.contains(key)) return std::nullopt;
  const auto day = engine::parse_iso_date(text_at(json, key));
  if (!day) problems.push_back({field, {"must be a calendar date YYYY-MM-DD", "muss ein Kalenderdatum JJJJ-MM-TT sein"}});
  return day;
}

// The day `years` years after `from` (28 February for 29 February in a year without it).
engine::date years_after(engine::date from, int years) {
  const std::chrono::year_month_day day{from};
  auto later = day + std::chrono::years{years};
  if (!later.ok()) later = later.year() / later.month() / std::chrono::last;
  return engine::date{later};
}

}  // namespace

std::string_view to_string(agreement_source value) {
  switch (value) {
    case agreement_source::own_tender: return "own_tender";
    case agreement_source::central_purchasing_body: return "central_purchasing_body";
    case agreement_source::in_house: return "in_house";
  }
  return "own_tender";
}

std::optional<agreement_source> parse_agreement_source(std::string_view text) {
  for (const auto s : {agreement_source::own_tender, agreement_source::central_purchasing_body, agreement_source::in_house}) {
    if (to_string(s) == text) return s;
  }
  return std::nullopt;
}

framework_agreement agreement_from_json(const boost::json::object& json, const agreement_lookups& lookups,
                                        std::vector<input_problem>& problems, const std::string& prefix) {
  const auto field = [&](const std::string& name) { return prefix.empty() ? name : prefix + "." + name; };
  framework_agreement value;
  if (const auto* id = json.if_contains("id"); id != nullptr && id->is_int64()) value.id = id->as_int64();
  value.title = text_at(json, "title");
  value.supplier = text_at(json, "supplier");
  for (const char* name : {"title", "supplier"}) {
    const auto text = text_at(json, name);
    if (json.contains(name) && text.find_first_not_of(" \t\r\n") == std::string::npos) {
      problems.push_back({field(name), {"must not be blank", "darf nicht leer sein"}});
    }
  }
  value.source = parse_agreement_source(text_at(json, "source")).value_or(agreement_source::own_tender);
  value.legal_basis = text_at(json, "legal_basis");
  value.reference = text_at(json, "reference");
  value.justification = text_at(json, "justification");
  const auto from = date_at(json, "valid_from", field("valid_from"), problems);
  const auto to = date_at(json, "valid_to", field("valid_to"), problems);
  if (from) value.valid_from = *from;
  if (to) value.valid_to = *to;
  if (from && to && *to < *from) {
    problems.push_back({field("valid_to"), {"must not be before valid_from", "darf nicht vor dem Beginn (valid_from) liegen"}});
  } else if (from && to && *to >= years_after(*from, max_years_without_justification) &&
             value.justification.find_first_not_of(" \t\r\n") == std::string::npos) {
    problems.push_back({field("justification"),
                        {"is required for a validity of more than 5 years (IVöB Art. 25 para. 3)",
                         "ist für eine Laufzeit von mehr als 5 Jahren nötig (IVöB Art. 25 Abs. 3)"}});
  }
  if (const auto* eligible = json.if_contains("eligible_organisations"); eligible != nullptr && eligible->is_array()) {
    value.all_eligible = false;
    const auto& list = eligible->as_array();
    for (std::size_t k = 0; k < list.size(); ++k) {
      if (!list[k].is_string()) continue;
      const std::string id{list[k].as_string()};
      if (lookups.organisation_exists && !lookups.organisation_exists(id)) {
        problems.push_back({field("eligible_organisations[" + std::to_string(k) + "]"),
                            {"'" + id + "' is not a known organisation", "'" + id + "' ist keine bekannte Organisation"}});
      }
      value.eligible.push_back(id);
    }
    std::sort(value.eligible.begin(), value.eligible.end());
  }
  value.ceiling = amount_at(json, "ceiling_chf", field("ceiling_chf"), problems).value_or(0);
  if (const auto* quantity = json.if_contains("ceiling_quantity"); quantity != nullptr && quantity->is_int64()) {
    value.ceiling_quantity = quantity->as_int64();
  }
  value.consumed = amount_at(json, "consumed_chf", field("consumed_chf"), problems).value_or(0);
  if (const auto* quantity = json.if_contains("consumed_quantity"); quantity != nullptr && quantity->is_int64()) {
    value.consumed_quantity = quantity->as_int64();
  }
  if (value.consumed > value.ceiling && json.contains("consumed_chf")) {
    problems.push_back({field("consumed_chf"), {"must not exceed the ceiling", "darf den Höchstbetrag nicht übersteigen"}});
  }
  if (const auto* items = json.if_contains("items"); items != nullptr && items->is_array()) {
    const auto& list = items->as_array();
    for (std::size_t k = 0; k < list.size(); ++k) {
      if (!list[k].is_object()) continue;
      const auto& entry = list[k].as_object();
      const std::string at = field("items[" + std::to_string(k) + "]");
      price_entry price{text_at(entry, "item"), value.valid_from, 0};
      if (lookups.item_exists && !lookups.item_exists(price.item)) {
        problems.push_back({at + ".item", {"'" + price.item + "' is not in the catalogue", "'" + price.item + "' ist nicht im Katalog"}});
      }
      price.unit_price = amount_at(entry, "unit_price_chf", at + ".unit_price_chf", problems).value_or(0);
      if (const auto day = date_at(entry, "valid_from", at + ".valid_from", problems)) {
        price.valid_from = *day;
        if (from && to && (*day < *from || *to < *day)) {
          problems.push_back({at + ".valid_from", {"must lie within the agreement's validity", "muss innerhalb der Laufzeit des Vertrags liegen"}});
        }
      }
      const bool twice = std::any_of(value.prices.begin(), value.prices.end(), [&](const price_entry& p) {
        return p.item == price.item && p.valid_from == price.valid_from;
      });
      if (twice) {
        problems.push_back({at, {"gives a price for this item and date a second time", "nennt einen Preis für diesen Artikel und dieses Datum ein zweites Mal"}});
      }
      value.prices.push_back(std::move(price));
    }
    std::sort(value.prices.begin(), value.prices.end(), [](const price_entry& a, const price_entry& b) {
      return a.item != b.item ? a.item < b.item : a.valid_from < b.valid_from;
    });
  }
  if (const auto* version = json.if_contains("version"); version != nullptr && version->is_int64()) {
    value.version = static_cast<int>(version->as_int64());
  }
  return value;
}

boost::json::object agreement_to_json(const framework_agreement& value) {
  boost::json::array items;
  for (const auto& p : value.prices) {
    items.push_back(boost::json::object{
        {"item", p.item}, {"unit_price_chf", engine::chf_from_rappen(p.unit_price)}, {"valid_from", engine::format_iso_date(p.valid_from)}});
  }
  boost::json::value eligible = "all";
  if (!value.all_eligible) {
    boost::json::array list;
    for (const auto& id : value.eligible) list.push_back(boost::json::string{id});
    eligible = std::move(list);
  }
  const auto left = engine::remaining(engine_agreement(value));
  boost::json::object json{{"id", value.id},
                           {"title", value.title},
                           {"supplier", value.supplier},
                           {"source", to_string(value.source)},
                           {"legal_basis", value.legal_basis},
                           {"reference", value.reference},
                           {"valid_from", engine::format_iso_date(value.valid_from)},
                           {"valid_to", engine::format_iso_date(value.valid_to)},
                           {"justification", value.justification},
                           {"eligible_organisations", std::move(eligible)},
                           {"ceiling_chf", engine::chf_from_rappen(value.ceiling)},
                           {"consumed_chf", engine::chf_from_rappen(value.consumed)},
                           {"consumed_quantity", value.consumed_quantity},
                           {"remaining_chf", engine::chf_from_rappen(left.value)},
                           {"items", std::move(items)},
                           {"version", value.version}};
  json["ceiling_quantity"] = value.ceiling_quantity ? boost::json::value(*value.ceiling_quantity) : nullptr;
  json["remaining_quantity"] = left.quantity ? boost::json::value(*left.quantity) : nullptr;
  json["tender"] = value.tender ? boost::json::value(*value.tender) : nullptr;
  return json;
}

engine::framework_agreement engine_agreement(const framework_agreement& value) {
  return {value.id,      value.valid_from, value.valid_to, value.all_eligible, value.eligible, value.ceiling,
          value.ceiling_quantity, value.consumed, value.consumed_quantity, value.prices};
}

}  // namespace jointbuy::catalog
