#pragma once
// The jointbuy HTTP server running in the test process, on a free loopback port.

#include <memory>
#include <optional>
#include <thread>

#include "api/http/router.hpp"
#include "api/http/server.hpp"
#include "api/http/sign_in_settings.hpp"
#include "api/store/database.hpp"

namespace jointbuy::test {

/// Serves `routes` (or the whole API on `db`) on 127.0.0.1 and a free port until destroyed.
class running_server {
 public:
  /// The whole API over `db`, with the web pages of api/web, each token limited by `limits` if set.
  explicit running_server(store::database& db, http::server_config config = {},
                          std::optional<http::rate_limits> limits = std::nullopt, http::sign_in_settings sign_in = {});
  /// Only `routes`.
  running_server(std::unique_ptr<http::router> routes, http::server_config config);
  ~running_server();

  unsigned short port() const { return server_->port(); }
  /// Starts the graceful shutdown and waits until the server has returned from run().
  void stop_and_wait();

 private:
  std::unique_ptr<http::router> routes_;
  std::unique_ptr<http::server> server_;
  std::thread thread_;
};

}  // namespace jointbuy::test
