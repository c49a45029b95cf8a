#include <iostream>
#include <map>

#include <boost/json.hpp>

#include "api/cli/catalog_loading.hpp"
#include "api/cli/commands.hpp"
#include "api/cli/configuration.hpp"
#include "catalog/bundling_json.hpp"
#include "catalog/csv.hpp"
#include "catalog/intent_input.hpp"
#include "catalog/json_text.hpp"
#include "catalog/tender_schedule.hpp"

namespace jointbuy::cli {

namespace {

constexpr const char* usage = R"(usage: jointbuy bundle --intents FILE [--catalog DIR] [--format json|csv] [--lang en|de]

Runs the batching engine offline on a file of intents and prints the tenders and flags. FILE is a
JSON array of intents or a CSV file, with the fields of POST /api/v1/intents plus "id" (a positive
whole number) and "organisation" on every intent. Bad intents are all listed (file, index or row,
field, reason) and nothing is computed. `jointbuy demo-intents` prints the demo data as such a file.
)";

// "[3].quantity": where in a JSON array of intents a problem is.
std::string element_field(std::size_t index, const std::string& field) {
  std::string place{'['};
  place.append(std::to_string(index)).append("].").append(field);
  return place;
}

struct loaded_intent {
  std::int64_t id = 0;
  catalog::intent_draft draft;
  /// The spreadsheet row of a CSV entry; 0 for JSON.
  std::size_t row = 0;
};

std::vector<loaded_intent> from_json(const std::string& file, const std::string& text, std::vector<catalog::input_problem>& problems) {
  std::vector<loaded_intent> intents;
  auto parsed = catalog::parse_json_text(text);
  if (parsed.error || !parsed.value.is_array()) {
    problems.push_back({"file", {parsed.error ? parsed.error->reason : "must be a JSON array of intents", ""}, 0});
    return intents;
  }
  const auto& list = parsed.value.as_array();
  for (std::size_t i = 0; i < list.size(); ++i) {
    std::vector<catalog::input_problem> own;
    loaded_intent loaded;
    if (!list[i].is_object() || !list[i].as_object().contains("id") || !list[i].as_object().at("id").is_int64() ||
        list[i].as_object().at("id").as_int64() < 1) {
      own.push_back({"id", {"must be a positive whole number", ""}, 0});
    } else {
      auto object = list[i].as_object();
      loaded.id = object.at("id").as_int64();
      object.erase("id");
      loaded.draft = catalog::decode_intent_json(object, own);
      if (loaded.draft.organisation.empty()) own.push_back({"organisation", {"is required", ""}, 0});
    }
    for (auto& p : own) problems.push_back({element_field(i, p.field), p.why, 0});
    intents.push_back(std::move(loaded));
  }
  (void)file;
  return intents;
}

std::vector<loaded_intent> from_csv(const std::string& text, std::vector<catalog::input_problem>& problems) {
  std::vector<loaded_intent> intents;
  const auto document = catalog::read_csv(text);
  if (document.error || document.records.empty()) {
    problems.push_back({"file", {document.error ? document.error->reason : "is empty", ""}, document.error ? document.error->line : 1});
    return intents;
  }
  const auto& header = document.records[0].fields;
  for (std::size_t r = 1; r < document.records.size(); ++r) {
    const auto& record = document.records[r];
    std::map<std::string, std::string> cells;
    std::string id_text;
    for (std::size_t c = 0; c < header.size() && c < record.fields.size(); ++c) {
      if (header[c] == "id") {
        id_text = record.fields[c];
      } else if (const auto name = catalog::canonical_column(header[c])) {
        cells[*name] = record.fields[c];
      }
    }
    loaded_intent loaded;
    loaded.row = record.line;
    loaded.draft = catalog::decode_intent_row(cells, record.line, problems);
    try {
      loaded.id = std::stoll(id_text);
    } catch (...) {
      loaded.id = 0;
    }
    if (loaded.id < 1) problems.push_back({"id", {"must be a positive whole number", ""}, record.line});
    if (loaded.draft.organisation.empty()) problems.push_back({"organisation", {"is required", ""}, record.line});
    intents.push_back(std::move(loaded));
  }
  return intents;
}

void print_csv(const engine::bundling_result& result) {
  std::cout << "bundle,decision,compatibility_key,cpv,award_from,award_to,procedure,international,bundle_value_chf,"
               "estimated_savings_chf,intent,organisation,quantity,value_chf,lead\n";
  for (const auto& b : result.bundles) {
    for (const auto& m : b.members) {
      std::cout << catalog::csv_cell(b.id, ',') << "," << engine::to_string(b.decision) << ","
                << catalog::csv_cell(b.compatibility_key, ',') << "," << b.cpv << "," << engine::format_iso_date(b.award_from) << ","
                << engine::format_iso_date(b.award_to) << "," << engine::to_string(b.procedure) << ","
                << (b.international ? "true" : "false") << "," << engine::format_chf(b.value) << ","
                << engine::format_chf(b.estimated_savings) << "," << m.intent << "," << catalog::csv_cell(m.organisation, ',') << ","
                << m.quantity << "," << engine::format_chf(m.value) << "," << (m.lead ? "true" : "false") << "\n";
    }
  }
}

}  // namespace

int run_bundle(const std::vector<std::string>& raw) {
  const auto args = parse_arguments(raw, {{"intents", "catalog", "format", "lang"}, {}});
  if (args.has("help")) {
    std::cout << usage;
    return 0;
  }
  const auto file = args.get("intents");
  if (!file || !args.positional.empty()) throw usage_error(usage);
  const auto format = args.get("format").value_or("json");
  if (format != "json" && format != "csv") throw usage_error("--format must be json or csv");
  const auto lang = engine::parse_language(args.get("lang").value_or("en"));
  if (!lang) throw usage_error("--lang must be en or de");

  const auto reference = load_valid_reference_data(catalog_directory_setting(args));
  if (!reference) return 1;
  const auto text = read_file(*file);
  std::vector<catalog::input_problem> problems;
  const bool is_json = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF") != std::string::npos &&
                       text[text.find_first_not_of(" \t\r\n\xEF\xBB\xBF")] == '[';
  const auto loaded = is_json ? from_json(*file, text, problems) : from_csv(text, problems);
  const auto terms = catalog::engine_terms(reference->items);
  // The checks of every other intake (window, catalogue, value), without the calendar: an offline
  // run may look at past needs. Then the ids, which only a file gives.
  std::map<std::string, const catalog::item*> items;
  for (const auto& item : reference->items) items[item.id] = &item;
  std::map<std::int64_t, std::size_t> first_with_id;
  for (std::size_t i = 0; i < loaded.size(); ++i) {
    const auto place = [&](const std::string& field) { return is_json ? element_field(i, field) : field; };
    const auto row = is_json ? std::size_t{0} : loaded[i].row;
    std::vector<catalog::input_problem> own;
    const auto found = items.find(loaded[i].draft.item);
    catalog::check_intent(loaded[i].draft, found == items.end() ? nullptr : found->second, std::nullopt, row, own);
    for (auto& p : own) problems.push_back({place(p.field), p.why, p.row});
    if (loaded[i].id < 1) continue;
    if (const auto [first, added] = first_with_id.emplace(loaded[i].id, i); !added) {
      // Appended, not concatenated: GCC 12 at -O2 reports a false -Wrestrict on the temporaries.
      std::string reason = std::to_string(loaded[i].id);
      reason.append(" is the id of ");
      if (is_json) {
        reason.append(element_field(first->second, "id"));
      } else {
        reason.append("row ").append(std::to_string(loaded[first->second].row));
      }
      reason.append(" too");
      problems.push_back({place("id"), {std::move(reason), ""}, row});
    }
  }
  if (!problems.empty()) {
    for (const auto& p : problems) {
      std::cerr << *file;
      if (p.row > 0) std::cerr << ":" << p.row;
      std::cerr << ": " << p.field << ": " << p.why.en << "\n";
    }
    std::cerr << problems.size() << " problem(s); nothing was computed\n";
    return 1;
  }
  engine::bundling_input input{{}, terms, reference->thresholds, reference->costs};
  for (const auto& l : loaded) {
    const auto& d = l.draft;
    input.intents.push_back({l.id, d.organisation, d.item, d.quantity, d.unit_price, d.earliest, d.latest, d.contract_years});
  }
  engine::bundling_result result;
  try {
    result = engine::run_bundling(input);
  } catch (const engine::invalid_input& e) {
    // The checks above refuse all such files first; this is the engine's own guard.
    std::cerr << *file << ": " << e.what() << "\n";
    return 1;
  }
  if (format == "csv") {
    print_csv(result);
  } else {
    std::cout << catalog::json_text(catalog::bundling_result_json(result, *lang)) << "\n";
  }
  return 0;
}

}  // namespace jointbuy::cli
