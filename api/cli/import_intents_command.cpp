#include <iostream>

#include "api/cli/commands.hpp"
#include "api/cli/configuration.hpp"
#include "api/store/intents.hpp"
#include "catalog/intent_intake.hpp"

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
  catalog::intake_scope scope;
  scope.organisation = args.get("org");
  if (scope.organisation) scope.rule = catalog::organisation_rule::own_only;
  scope.today = engine::today_utc();
  const auto records = db->with_session([&](soci::session& session) -> std::optional<store::import_receipt> {
    const auto intake = catalog::intake_csv(read_file(file), scope, store::intake_lookups_in(session));
    if (!intake.problems.empty()) {
      for (const auto& p : intake.problems) std::cerr << file << ":" << p.row << ": " << p.field << ": " << p.why.en << "\n";
      std::cerr << "nothing was imported: " << intake.problems.size() + intake.problems_not_listed << " problem(s)\n";
      return std::nullopt;
    }
    std::vector<catalog::intent_draft> drafts;
    for (const auto& entry : intake.intents) drafts.push_back(entry.draft);
    return store::import_intents(session, drafts, "cli:import-intents");
  });
  if (!records) return 1;
  const auto total = records->value;
  std::cout << records->ids.size() << " intents imported from " << file << ", CHF " << engine::format_chf_grouped(total) << "\n";
  return 0;
}

}  // namespace jointbuy::cli
