#pragma once
// What the listener and the sessions share (internal to api/http).

#include <atomic>
#include <memory>
#include <mutex>
#include <unordered_map>

#include <boost/asio.hpp>

#include "api/http/server.hpp"

namespace jointbuy::http {

class session;

struct server::core {
  core(server_config cfg, const router& r) : config(std::move(cfg)), routes(r), workers(static_cast<std::size_t>(config.workers)) {}

  server_config config;
  const router& routes;
  boost::asio::io_context ioc{config.io_threads};
  boost::asio::thread_pool workers;
  std::atomic<bool> stopping{false};
  std::atomic<std::size_t> connections{0};

  std::mutex sessions_mutex;
  std::unordered_map<session*, std::weak_ptr<session>> sessions;
};

}  // namespace jointbuy::http
