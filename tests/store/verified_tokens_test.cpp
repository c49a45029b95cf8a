// Verified tokens kept by a process (store::verified_tokens): no look-up for a token it knows, and
// a revocation is refused at once by the process that made it and within 1 s by any other (another
// database object on the same database, with connections of its own, stands for another process).
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "api/store/tokens.hpp"
#include "api/store/verified_tokens.hpp"
#include "tests/support/scratch_database.hpp"

using namespace jointbuy;
using namespace std::chrono_literals;

namespace {

// Keeping starts once the process has read the access generation (its thread reads it every 100 ms).
bool generation_read(store::database& db) {
  for (int i = 0; i < 50 && !db.access_now(); ++i) std::this_thread::sleep_for(20ms);
  return db.access_now().has_value();
}

}  // namespace

TEST_CASE("a verified token is kept until tokens change: refused at once here after a revocation here, within 1 s after one elsewhere") {
  test::scratch_database scratch;
  auto here = scratch.open_migrated();
  auto elsewhere = scratch.open();
  const auto a = store::create_token(*here, {store::role::coordinator, std::nullopt, "A"}, "test");
  const auto b = store::create_token(*here, {store::role::auditor, std::nullopt, "B"}, "test");
  store::verified_tokens tokens{*here};
  REQUIRE(generation_read(*here));

  REQUIRE(tokens.verify(a.bearer));
  REQUIRE(tokens.verify(b.bearer));
  const auto leases = here->leases_taken();
  const auto again = tokens.verify(a.bearer);
  REQUIRE(again);
  CHECK(again->actor == a.id);
  CHECK(again->role == store::role::coordinator);
  CHECK(here->leases_taken() == leases);  // answered from what was kept
  CHECK_FALSE(tokens.verify(a.bearer + "x"));  // another secret is looked up, and refused

  REQUIRE(store::revoke_token(*here, a.id, "test"));
  CHECK_FALSE(tokens.verify(a.bearer));
  CHECK(tokens.verify(b.bearer));

  REQUIRE(store::revoke_token(*elsewhere, b.id, "test"));
  std::this_thread::sleep_for(1s);
  CHECK_FALSE(tokens.verify(b.bearer));
}
