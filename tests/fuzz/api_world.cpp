#include "tests/fuzz/api_world.hpp"

#include <unistd.h>

#include <fstream>
#include <sstream>

#include "api/http/handlers/routes.hpp"
#include "api/store/catalog_items.hpp"
#include "api/store/database_url.hpp"
#include "api/store/migrations.hpp"
#include "api/store/organisations.hpp"
#include "api/store/tokens.hpp"
#include "catalog/organisations.hpp"

namespace jointbuy::fuzz {

api_world::api_world() {
  directory = std::filesystem::temp_directory_path() / ("jointbuy-fuzz-" + std::to_string(::getpid()));
  std::filesystem::create_directories(directory);
  std::filesystem::remove(directory / "fuzz.db");
  reference = catalog::load_reference_data(JOINTBUY_DEFAULT_CATALOG_DIR).data;
  db = std::make_unique<store::database>(store::parse_database_url("sqlite:" + (directory / "fuzz.db").string()));
  store::migrate(*db);
  std::ifstream in{std::string{JOINTBUY_DEFAULT_CATALOG_DIR} + "/municipalities-ch-2026.csv"};
  std::ostringstream text;
  text << in.rdbuf();
  store::import_organisations(*db, catalog::read_organisations_csv(text.str(), "LU").organisations, "fuzz");
  store::load_catalog(*db, reference, "fuzz");
  bearer = store::create_token(*db, {store::role::coordinator, std::nullopt, "Fuzz"}, "fuzz").bearer;
  routes = std::make_unique<http::router>(http::make_api_router(*db, reference));
}

api_world::~api_world() {
  routes.reset();
  db.reset();
  std::filesystem::remove_all(directory);
}

}  // namespace jointbuy::fuzz
