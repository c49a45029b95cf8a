#include "catalog/intent_intake.hpp"

#include <algorithm>
#include <charconv>
#include <map>

#include <boost/json.hpp>

#include "catalog/csv.hpp"

namespace jointbuy::catalog {

namespace {

bool has_problem(const std::vector<input_problem>& problems, const std::string& field) {
  return std::any_of(problems.begin(), problems.end(), [&](const input_problem& p) { return p.field == field; });
}

// The checks that need the catalogue and the calendar, on one entry whose own problems so far are
// `problems`: the item exists (`item` is null when not), earliest ≤ latest, latest not before
// `today`, a window of at most 3 years, contract years only for yearly billing, a value within the
// limits. (Each field's own format and range are the decoders'.)
void check_intent(const intent_draft& draft, const item* item, std::optional<engine::date> today,
                  std::vector<input_problem>& problems) {
  const auto ok = [&](const char* field) { return !has_problem(problems, field); };
  if (item == nullptr && ok("item") && !draft.item.empty()) {
    problems.push_back({"item", {"'" + draft.item + "' is not in the catalogue", "'" + draft.item + "' ist nicht im Katalog"}});
  }
  const bool dates_ok = ok("earliest") && ok("latest") && draft.earliest != engine::date{} && draft.latest != engine::date{};
  if (dates_ok) {
    if (draft.latest < draft.earliest) {
      problems.push_back({"latest", {"must not be before Earliest (" + engine::format_iso_date(draft.earliest) + ")",
                                     "darf nicht vor «Frühestens» (" + engine::format_swiss_date(draft.earliest) + ") liegen"}});
    } else if ((draft.latest - draft.earliest).count() > max_window_days) {
      problems.push_back({"latest", {"the award window may span at most 3 years", "das Vergabefenster darf höchstens 3 Jahre umfassen"}});
    }
    if (today && draft.latest < *today) {
      problems.push_back({"latest", {"must not be in the past (today is " + engine::format_iso_date(*today) + ")",
                                     "darf nicht in der Vergangenheit liegen (heute ist der " + engine::format_swiss_date(*today) + ")"}});
    }
  }
  if (item == nullptr) return;
  if (draft.contract_years && item->billing != engine::billing::yearly && ok("contract_years")) {
    problems.push_back({"contract_years", {"applies only to items billed yearly; " + item->id + " is bought once",
                                           "gilt nur für jährlich verrechnete Artikel; " + item->id + " wird einmalig gekauft"}});
  }
  if (draft.quantity > 0 && ok("quantity") && ok("unit_price_chf") &&
      !intent_value(draft.quantity, draft.unit_price, draft.contract_years, *item)) {
    problems.push_back({"quantity", {"makes the contract value exceed CHF 10 billion", "ergibt einen Auftragswert über CHF 10 Milliarden"}});
  }
}

// Look-ups asked once per distinct id: a file names the same item and organisation many times.
class cached_lookups {
 public:
  explicit cached_lookups(const intake_lookups& lookups) : lookups_(lookups) {}

  const item* find_item(const std::string& id) {
    auto [found, added] = items_.try_emplace(id);
    if (added) found->second = lookups_.find_item(id);
    return found->second ? &*found->second : nullptr;
  }

  // The id of the item a spreadsheet names by id or by its exact name; `text` itself when neither.
  std::string item_id(const std::string& text) {
    if (text.empty() || find_item(text) != nullptr || !lookups_.item_named) return text;
    auto [found, added] = names_.try_emplace(text);
    if (added) found->second = lookups_.item_named(text);
    return found->second.value_or(text);
  }

  bool organisation_exists(const std::string& id) {
    auto [found, added] = organisations_.try_emplace(id, false);
    if (added) found->second = lookups_.organisation_exists(id);
    return found->second;
  }

 private:
  const intake_lookups& lookups_;
  std::map<std::string, std::optional<item>> items_;
  std::map<std::string, std::optional<std::string>> names_;
  std::map<std::string, bool> organisations_;
};

// Collects the entries of one input and their problems, each problem at its place: a spreadsheet
// row, or "[i]." before the field for an entry of a JSON array.
class intake {
 public:
  intake(const intake_scope& scope, const intake_lookups& lookups) : scope_(scope), lookups_(lookups) {}

  // Gives the entry its organisation and checks it; `problems` are those its decoding found.
  void add(prepared_intent entry, std::vector<input_problem> problems, std::size_t row, std::optional<std::size_t> index) {
    auto& draft = entry.draft;
    check_organisation(draft, problems);
    const auto* found = draft.item.empty() ? nullptr : lookups_.find_item(draft.item);
    check_intent(draft, found, scope_.today, problems);
    if (found != nullptr) entry.terms = terms_of(*found);
    if (scope_.with_ids && entry.id > 0 && !has_problem(problems, "id")) check_unique_id(entry.id, row, index, problems);
    for (auto& p : problems) {
      if (index) p.field = element_field(*index, p.field);
      p.row = row;
      add_problem(std::move(p));
    }
    result_.intents.push_back(std::move(entry));
  }

  // A spreadsheet's item, named by id or by its exact name, as its id.
  std::string item_id(const std::string& text) { return lookups_.item_id(text); }

  void add_problem(input_problem p) {
    if (result_.problems.size() < max_listed_problems) {
      result_.problems.push_back(std::move(p));
    } else {
      ++result_.problems_not_listed;
    }
  }

  intake_result finish() {
    if (!result_.problems.empty()) result_.intents.clear();
    return std::move(result_);
  }

  // "[3].quantity": where in a JSON array a problem is.
  static std::string element_field(std::size_t index, const std::string& field) {
    std::string place{'['};
    place.append(std::to_string(index)).append("].").append(field);
    return place;
  }

 private:
  void check_organisation(intent_draft& draft, std::vector<input_problem>& problems) {
    const auto& scoped = scope_.organisation;
    switch (scope_.rule) {
      case organisation_rule::own_only:
        if (draft.organisation.empty() && scoped) draft.organisation = *scoped;
        if (draft.organisation != scoped) {
          if (!result_.foreign_organisation) result_.foreign_organisation = draft.organisation;
          problems.push_back({"organisation", {"must be your own organisation, " + scoped.value_or(""),
                                               "muss Ihre eigene Organisation sein, " + scoped.value_or("")}});
          return;
        }
        break;
      case organisation_rule::unchangeable:
        if (!draft.organisation.empty() && draft.organisation != scoped) {
          problems.push_back({"organisation", {"cannot change; withdraw the intent and submit a new one",
                                               "kann nicht geändert werden; Absicht zurückziehen und neu erfassen"}});
        }
        draft.organisation = scoped.value_or("");
        return;  // the stored intent's organisation exists
      case organisation_rule::named_or_default:
        if (draft.organisation.empty() && scoped) draft.organisation = *scoped;
        break;
    }
    if (draft.organisation.empty()) {
      if (!has_problem(problems, "organisation")) problems.push_back({"organisation", {"is required", "ist erforderlich"}});
    } else if (!lookups_.organisation_exists(draft.organisation)) {
      problems.push_back({"organisation", {"'" + draft.organisation + "' is not a known organisation",
                                           "'" + draft.organisation + "' ist keine bekannte Organisation"}});
    }
  }

  void check_unique_id(std::int64_t id, std::size_t row, std::optional<std::size_t> index,
                       std::vector<input_problem>& problems) {
    const auto [first, added] = first_with_id_.emplace(id, index ? *index : row);
    if (added) return;
    // Appended, not concatenated: GCC 12 at -O2 reports a false -Wrestrict on the temporaries.
    std::string en = "is also the id of ", de = "ist auch die Id von ";
    if (index) {
      en.append(element_field(first->second, "id"));
      de.append(element_field(first->second, "id"));
    } else {
      en.append("row ").append(std::to_string(first->second));
      de.append("Zeile ").append(std::to_string(first->second));
    }
    problems.push_back({"id", {std::move(en), std::move(de)}});
  }

  const intake_scope& scope_;
  cached_lookups lookups_;
  intake_result result_;
  // Per id, the row or index of the entry that has it first.
  std::map<std::int64_t, std::size_t> first_with_id_;
};

const reason positive_id{"must be a positive whole number", "muss eine positive ganze Zahl sein"};

std::optional<std::int64_t> positive_whole_number(const std::string& text) {
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || value < 1) return std::nullopt;
  return value;
}

}  // namespace

item_terms terms_of(const item& item) {
  return {item.category, item.reference_price, item.billing, item.default_contract_years};
}

intake_result intake_json(const boost::json::value& body, const intake_scope& scope, const intake_lookups& lookups) {
  intake entries{scope, lookups};
  std::vector<input_problem> problems;
  prepared_intent entry{0, decode_intent_json(body, problems), {}};
  entries.add(std::move(entry), std::move(problems), 0, std::nullopt);
  return entries.finish();
}

intake_result intake_json_list(const boost::json::value& list, const intake_scope& scope, const intake_lookups& lookups) {
  intake entries{scope, lookups};
  if (!list.is_array()) {
    entries.add_problem({"file", {"must be a JSON array of intents", "muss ein JSON-Array von Absichten sein"}});
    return entries.finish();
  }
  const auto& array = list.as_array();
  if (array.size() > scope.max_entries) {
    entries.add_problem({"file", {"has more than " + std::to_string(scope.max_entries) + " intents",
                                  "hat mehr als " + std::to_string(scope.max_entries) + " Absichten"}});
    return entries.finish();
  }
  for (std::size_t i = 0; i < array.size(); ++i) {
    std::vector<input_problem> problems;
    prepared_intent entry;
    boost::json::value fields = array[i];
    if (scope.with_ids && fields.is_object()) {
      const auto* id = fields.as_object().if_contains("id");
      if (id != nullptr && id->is_int64() && id->as_int64() > 0) entry.id = id->as_int64();
      if (entry.id == 0) problems.push_back({"id", positive_id});
      fields.as_object().erase("id");
    }
    entry.draft = decode_intent_json(fields, problems);
    entries.add(std::move(entry), std::move(problems), 0, i);
  }
  return entries.finish();
}

intake_result intake_csv(std::string_view csv, const intake_scope& scope, const intake_lookups& lookups) {
  intake entries{scope, lookups};
  const auto document = read_csv(csv, '\0', {scope.max_entries + 1, max_import_columns});
  if (document.error) {
    const auto& error = *document.error;
    switch (error.failure) {
      case csv_failure::too_many_records:
        entries.add_problem({"file", {"has more than " + std::to_string(scope.max_entries) + " rows; split it",
                                      "hat mehr als " + std::to_string(scope.max_entries) + " Zeilen; bitte aufteilen"}});
        break;
      case csv_failure::too_many_fields:
        entries.add_problem({"row", {"has more than 64 cells", "hat mehr als 64 Zellen"}, error.line});
        break;
      case csv_failure::not_utf8:
        entries.add_problem({"file", {"is not UTF-8 text; save it as \"CSV UTF-8\"",
                                      "ist kein UTF-8-Text; bitte als «CSV UTF-8» speichern"}, error.line});
        break;
      case csv_failure::syntax: entries.add_problem({"file", {error.reason, error.reason}, error.line}); break;
    }
    return entries.finish();
  }
  if (document.records.empty()) {
    entries.add_problem({"file", {"the file is empty", "die Datei ist leer"}, 1});
    return entries.finish();
  }
  // Header: each column by its canonical name.
  std::vector<std::optional<std::string>> columns;
  bool header_ok = true;
  for (const auto& header : document.records[0].fields) {
    auto name = scope.with_ids && header == "id" ? std::optional<std::string>{"id"} : canonical_column(header);
    if (!name) {
      entries.add_problem({header, {"is not a known column", "ist keine bekannte Spalte"}, 1});
      header_ok = false;
    }
    columns.push_back(std::move(name));
  }
  std::vector<const char*> required{"item", "quantity", "earliest", "latest"};
  if (scope.with_ids) required.insert(required.begin(), "id");
  for (const char* column : required) {
    if (std::find(columns.begin(), columns.end(), std::optional<std::string>{column}) == columns.end()) {
      entries.add_problem({column, {"column is missing", "Spalte fehlt"}, 1});
      header_ok = false;
    }
  }
  if (!header_ok) return entries.finish();

  for (std::size_t r = 1; r < document.records.size(); ++r) {
    const auto& record = document.records[r];
    if (record.fields.size() != columns.size()) {
      entries.add_problem({"row", {"has " + std::to_string(record.fields.size()) + " cells, the header " + std::to_string(columns.size()),
                                   "hat " + std::to_string(record.fields.size()) + " Zellen, die Kopfzeile " + std::to_string(columns.size())},
                           record.line});
      continue;
    }
    std::map<std::string, std::string> cells;
    for (std::size_t c = 0; c < columns.size(); ++c) cells[*columns[c]] = record.fields[c];
    std::vector<input_problem> problems;
    prepared_intent entry{0, decode_intent_row(cells, 0, problems), {}};
    entry.draft.item = entries.item_id(entry.draft.item);
    if (scope.with_ids) {
      const auto id = positive_whole_number(cells["id"]);
      if (!id) problems.push_back({"id", positive_id});
      entry.id = id.value_or(0);
    }
    entries.add(std::move(entry), std::move(problems), record.line, std::nullopt);
  }
  if (document.records.size() == 1) {
    entries.add_problem({"file", {"has no rows below the header", "hat keine Zeilen unter der Kopfzeile"}, 2});
  }
  return entries.finish();
}

}  // namespace jointbuy::catalog
