#include <iostream>

#include "api/cli/catalog_loading.hpp"
#include "api/cli/commands.hpp"
#include "api/cli/configuration.hpp"
#include "api/http/access_log.hpp"
#include "api/http/handlers/routes.hpp"
#include "api/http/server.hpp"

namespace jointbuy::cli {

namespace {

constexpr const char* usage = R"(usage: jointbuy serve [--db URL] [--catalog DIR] [--host ADDRESS] [--port N] [--io-threads N] [--workers N] [--db-pool N]
                      [--web DIR]

Serves the API until SIGINT or SIGTERM, then stops accepting, lets requests in flight finish and
closes the database pool. Refuses a database whose schema is not this binary's (run migrate) and a
catalogue directory with errors; the thresholds and the cost model are read from it at start.

  --db URL          sqlite:PATH or postgresql://… (JOINTBUY_DB; default sqlite:var/jointbuy.db)
  --catalog DIR     reference data (JOINTBUY_CATALOG; default the source tree's catalog/data)
  --host ADDRESS    address to listen on (JOINTBUY_HOST; default 127.0.0.1)
  --port N          port (JOINTBUY_PORT; default 8080)
  --io-threads N    threads doing network I/O (default 2)
  --workers N       threads running handlers and database work (default 4)
  --db-pool N       database sessions (JOINTBUY_DB_POOL; default 8)
  --web DIR         the web pages, served under / (JOINTBUY_WEB; default the source tree's api/web)
)";

}  // namespace

int run_serve(const std::vector<std::string>& raw) {
  const auto args = parse_arguments(raw, with_database_options({{"catalog", "host", "port", "io-threads", "workers", "web"}, {}}));
  if (args.has("help")) {
    std::cout << usage;
    return 0;
  }
  if (!args.positional.empty()) throw usage_error(usage);
  http::server_config config;
  if (auto host = setting(args, "host", "JOINTBUY_HOST")) config.host = *host;
  if (auto port = setting(args, "port", "JOINTBUY_PORT")) {
    const int number = positive_number("port", *port);
    if (number > 65535) throw usage_error("--port must be at most 65535");
    config.port = static_cast<unsigned short>(number);
  }
  if (auto n = args.get("io-threads")) config.io_threads = positive_number("io-threads", *n);
  if (auto n = args.get("workers")) config.workers = positive_number("workers", *n);

  const auto reference = load_valid_reference_data(catalog_directory_setting(args));
  if (!reference) return 1;
  auto db = open_migrated_database(args);
  const auto pages = std::make_shared<const http::static_files>(setting(args, "web", "JOINTBUY_WEB").value_or(JOINTBUY_DEFAULT_WEB_DIR));
  const auto routes = http::make_api_router(*db, *reference, pages);
  http::server server{config, routes};
  http::log_info("jointbuy serving http://" + config.host + ":" + std::to_string(server.port()) + " with " +
                 std::string{store::to_string(db->kind())} + " (" + std::to_string(db->pool_size()) + " sessions) and " +
                 std::to_string(pages->size()) + " web files");
  server.run();
  http::log_info("jointbuy stopped");
  return 0;
}

}  // namespace jointbuy::cli
