#pragma once
// The HTTP server: Boost.Beast on N I/O threads, handlers on a separate worker pool.

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "api/http/router.hpp"

namespace jointbuy::http {

/// How the server listens and what it tolerates.
struct server_config {
  std::string host = "127.0.0.1";
  /// 0 picks a free port (tests); port() tells which.
  unsigned short port = 8080;
  int io_threads = 2;
  /// Threads that run handlers (database and engine work), apart from the I/O threads.
  int workers = 4;
  std::size_t header_limit = 16 * 1024;
  std::size_t body_limit = 1024 * 1024;
  /// A request must arrive whole within this time of the read starting; an idle keep-alive
  /// connection is closed after it.
  std::chrono::milliseconds read_timeout{std::chrono::seconds{30}};
  std::chrono::milliseconds write_timeout{std::chrono::seconds{30}};
  /// Connections beyond this get a 503 and are closed.
  std::size_t max_connections = 1024;
};

/// Serves a router. Binds at construction so that the port is known before run().
class server {
 public:
  server(server_config config, const router& routes);
  ~server();
  server(const server&) = delete;
  server& operator=(const server&) = delete;

  /// The port the server listens on.
  unsigned short port() const;

  /// Serves until stop() or, with `handle_signals`, SIGINT or SIGTERM; then stops accepting,
  /// lets requests in flight finish, closes idle connections and returns.
  void run(bool handle_signals = true);

  /// Starts the graceful shutdown described at run(). Thread-safe; returns at once.
  void stop();

  struct core;

 private:
  std::unique_ptr<core> core_;
  std::shared_ptr<class listener> listener_;
  std::function<void()> stop_signals_;
};

}  // namespace jointbuy::http
