#include <algorithm>
#include <iostream>

#include <boost/json.hpp>

#include "api/cli/catalog_loading.hpp"
#include "api/cli/commands.hpp"
#include "api/cli/configuration.hpp"
#include "catalog/bundling_json.hpp"
#include "catalog/csv.hpp"
#include "catalog/framework_agreement.hpp"
#include "catalog/json_schema.hpp"
#include "catalog/intent_intake.hpp"
#include "catalog/json_text.hpp"
#include "catalog/tender_schedule.hpp"

namespace jointbuy::cli {

namespace {

constexpr const char* usage = R"(usage: jointbuy bundle --intents FILE [--agreements FILE] [--catalog DIR] [--format json|csv] [--lang en|de]

Runs the batching engine offline on a file of intents and prints the tenders and flags. FILE is a
JSON array of intents or a CSV file, with the fields of POST /api/v1/intents plus "id" (a positive
whole number) and "organisation" on every intent. Bad intents are all listed (file, index or row,
field, reason) and nothing is computed. `jointbuy demo-intents` prints the demo data as such a file.

--agreements FILE: a JSON array of framework agreements as POST /api/v1/framework-agreements takes
them, each with its "id" and, for call-offs already ordered, "consumed_chf" (and "consumed_quantity").
Individual purchases are then routed to call-offs and horizons proposed for new agreements
(CALL_OFF_AVAILABLE, CALL_OFF_CEILING_EXCEEDED, FRAMEWORK_AGREEMENT_OPPORTUNITY).
`jointbuy demo-intents --agreements` prints the demo agreements as such a file.
)";

// The agreements of a file, every problem listed as the intents' are.
std::vector<catalog::framework_agreement> read_agreements(const std::string& text, const catalog::reference_data& reference,
                                                          std::vector<catalog::input_problem>& problems) {
  std::vector<catalog::framework_agreement> agreements;
  const auto parsed = catalog::parse_json_text(text);
  if (parsed.error || !parsed.value.is_array()) {
    problems.push_back({"file", {parsed.error ? parsed.error->reason : "must be a JSON array of agreements",
                                 parsed.error ? parsed.error->reason : "muss ein JSON-Array von Rahmenverträgen sein"}});
    return agreements;
  }
  const catalog::agreement_lookups lookups{
      [&reference](const std::string& id) {
        return std::any_of(reference.items.begin(), reference.items.end(), [&](const auto& item) { return item.id == id; });
      },
      {}};
  const auto& list = parsed.value.as_array();
  for (std::size_t k = 0; k < list.size(); ++k) {
    std::string at = "[";
    at.append(std::to_string(k)).append("]");
    auto schema_problems = catalog::localise(catalog::validate_against_schema("framework-agreement", list[k], at));
    if (!schema_problems.empty()) {
      problems.insert(problems.end(), schema_problems.begin(), schema_problems.end());
      continue;
    }
    auto agreement = catalog::agreement_from_json(list[k].as_object(), lookups, problems, at);
    if (agreement.id == 0) problems.push_back({at + ".id", {"is required in a file", "ist in einer Datei nötig"}});
    const bool twice = std::any_of(agreements.begin(), agreements.end(), [&](const auto& a) { return a.id == agreement.id; });
    if (twice && agreement.id != 0) problems.push_back({at + ".id", {"is given more than once", "kommt mehr als einmal vor"}});
    agreements.push_back(std::move(agreement));
  }
  return agreements;
}

// The intake of a file: every entry names its organisation and has a unique id; no calendar check,
// since an offline run may look at past needs; organisations as the file names them (the
// organisation list is the database's, which an offline run does not read).
catalog::intake_result read_intents(const std::string& text, const catalog::reference_data& reference) {
  catalog::intake_scope scope;
  scope.with_ids = true;
  scope.max_entries = 1'000'000;
  const catalog::intake_lookups lookups{
      [&reference](const std::string& id) -> std::optional<catalog::item> {
        for (const auto& item : reference.items) {
          if (item.id == id) return item;
        }
        return std::nullopt;
      },
      [](const std::string&) { return true; },
      [&reference](const std::string& name) -> std::optional<std::string> {
        std::optional<std::string> found;
        for (const auto& item : reference.items) {
          if (item.name_de != name && item.name_en != name) continue;
          if (found) return std::nullopt;  // two items of that name: not one
          found = item.id;
        }
        return found;
      }};
  const auto start = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (start == std::string::npos || text[start] != '[') return catalog::intake_csv(text, scope, lookups);
  auto parsed = catalog::parse_json_text(text);
  if (parsed.error) {
    catalog::intake_result result;
    result.problems.push_back({"file", {parsed.error->reason, parsed.error->reason}});
    return result;
  }
  return catalog::intake_json_list(parsed.value, scope, lookups);
}

void print_csv(const engine::bundling_result& result) {
  std::cout << "bundle,decision,compatibility_key,cpv,award_from,award_to,procedure,international,bundle_value_chf,"
               "estimated_savings_chf,intent,organisation,quantity,value_chf,lead\n";
  for (const auto& b : result.bundles) {
    for (const auto& m : b.members) {
      std::cout << catalog::csv_cell(b.id, ',') << "," << engine::to_string(b.verdict) << ","
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
  const auto args = parse_arguments(raw, {{"intents", "agreements", "catalog", "format", "lang"}, {}});
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
  const auto intake = read_intents(read_file(*file), *reference);
  if (!intake.problems.empty()) {
    for (const auto& p : intake.problems) {
      std::cerr << *file;
      if (p.row > 0) std::cerr << ":" << p.row;
      std::cerr << ": " << p.field << ": " << p.why.in(*lang) << "\n";
    }
    std::cerr << intake.problems.size() + intake.problems_not_listed << " problem(s); nothing was computed\n";
    return 1;
  }
  std::vector<catalog::framework_agreement> agreements;
  if (const auto agreements_file = args.get("agreements")) {
    std::vector<catalog::input_problem> problems;
    agreements = read_agreements(read_file(*agreements_file), *reference, problems);
    if (!problems.empty()) {
      for (const auto& p : problems) std::cerr << *agreements_file << ": " << p.field << ": " << p.why.in(*lang) << "\n";
      std::cerr << problems.size() << " problem(s); nothing was computed\n";
      return 1;
    }
  }
  engine::bundling_input input{{}, catalog::engine_terms(reference->items), reference->thresholds, reference->costs, {}};
  for (const auto& a : agreements) input.agreements.push_back(catalog::engine_agreement(a));
  for (const auto& [id, d, terms] : intake.intents) {
    input.intents.push_back({id, d.organisation, d.item, d.quantity, d.unit_price, d.earliest, d.latest, d.contract_years});
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
    engine::reason_names names;
    names.agreement = [&agreements](const std::string& id) {
      for (const auto& a : agreements) {
        if (std::to_string(a.id) == id) return "«" + a.title + "» (" + id + ")";
      }
      return id;
    };
    std::cout << catalog::json_text(catalog::bundling_result_json(result, *lang, names)) << "\n";
  }
  return 0;
}

}  // namespace jointbuy::cli
