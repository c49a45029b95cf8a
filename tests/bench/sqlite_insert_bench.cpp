// The raw rate of the SQLite store: N threads, each on its own pooled session of the store (the same
// pragmas: WAL, full synchronous commits, busy timeout), insert one row of an intent's shape per
// transaction for a fixed time, through the store's write transaction. Reports throughput and
// latency percentiles as one JSON line, the form http_load_bench prints, for scripts/bench to put
// next to the API's rate on the same file system.
//   sqlite_insert_bench --db FILE --connections N --seconds S
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <boost/json.hpp>

#include "api/store/database.hpp"
#include "api/store/timestamps.hpp"
#include "api/store/transaction.hpp"

using clock_type = std::chrono::steady_clock;
namespace store = jointbuy::store;

namespace {

struct options {
  std::string db;
  int connections = 1;
  double seconds = 5;
};

options parse(int argc, char** argv) {
  options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string name = argv[i];
    const std::string value = argv[i + 1];
    if (name == "--db") o.db = value;
    if (name == "--connections") o.connections = std::stoi(value);
    if (name == "--seconds") o.seconds = std::stod(value);
  }
  if (o.db.empty() || o.connections < 1 || o.connections > 256 || o.seconds <= 0 || o.seconds > 120) {
    std::cerr << "usage: sqlite_insert_bench --db FILE --connections N (at most 256) --seconds S (at most 120)\n";
    std::exit(2);
  }
  return o;
}

double percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  const auto index = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1) + 0.5);
  return sorted[std::min(index, sorted.size() - 1)];
}

struct worker_result {
  std::vector<double> latencies_ms;
  long long failed = 0;
};

void insert_one(soci::session& session) {
  const std::string now = store::utc_timestamp_now();
  store::transaction tx{session};
  session << "INSERT INTO bench_raw (organisation_id, item_id, quantity, unit_price_rappen, earliest, latest, note, created_at) "
             "VALUES ('1059', 'laptop-standard-14', 40, 115000, '2027-02-01', '2027-05-31', 'benchmark', :now)",
      soci::use(now, "now");
  tx.commit();
}

}  // namespace

int main(int argc, char** argv) {
  const auto o = parse(argc, argv);
  store::database_options settings;
  settings.pool_size = static_cast<std::size_t>(o.connections);
  store::database db{store::parse_database_url("sqlite:" + o.db), settings};
  db.with_session([](soci::session& session) {
    session << "CREATE TABLE IF NOT EXISTS bench_raw (id INTEGER PRIMARY KEY, organisation_id TEXT NOT NULL, "
               "item_id TEXT NOT NULL, quantity INTEGER NOT NULL, unit_price_rappen INTEGER, earliest TEXT NOT NULL, "
               "latest TEXT NOT NULL, note TEXT NOT NULL, created_at TEXT NOT NULL)";
  });
  std::vector<worker_result> results(static_cast<std::size_t>(o.connections));
  std::vector<std::thread> threads;
  const auto started = clock_type::now();
  const auto deadline = started + std::chrono::duration_cast<clock_type::duration>(std::chrono::duration<double>(o.seconds));
  for (int c = 0; c < o.connections; ++c) {
    threads.emplace_back([&, c] {
      auto& result = results[static_cast<std::size_t>(c)];
      while (clock_type::now() < deadline) {
        const auto begun = clock_type::now();
        try {
          db.with_session([](soci::session& session) { insert_one(session); });
          result.latencies_ms.push_back(std::chrono::duration<double, std::milli>(clock_type::now() - begun).count());
        } catch (const std::exception& e) {
          if (result.failed++ == 0) std::cerr << "connection " << c << ": " << e.what() << "\n";
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  const double elapsed = std::chrono::duration<double>(clock_type::now() - started).count();
  std::vector<double> all;
  long long failed = 0;
  for (const auto& r : results) {
    all.insert(all.end(), r.latencies_ms.begin(), r.latencies_ms.end());
    failed += r.failed;
  }
  std::sort(all.begin(), all.end());
  long long rows = 0;
  db.with_session([&](soci::session& session) { session << "SELECT COUNT(*) FROM bench_raw", soci::into(rows); });
  const boost::json::object report{{"request", "raw SQLite insert"},
                                   {"connections", o.connections},
                                   {"seconds", elapsed},
                                   {"succeeded", all.size()},
                                   {"failed", failed},
                                   {"rows", rows},
                                   {"throughput_per_s", static_cast<double>(all.size()) / elapsed},
                                   {"p50_ms", percentile(all, 0.50)},
                                   {"p99_ms", percentile(all, 0.99)},
                                   {"p999_ms", percentile(all, 0.999)}};
  std::cout << boost::json::serialize(report) << "\n";
}
