#include <iostream>

#include "api/cli/commands.hpp"
#include "api/cli/configuration.hpp"
#include "api/cli/demo_agreements.hpp"
#include "api/cli/demo_intents.hpp"
#include "api/store/framework_agreements.hpp"
#include "api/mail/campaign_mail.hpp"
#include "api/store/campaigns.hpp"
#include "api/store/intents.hpp"
#include "api/store/timestamps.hpp"
#include "api/store/organisations.hpp"
#include "api/store/token_secret.hpp"
#include "api/store/passwords.hpp"
#include "api/store/people.hpp"
#include "api/store/tokens.hpp"

namespace jointbuy::cli {

namespace {

constexpr const char* usage = R"(usage: jointbuy seed-demo [--db URL]

Fills a migrated database with demo data — about 130 purchase intents of 30 Lucerne municipalities,
the canton and the city for the coming year, and one open needs survey with some answers — and gives the three demo people (one municipality, one
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

// The demo's framework agreement, once: kept when one of its title exists.
void seed_agreement(store::database& db) {
  const int year = static_cast<int>(std::chrono::year_month_day{engine::today_utc()}.year()) + 1;
  auto demo = demo_agreement(year);
  for (const auto& a : store::all_agreements(db)) {
    if (a.title == demo.title) {
      std::cout << "demo framework agreement: \"" << a.title << "\" (" << a.id << ") kept\n";
      return;
    }
  }
  demo.id = 0;
  const auto stored = store::create_agreement(db, demo, "demo-coordinator");
  std::cout << "demo framework agreement: \"" << stored.title << "\" (" << stored.id << ") added\n";
}

// One open needs survey for the whole canton, three weeks long, with some answers; Kriens (the demo
// municipality) has not answered yet, so that Anna Muster finds it waiting on her start page.
void seed_campaign(store::database& db) {
  const std::string title = "Schulverwaltungssoftware Volksschule";
  for (const auto& c : store::list_campaigns(db, std::nullopt)) {
    if (c.fields.title == title && (c.state == campaign::state::open || c.state == campaign::state::draft)) {
      std::cout << "demo campaign: \"" << title << "\" (" << c.id << ") kept\n";
      return;
    }
  }
  const auto now = std::chrono::system_clock::now();
  store::campaign_request request{title,
                                  "Wie 2016 beschaffen Kanton und Gemeinden die Schulverwaltungssoftware gemeinsam. Bitte melden Sie die "
                                  "Anzahl Lizenzen (Lehrpersonen und Verwaltung) für den Vertrag ab dem kommenden Schuljahr.",
                                  {"school-administration-software", "school-administration-implementation"},
                                  true,
                                  {},
                                  store::utc_timestamp(now - std::chrono::hours{24 * 3}),
                                  store::utc_timestamp(std::chrono::floor<std::chrono::days>(now) + std::chrono::hours{24 * 21 + 16}),
                                  {"P7D", "P2D"},
                                  true};
  const auto words = mail::campaign_mail_composer("http://127.0.0.1:8080");
  const auto c = store::create_campaign(db, request, "LU", "demo-coordinator");
  store::act_on_campaign(db, c.id, campaign::action::open, "demo-coordinator", words);
  const int year = static_cast<int>(std::chrono::year_month_day{engine::today_utc()}.year()) + 1;
  const auto window = [&](const char* organisation, std::int64_t licences) {
    catalog::intent_draft d;
    d.organisation = organisation;
    d.item = "school-administration-software";
    d.quantity = licences;
    d.earliest = engine::date{std::chrono::year{year} / std::chrono::June / 1};
    d.latest = engine::date{std::chrono::year{year} / std::chrono::December / 31};
    return d;
  };
  store::answer_campaign(db, c.id, "1024", {{window("1024", 180)}, false, ""}, "cli:seed-demo");
  store::answer_campaign(db, c.id, "1058", {{window("1058", 95)}, false, ""}, "cli:seed-demo");
  store::answer_campaign(db, c.id, "1054", {{window("1054", 70)}, false, ""}, "cli:seed-demo");
  store::answer_campaign(db, c.id, "1061", {{}, true, "Eigene Lösung bis 2029 unter Vertrag"}, "cli:seed-demo");
  std::cout << "demo campaign: \"" << title << "\" (" << c.id << ") open with 4 answers\n";
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
  seed_agreement(*db);
  seed_campaign(*db);
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
