#include "tests/support/running_server.hpp"

#include "api/http/handlers/routes.hpp"
#include "tests/support/reference_data.hpp"

namespace jointbuy::test {

namespace {

http::server_config loopback(http::server_config config) {
  config.host = "127.0.0.1";
  config.port = 0;
  return config;
}

// The shipped web pages, read once per test process.
std::shared_ptr<const http::static_files> shipped_pages() {
  static const auto pages = std::make_shared<const http::static_files>(JOINTBUY_DEFAULT_WEB_DIR);
  return pages;
}

}  // namespace

running_server::running_server(store::database& db, http::server_config config, std::optional<http::rate_limits> limits,
                               http::sign_in_settings sign_in)
    : running_server(std::make_unique<http::router>(http::make_api_router(db, shipped_reference_data(), shipped_pages(), limits, std::move(sign_in))),
                     config) {}

running_server::running_server(std::unique_ptr<http::router> routes, http::server_config config)
    : routes_(std::move(routes)), server_(std::make_unique<http::server>(loopback(config), *routes_)) {
  thread_ = std::thread([this] { server_->run(false); });
}

running_server::~running_server() { stop_and_wait(); }

void running_server::stop_and_wait() {
  if (!thread_.joinable()) return;
  server_->stop();
  thread_.join();
}

}  // namespace jointbuy::test
