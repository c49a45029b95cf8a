#include <doctest/doctest.h>

#include "api/store/organisations.hpp"
#include "api/store/tokens.hpp"
#include "tests/support/scratch_database.hpp"
#include "tests/support/store_helpers.hpp"

using namespace jointbuy;
using jointbuy::test::count_rows;

namespace {

std::unique_ptr<store::database> database_with_kriens(const test::scratch_database& scratch) {
  auto db = scratch.open_migrated();
  store::import_organisations(*db, {{"1059", "Kriens", "LU", "Luzern-Land", catalog::organisation_kind::municipality}}, "test");
  return db;
}

}  // namespace

TEST_CASE("an issued token verifies as its principal") {
  test::scratch_database scratch;
  auto db = database_with_kriens(scratch);
  const auto token = store::create_token(*db, {store::role::municipality, "1059", "IT Kriens"}, "test");
  CHECK(token.bearer.starts_with("jb_" + token.id + "."));
  const auto who = store::verify_token(*db, token.bearer);
  REQUIRE(who.has_value());
  CHECK(who->token_id == token.id);
  CHECK(who->actor == token.id);
  CHECK(who->role == store::role::municipality);
  CHECK(who->organisation == "1059");
  CHECK(who->name == "IT Kriens");

  const auto coordinator = store::create_token(*db, {store::role::coordinator, std::nullopt, "PMO"}, "test");
  const auto boss = store::verify_token(*db, coordinator.bearer);
  REQUIRE(boss.has_value());
  CHECK(boss->role == store::role::coordinator);
  CHECK_FALSE(boss->organisation.has_value());
}

TEST_CASE("only the hash of the secret is stored") {
  test::scratch_database scratch;
  auto db = database_with_kriens(scratch);
  const auto token = store::create_token(*db, {store::role::auditor, std::nullopt, "Audit"}, "test");
  const auto secret = token.bearer.substr(token.bearer.find('.') + 1);
  const auto stored = db->with_session([&](soci::session& session) {
    std::string hash;
    session << "SELECT secret_sha256 FROM api_tokens WHERE id = :id", soci::use(token.id), soci::into(hash);
    return hash;
  });
  CHECK(stored.size() == 64);
  CHECK(stored.find(secret) == std::string::npos);
  CHECK(secret.size() >= 43);  // 256 bits
}

TEST_CASE("wrong, malformed and unknown tokens verify as nobody") {
  test::scratch_database scratch;
  auto db = database_with_kriens(scratch);
  const auto token = store::create_token(*db, {store::role::coordinator, std::nullopt, "PMO"}, "test");
  std::string tampered = token.bearer;
  tampered.back() = tampered.back() == 'A' ? 'B' : 'A';
  for (const std::string& bad : {tampered, std::string{"jb_"}, std::string{"jb_" + token.id}, std::string{"jb_" + token.id + "."},
                                 std::string{"Bearer " + token.bearer}, std::string{"jb_nosuchid.abc"},
                                 std::string{"jb_UPPER.abc"}, token.bearer.substr(3), std::string{""}}) {
    CAPTURE(bad);
    CHECK_FALSE(store::verify_token(*db, bad).has_value());
  }
}

TEST_CASE("a revoked token stops working at once") {
  test::scratch_database scratch;
  auto db = database_with_kriens(scratch);
  const auto token = store::create_token(*db, {store::role::coordinator, std::nullopt, "PMO"}, "test");
  REQUIRE(store::verify_token(*db, token.bearer).has_value());
  CHECK(store::revoke_token(*db, token.id, "test"));
  CHECK_FALSE(store::verify_token(*db, token.bearer).has_value());
  CHECK_FALSE(store::revoke_token(*db, token.id, "test"));
  CHECK_FALSE(store::revoke_token(*db, "nosuchtoken", "test"));
  const auto listed = store::list_tokens(*db);
  REQUIRE(listed.size() == 1);
  CHECK(listed[0].revoked_at.has_value());
}

TEST_CASE("rotating a token replaces its secret without adding a row") {
  test::scratch_database scratch;
  auto db = database_with_kriens(scratch);
  const store::token_request request{store::role::auditor, std::nullopt, "Demo auditor", std::nullopt};
  const auto first = store::rotate_token(*db, "demo-auditor", request, "seed");
  const auto second = store::rotate_token(*db, "demo-auditor", request, "seed");
  CHECK(first.id == "demo-auditor");
  CHECK(first.bearer != second.bearer);
  CHECK_FALSE(store::verify_token(*db, first.bearer).has_value());
  CHECK(store::verify_token(*db, second.bearer).has_value());
  CHECK(count_rows(*db, "api_tokens") == 1);
}

TEST_CASE("role and organisation must fit, and the organisation must exist") {
  test::scratch_database scratch;
  auto db = database_with_kriens(scratch);
  CHECK_THROWS_AS(store::create_token(*db, {store::role::municipality, std::nullopt, "x"}, "test"), store::configuration_error);
  CHECK_THROWS_AS(store::create_token(*db, {store::role::coordinator, "1059", "x"}, "test"), store::configuration_error);
  CHECK_THROWS_AS(store::create_token(*db, {store::role::municipality, "9999", "x"}, "test"), store::not_found);
  CHECK(count_rows(*db, "api_tokens") == 0);
}
