#include <iostream>

#include "api/cli/commands.hpp"
#include "api/cli/configuration.hpp"
#include "api/store/organisations.hpp"
#include "api/store/tokens.hpp"

namespace jointbuy::cli {

namespace {

constexpr const char* usage = R"(usage: jointbuy seed-demo [--db URL]

Fills a migrated database with demo data and gives the three demo tokens (one municipality, one
coordinator, one auditor) fresh secrets, printing them. Idempotent: the demo tokens keep their ids,
so running it again adds nothing, and only the tokens printed last are valid. For demonstrations
only: never run it against a production database.
)";

struct demo_token {
  const char* id;
  store::role role;
  const char* organisation;
  const char* name;
};

constexpr demo_token demo_tokens[] = {
    {"demo-municipality", store::role::municipality, "1059", "Demo: IT Gemeinde Kriens"},
    {"demo-coordinator", store::role::coordinator, nullptr, "Demo: Programmbüro Beschaffungen"},
    {"demo-auditor", store::role::auditor, nullptr, "Demo: Finanzkontrolle"},
};

}  // namespace

int run_seed_demo(const std::vector<std::string>& raw) {
  const auto args = parse_arguments(raw, with_database_options({}));
  if (args.has("help")) {
    std::cout << usage;
    return 0;
  }
  if (!args.positional.empty()) throw usage_error(usage);
  auto db = open_migrated_database(args);
  std::cout << "demo tokens (valid until the next seed-demo):\n";
  for (const auto& demo : demo_tokens) {
    store::token_request request{demo.role, std::nullopt, demo.name};
    if (demo.organisation != nullptr) request.organisation = demo.organisation;
    const auto token = store::rotate_token(*db, demo.id, request, "cli:seed-demo");
    std::string who{store::to_string(demo.role)};
    if (demo.organisation != nullptr) {
      const auto org = store::find_organisation(*db, demo.organisation);
      who.append(" ").append(demo.organisation);
      if (org) who.append(" ").append(org->name);
    }
    std::cout << "  " << who << "\n    " << token.bearer << "\n";
  }
  return 0;
}

}  // namespace jointbuy::cli
