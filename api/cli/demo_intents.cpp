#include "api/cli/demo_intents.hpp"

#include <array>
#include <cstdint>

namespace jointbuy::cli {

namespace {

// 30 municipalities of all districts, then the city of Lucerne and the canton.
constexpr std::array<const char*, 32> buyers{
    "1024", "1059", "1054", "1058", "1040", "1103", "1031", "1062", "1063", "1151", "1093",
    "1098", "1140", "1030", "1052", "1051", "1069", "1065", "1008", "1010", "1125", "1104",
    "1081", "1102", "1094", "1143", "1107", "1002", "1023", "1033", "1061", "LU"};

// A need: how many buyers have it, their quantities, and when they want to award.
struct need {
  const char* item;
  int buyers;
  int first_buyer;
  std::int64_t min_quantity;
  std::int64_t max_quantity;
  int first_month;     // 1..12 of the demo year
  int spread_months;   // earliest dates spread over this many months
  int window_months;   // each window's length
};

constexpr std::array<need, 18> needs{{
    // Software that many need at once: joint tenders.
    {"school-administration-software", 22, 0, 150, 2400, 1, 2, 6},
    {"learning-platform-school", 10, 5, 200, 1800, 2, 3, 5},
    {"eumzug-connector", 16, 2, 1, 1, 3, 2, 6},
    {"service-portal", 12, 8, 1, 1, 4, 3, 6},
    {"gever-records-management", 8, 12, 20, 160, 5, 2, 5},
    {"erp-finance", 6, 18, 8, 40, 6, 3, 6},
    {"office-suite", 10, 20, 30, 420, 1, 8, 3},
    {"ucc-platform", 5, 25, 40, 300, 9, 2, 4},
    {"client-os-upgrade", 6, 3, 40, 260, 2, 6, 2},
    {"school-administration-implementation", 6, 0, 5, 25, 3, 2, 5},
    // Hardware: small quantities, scattered windows.
    {"laptop-standard-14", 8, 1, 5, 40, 1, 11, 1},
    {"desktop-standard", 5, 9, 3, 25, 2, 10, 1},
    {"monitor-24", 6, 14, 4, 30, 1, 11, 1},
    {"wlan-access-point", 5, 22, 6, 30, 3, 8, 2},
    {"ip-phone", 4, 26, 10, 60, 5, 6, 1},
    // School devices: bigger, overlapping; together worth a public tender.
    {"tablet-school", 6, 4, 120, 420, 5, 1, 4},
    {"projector-classroom", 4, 10, 4, 18, 6, 3, 2},
    // Smartphones for the administrations: 30 buyers, each in its own month: no common award
    // date and too small per month for a public tender, but over the years a framework agreement
    // would pay (FRAMEWORK_AGREEMENT_OPPORTUNITY).
    {"smartphone-admin", 30, 0, 17, 17, 1, 12, 1},
}};

// A small deterministic generator (the same numbers on every platform and run).
struct generator {
  std::uint64_t state = 0x4a6f696e74627579;  // "Jointbuy"
  std::uint64_t next() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return state >> 33;
  }
  std::int64_t between(std::int64_t low, std::int64_t high) {
    return low + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(high - low + 1));
  }
};

}  // namespace

std::vector<demo_intent> demo_intents(int year) {
  using namespace std::chrono;
  generator random;
  std::vector<demo_intent> intents;
  for (const auto& n : needs) {
    for (int b = 0; b < n.buyers; ++b) {
      const auto* organisation = buyers[static_cast<std::size_t>((n.first_buyer + b * 7) % static_cast<int>(buyers.size()))];
      catalog::intent_draft draft;
      draft.organisation = organisation;
      draft.item = n.item;
      draft.quantity = random.between(n.min_quantity, n.max_quantity);
      const auto month = static_cast<unsigned>(std::min<std::int64_t>(12, n.first_month + random.between(0, n.spread_months - 1)));
      draft.earliest = engine::date{std::chrono::year{year} / std::chrono::month{month} / 1};
      const auto end_month = year_month{std::chrono::year{year} / std::chrono::month{month}} + months{n.window_months};
      draft.latest = engine::date{end_month / 1} - days{1};
      draft.note = "Demo";
      intents.push_back({std::string{"demo-"} + n.item + "-" + organisation, std::move(draft)});
    }
  }
  return intents;
}

}  // namespace jointbuy::cli
