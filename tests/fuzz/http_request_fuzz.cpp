// libFuzzer target: the HTTP request handling path — Beast's parser with the server's limits, then
// the router (target decoding, routing, authentication, handlers, problem mapping) over a real
// SQLite database. When the first byte is odd the request carries a valid coordinator token, so
// that the handlers behind authentication are reached too.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include <boost/beast/http.hpp>

#include "api/http/handlers/routes.hpp"
#include "api/store/catalog_items.hpp"
#include "api/store/database_url.hpp"
#include "api/store/migrations.hpp"
#include "api/store/organisations.hpp"
#include "api/store/tokens.hpp"
#include "catalog/organisations.hpp"

namespace {

using namespace jointbuy;
namespace beast_http = boost::beast::http;

struct world {
  std::filesystem::path directory;
  catalog::reference_data reference;
  std::unique_ptr<store::database> db;
  std::unique_ptr<http::router> routes;
  std::string bearer;

  world() {
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
  ~world() {
    routes.reset();
    db.reset();
    std::filesystem::remove_all(directory);
  }
};

world& the_world() {
  static world w;
  return w;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  auto& w = the_world();
  const bool authenticated = (data[0] & 1) != 0;
  beast_http::request_parser<beast_http::string_body> parser;
  parser.header_limit(16 * 1024);
  parser.body_limit(1024 * 1024);
  parser.eager(true);
  boost::system::error_code ec;
  parser.put(boost::asio::buffer(data + 1, size - 1), ec);
  if (ec || !parser.is_done()) return 0;
  auto req = parser.release();
  if (authenticated) req.set(beast_http::field::authorization, "Bearer " + w.bearer);
  (void)w.routes->handle(req);
  return 0;
}
