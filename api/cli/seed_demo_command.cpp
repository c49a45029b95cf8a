#include <iostream>

#include "api/cli/commands.hpp"
#include "api/cli/configuration.hpp"
#include "api/cli/demo_intents.hpp"
#include "api/store/intents.hpp"
#include "api/store/organisations.hpp"
#include "api/store/token_secret.hpp"
#include "api/store/passwords.hpp"
#include "api/store/people.hpp"
#include "api/store/tokens.hpp"

namespace jointbuy::cli {

namespace {

constexpr const char* usage = R"(usage: jointbuy seed-demo [--db URL]

Fills a migrated database with demo data — about 130 purchase intents of 30 Lucerne municipalities,
the canton and the city for the coming year — and gives the three demo people (one municipality, one
coordinator, one auditor) fresh passwords and their demo tokens fresh secrets, printing them. Idempotent: each demo intent has its own
idempotency key and the demo tokens keep their ids, so running it again adds nothing, and only the
tokens printed last are valid. For demonstrations only: never run it against a production database.
)";

// One demo person per role, each with a demo token of theirs (for scripts and curl).
struct demo_token {
  const char* id;
  store::role role;
  const char* organisation;
  const char* name;
  const char* person_id;
  const char* person_name;
  const char* email;
};

constexpr demo_token demo_tokens[] = {
    {"demo-municipality", store::role::municipality, "1059", "Demo: IT Gemeinde Kriens", "p-demo-kriens", "Anna Muster",
     "anna.muster@kriens.example"},
    {"demo-coordinator", store::role::coordinator, nullptr, "Demo: Programmbüro Beschaffungen", "p-demo-coordinator", "Beat Koch",
     "beat.koch@lu.example"},
    {"demo-auditor", store::role::auditor, nullptr, "Demo: Finanzkontrolle", "p-demo-auditor", "Claudia Graf",
     "claudia.graf@lu.example"},
};

// Stored through the same idempotency keys as the API: a second run finds every intent and adds none.
void seed_intents(store::database& db) {
  const int year = static_cast<int>(std::chrono::year_month_day{engine::today_utc()}.year()) + 1;
  std::size_t added = 0, kept = 0;
  for (const auto& demo : demo_intents(year)) {
    const auto hash = store::sha256_hex(demo.key + "|" + engine::format_iso_date(demo.draft.earliest));
    try {
      const auto result = store::create_intent(db, demo.draft, "demo-coordinator", demo.key, hash);
      ++(result.replayed ? kept : added);
    } catch (const store::conflict& e) {
      if (e.why() != store::conflict::reason::idempotency_key_reused) throw;
      ++kept;  // seeded in an earlier year: left as it is
    }
  }
  std::cout << "demo intents for " << year << ": " << added << " added, " << kept << " kept\n";
}

}  // namespace

int run_seed_demo(const std::vector<std::string>& raw) {
  const auto args = parse_arguments(raw, with_database_options({}));
  if (args.has("help")) {
    std::cout << usage;
    return 0;
  }
  if (!args.positional.empty()) throw usage_error(usage);
  auto db = open_migrated_database(args);
  std::vector<std::string> printed, passwords;
  for (const auto& demo : demo_tokens) {
    store::token_request request{demo.role, std::nullopt, demo.name, std::nullopt};
    if (demo.organisation != nullptr) request.organisation = demo.organisation;
    printed.push_back(store::rotate_token(*db, demo.id, request, "cli:seed-demo").bearer);
    // 96 random bits, fresh each time: a demo database that leaks stays no open door for long.
    passwords.push_back(store::random_base64url(12));
    store::person_request person{demo.email, demo.person_name, request.role, request.organisation};
    store::upsert_demo_person(*db, demo.person_id, person, store::hash_password(passwords.back()), demo.id, "cli:seed-demo");
  }
  seed_intents(*db);
  std::cout << "demo people (passwords valid until the next seed-demo):\n";
  for (const auto& demo : demo_tokens) {
    std::cout << "  " << demo.person_name << " (" << store::to_string(demo.role) << ")  e-mail " << demo.email << "  password "
              << passwords[static_cast<std::size_t>(&demo - demo_tokens)] << "\n";
  }
  std::cout << "demo tokens (valid until the next seed-demo):\n";
  for (const auto& demo : demo_tokens) {
    std::string who{store::to_string(demo.role)};
    if (demo.organisation != nullptr) {
      const auto org = store::find_organisation(*db, demo.organisation);
      who.append(" ").append(demo.organisation);
      if (org) who.append(" ").append(org->name);
    }
    std::cout << "  " << who << "\n    " << printed[static_cast<std::size_t>(&demo - demo_tokens)] << "\n";
  }
  return 0;
}

}  // namespace jointbuy::cli
