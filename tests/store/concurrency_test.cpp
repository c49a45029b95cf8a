#include <doctest/doctest.h>

#include <atomic>
#include <set>
#include <thread>

#include "api/store/organisations.hpp"
#include "api/store/tokens.hpp"
#include "tests/support/scratch_database.hpp"
#include "tests/support/store_helpers.hpp"

using namespace jointbuy;
using jointbuy::test::count_rows;

TEST_CASE("concurrent writers from several threads all succeed, none sees 'database is locked'") {
  test::scratch_database scratch;
  auto db = scratch.open_migrated(8);
  store::import_organisations(*db, {{"1059", "Kriens", "LU", "Luzern-Land", catalog::organisation_kind::municipality}}, "test");

  constexpr int threads = 8;
  constexpr int per_thread = 25;
  std::atomic<int> failures{0};
  std::vector<std::string> failure_messages(threads);
  std::vector<std::vector<std::string>> ids(threads);
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      for (int i = 0; i < per_thread; ++i) {
        try {
          const auto token = store::create_token(*db, {store::role::municipality, "1059", "writer " + std::to_string(t)}, "test");
          ids[t].push_back(token.id);
          // A reader between the writes, as the server has.
          (void)store::find_organisation(*db, "1059");
        } catch (const std::exception& e) {
          ++failures;
          failure_messages[t] = e.what();
        }
      }
    });
  }
  for (auto& w : workers) w.join();
  for (const auto& message : failure_messages) CHECK_MESSAGE(message.empty(), message);
  CHECK(failures == 0);
  std::set<std::string> distinct;
  for (const auto& list : ids) distinct.insert(list.begin(), list.end());
  CHECK(distinct.size() == threads * per_thread);
  CHECK(count_rows(*db, "api_tokens") == threads * per_thread);
  CHECK(count_rows(*db, "audit_log") == threads * per_thread + 1);
}
