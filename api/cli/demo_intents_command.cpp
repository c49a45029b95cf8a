#include <iostream>

#include <boost/json.hpp>

#include "api/cli/arguments.hpp"
#include "api/cli/commands.hpp"
#include "api/cli/demo_agreements.hpp"
#include "api/cli/demo_intents.hpp"
#include "catalog/json_text.hpp"

namespace jointbuy::cli {

namespace {

constexpr const char* usage = R"(usage: jointbuy demo-intents [--year YYYY] [--agreements]

Prints the demo intents that seed-demo stores (default: for the coming year) as a JSON array with
ids, the input `jointbuy bundle --intents` takes. With --agreements: the demo's framework agreement
instead, as the JSON array `jointbuy bundle --agreements` takes.
)";

}  // namespace

int run_demo_intents(const std::vector<std::string>& raw) {
  const auto args = parse_arguments(raw, {{"year"}, {"agreements"}});
  if (args.has("help")) {
    std::cout << usage;
    return 0;
  }
  const int year = args.get("year") ? positive_number("year", *args.get("year"))
                                    : static_cast<int>(std::chrono::year_month_day{engine::today_utc()}.year()) + 1;
  if (args.has("agreements")) {
    std::cout << catalog::json_text(boost::json::array{catalog::agreement_to_json(demo_agreement(year))}) << "\n";
    return 0;
  }
  boost::json::array intents;
  std::int64_t id = 0;
  for (const auto& demo : demo_intents(year)) {
    const auto& d = demo.draft;
    intents.push_back({{"id", ++id},
                       {"organisation", d.organisation},
                       {"item", d.item},
                       {"quantity", d.quantity},
                       {"earliest", engine::format_iso_date(d.earliest)},
                       {"latest", engine::format_iso_date(d.latest)},
                       {"note", d.note}});
  }
  std::cout << catalog::json_text(intents) << "\n";
  return 0;
}

}  // namespace jointbuy::cli
