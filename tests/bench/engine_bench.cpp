// The batching engine on generated data for all of Switzerland: 2'100 buyers, 2'000 compatibility
// keys, award windows spread over a year. Times a full run (grouping, evaluation, flags,
// suggestions; the input is built before the clock starts) and, in the same process, std::sort of
// the same intents by (key, latest). Prints one JSON line.
//   engine_bench --intents N [--repeats R]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>

#include "catalog/reference_data.hpp"
#include "engine/bundling.hpp"

using namespace jointbuy;
using namespace std::chrono;

namespace {

struct generator {
  std::uint64_t state = 0x53776973734a6f69;
  std::uint64_t next() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return state >> 33;
  }
  std::int64_t below(std::int64_t n) { return static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(n)); }
};

engine::bundling_input generate(std::int64_t count, const catalog::reference_data& reference) {
  generator random;
  engine::bundling_input input{{}, {}, reference.thresholds, reference.costs, {}};
  for (int k = 0; k < 2000; ++k) {
    const auto kind = random.below(10);
    engine::item_terms terms;
    terms.compatibility_key = "key-" + std::to_string(k);
    terms.cpv = "48000000-8";
    if (kind < 3) {
      terms.category = engine::category::hardware;
      terms.reference_price = 20000 + random.below(280000);
    } else if (kind < 8) {
      terms.category = engine::category::software;
      terms.billing = engine::billing::yearly;
      terms.default_contract_years = 3 + static_cast<int>(random.below(3));
      terms.reference_price = 2000 + random.below(98000);
    } else {
      terms.category = engine::category::service;
      terms.procurement_type = engine::procurement_type::service;
      terms.reference_price = 10000 + random.below(190000);
    }
    input.items["item-" + std::to_string(k)] = terms;
  }
  const engine::date start = engine::date{2027y / January / 1};
  input.intents.reserve(static_cast<std::size_t>(count));
  for (std::int64_t i = 0; i < count; ++i) {
    engine::intent n;
    n.id = i + 1;
    n.organisation = std::to_string(1 + random.below(2100));
    n.item = "item-" + std::to_string(random.below(2000));
    n.quantity = 1 + (random.below(10) == 0 ? random.below(2000) : random.below(60));
    n.earliest = start + days{random.below(365)};
    n.latest = n.earliest + days{random.below(10) < 2 ? 0 : random.below(180)};
    input.intents.push_back(std::move(n));
  }
  return input;
}

template <class Fn>
double median_seconds(int repeats, Fn&& fn) {
  std::vector<double> times;
  for (int r = 0; r < repeats; ++r) {
    const auto started = steady_clock::now();
    fn();
    times.push_back(duration<double>(steady_clock::now() - started).count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  std::int64_t count = 0;
  int repeats = 3;
  std::string catalog_dir = JOINTBUY_DEFAULT_CATALOG_DIR;
  for (int a = 1; a + 1 < argc; a += 2) {
    const std::string_view name = argv[a];
    if (name == "--intents") count = std::stoll(argv[a + 1]);
    if (name == "--repeats") repeats = std::stoi(argv[a + 1]);
    if (name == "--catalog") catalog_dir = argv[a + 1];
  }
  if (count < 1 || count > 5'000'000 || repeats < 1) {
    std::cerr << "usage: engine_bench --intents N (1 to 5'000'000) [--repeats R] [--catalog DIR]\n";
    return 2;
  }
  const auto reference = catalog::load_reference_data(catalog_dir);
  if (!reference.errors.empty()) {
    std::cerr << "the catalogue has errors; run jointbuy validate-catalog\n";
    return 1;
  }
  const auto input = generate(count, reference.data);

  engine::bundling_summary summary;
  const double engine_seconds = median_seconds(repeats, [&] { summary = engine::run_bundling(input).summary; });

  // The baseline: the same intents sorted by (compatibility key, latest), as the grouping must.
  struct row {
    std::string_view key;
    engine::date latest;
    std::int64_t id;
  };
  std::vector<row> rows;
  rows.reserve(input.intents.size());
  for (const auto& n : input.intents) rows.push_back({input.items.at(n.item).compatibility_key, n.latest, n.id});
  const double sort_seconds = median_seconds(repeats, [&] {
    auto copy = rows;
    std::sort(copy.begin(), copy.end(), [](const row& a, const row& b) {
      if (a.key != b.key) return a.key < b.key;
      return a.latest != b.latest ? a.latest < b.latest : a.id < b.id;
    });
  });

  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  boost::json::object report{{"intents", count},
                             {"buyers", 2100},
                             {"keys", 2000},
                             {"repeats", repeats},
                             {"engine_s", engine_seconds},
                             {"sort_s", sort_seconds},
                             {"ratio_engine_sort", engine_seconds / sort_seconds},
                             {"peak_rss_mib", static_cast<double>(usage.ru_maxrss) / 1024.0},
                             {"bundles", summary.bundles},
                             {"joint_tenders", summary.joint_tenders}};
  std::cout << boost::json::serialize(report) << "\n";
  return 0;
}
