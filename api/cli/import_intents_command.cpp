#include <iostream>

#include "api/cli/commands.hpp"
#include "api/cli/configuration.hpp"
#include "api/store/catalog_items.hpp"
#include "api/store/intents.hpp"
#include "api/store/organisations.hpp"
#include "catalog/intent_import.hpp"

namespace jointbuy::cli {

namespace {

constexpr const char* usage = R"(usage: jointbuy import-intents FILE.csv [--org ID] [--db URL]

Imports purchase intents from a spreadsheet, as POST /api/v1/intents/import does: comma or semicolon,
UTF-8 with or without BOM, Swiss amounts (1'150.00) and dates (01.04.2027) or ISO, English or German
headers (item/Artikel, quantity/Menge, unit_price_chf/Stückpreis CHF, earliest/Frühestens,
latest/Spätestens, contract_years/Vertragsjahre, note/Bemerkung, organisation/Gemeinde). With --org
every row belongs to that organisation; without it each row names its own. All rows are stored in
one transaction, or, when any row is bad, none: every bad row is listed with its row number.
)";

}  // namespace

int run_import_intents(const std::vector<std::string>& raw) {
  const auto args = parse_arguments(raw, with_database_options({{"org"}, {}}));
  if (args.has("help")) {
    std::cout << usage;
    return 0;
  }
  if (args.positional.size() != 1) throw usage_error("name one CSV file\n\n" + std::string{usage});
  const auto& file = args.positional[0];
  auto db = open_migrated_database(args);
  const catalog::import_scope scope{args.get("org"), args.get("org").has_value()};
  const catalog::import_lookups lookups{[&db](const std::string& id) { return store::find_item(*db, id); },
                                        [&db](const std::string& id) { return store::find_organisation(*db, id).has_value(); }};
  const auto prepared = catalog::prepare_import(read_file(file), scope, lookups, engine::today_utc());
  if (!prepared.problems.empty()) {
    for (const auto& p : prepared.problems) std::cerr << file << ":" << p.row << ": " << p.field << ": " << p.why.en << "\n";
    std::cerr << "nothing was imported: " << prepared.problems.size() << " problem(s)\n";
    return 1;
  }
  const auto records = store::import_intents(*db, prepared.drafts, "cli:import-intents");
  engine::rappen total = 0;
  for (const auto& record : records) total += record.value;
  std::cout << records.size() << " intents imported from " << file << ", CHF " << engine::format_chf_grouped(total) << "\n";
  return 0;
}

}  // namespace jointbuy::cli
