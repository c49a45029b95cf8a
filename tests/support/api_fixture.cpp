#include "tests/support/api_fixture.hpp"

#include <fstream>
#include <sstream>

#include "api/store/catalog_items.hpp"
#include "api/store/intents.hpp"
#include "api/store/organisations.hpp"
#include "api/store/tokens.hpp"
#include "catalog/organisations.hpp"
#include "tests/support/reference_data.hpp"
#include "tests/support/store_helpers.hpp"

namespace jointbuy::test {

api_fixture::api_fixture(http::server_config config, std::optional<http::rate_limits> limits, http::sign_in_settings sign_in)
    : db(scratch.open_migrated()) {
  std::ifstream in{std::string{JOINTBUY_DEFAULT_CATALOG_DIR} + "/municipalities-ch-2026.csv"};
  std::ostringstream text;
  text << in.rdbuf();
  store::import_organisations(*db, catalog::read_organisations_csv(text.str(), "LU").organisations, "test");
  store::load_catalog(*db, shipped_reference_data(), "test");
  kriens = store::create_token(*db, {store::role::municipality, "1059", "IT Kriens"}, "test").bearer;
  emmen = store::create_token(*db, {store::role::municipality, "1024", "IT Emmen"}, "test").bearer;
  coordinator = store::create_token(*db, {store::role::coordinator, std::nullopt, "Programmbüro"}, "test").bearer;
  auditor = store::create_token(*db, {store::role::auditor, std::nullopt, "Finanzkontrolle"}, "test").bearer;
  server = std::make_unique<running_server>(*db, config, limits, std::move(sign_in));
}

api_fixture::~api_fixture() { server.reset(); }

header_list api_fixture::auth(const std::string& bearer, header_list extra) {
  extra.emplace(extra.begin(), "Authorization", "Bearer " + bearer);
  return extra;
}

long long api_fixture::add_intent(const std::string& organisation, const std::string& item, std::int64_t quantity, int from,
                                  int to, const std::string& note, std::optional<std::int64_t> unit_price) {
  using namespace std::chrono;
  catalog::intent_draft d;
  d.organisation = organisation;
  d.item = item;
  d.quantity = quantity;
  d.earliest = engine::date{2027y / January / 1} + days{from};
  d.latest = engine::date{2027y / January / 1} + days{to};
  d.note = note;
  d.unit_price = unit_price;
  return store::create_intent(*db, d, "test", std::nullopt, "").intent.id;
}

long long api_fixture::rows(const std::string& table) const { return count_rows(*db, table); }

}  // namespace jointbuy::test
