#include <iostream>

#include "api/cli/catalog_loading.hpp"
#include "api/cli/commands.hpp"
#include "api/cli/configuration.hpp"

namespace jointbuy::cli {

namespace {

constexpr const char* usage = R"(usage: jointbuy validate-catalog [DIR]

Validates a catalogue directory (default: --catalog / JOINTBUY_CATALOG / the source tree's
catalog/data): items.json, thresholds.json and cost-model.json against their JSON Schemas, then
the checks a schema cannot make (CPV codes in cpv-2008-en.csv, unique ids, items sharing a
compatibility key share category and procurement type, threshold periods do not overlap, discount
tiers increase). Prints every error with its file and JSON path; exits 1 when there is any.
)";

}  // namespace

int run_validate_catalog(const std::vector<std::string>& raw) {
  const auto args = parse_arguments(raw, {{"catalog"}, {}});
  if (args.has("help")) {
    std::cout << usage;
    return 0;
  }
  if (args.positional.size() > 1) throw usage_error(usage);
  const std::string directory = args.positional.empty() ? catalog_directory_setting(args) : args.positional[0];
  const auto data = load_valid_reference_data(directory);
  if (!data) return 1;
  std::cout << directory << ": " << data->items.size() << " items, " << data->cpv.size() << " CPV codes, "
            << data->thresholds.periods.size() << " threshold period(s), cost model: valid\n";
  return 0;
}

}  // namespace jointbuy::cli
