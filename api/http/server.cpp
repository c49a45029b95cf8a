#include "api/http/server.hpp"

#include <csignal>
#include <thread>
#include <vector>

#include "api/http/access_log.hpp"
#include "api/http/listener.hpp"
#include "api/http/session.hpp"

namespace jointbuy::http {

namespace net = boost::asio;

namespace {

// The I/O loop of one thread. The sessions catch what their own steps throw; should anything
// escape a handler all the same (inside Asio or Beast), the connection it belonged to is gone
// with the handler, and the thread goes on serving the others.
void run_io(net::io_context& ioc) {
  for (;;) {
    try {
      ioc.run();
      return;
    } catch (const std::exception& e) {
      log_error("I/O thread", e.what());
    } catch (...) {
      log_error("I/O thread", "a non-standard exception");
    }
  }
}

}  // namespace

server::server(server_config config, const router& routes) : core_(std::make_unique<core>(std::move(config), routes)) {
  const auto address = net::ip::make_address(core_->config.host);
  listener_ = std::make_shared<listener>(*core_, net::ip::tcp::endpoint{address, core_->config.port});
}

server::~server() = default;

unsigned short server::port() const { return listener_->port(); }

void server::run(bool handle_signals) {
  net::signal_set signals{core_->ioc};
  if (handle_signals) {
    signals.add(SIGINT);
    signals.add(SIGTERM);
    signals.async_wait([this](boost::system::error_code ec, int) {
      if (!ec) stop();
    });
  }
  stop_signals_ = [&signals] {
    boost::system::error_code ignored;
    signals.cancel(ignored);
  };
  listener_->run();
  std::vector<std::thread> threads;
  for (int i = 1; i < core_->config.io_threads; ++i) threads.emplace_back([this] { run_io(core_->ioc); });
  run_io(core_->ioc);
  for (auto& t : threads) t.join();
  core_->workers.join();
}

void server::stop() {
  if (core_->stopping.exchange(true)) return;
  net::post(core_->ioc, [this] {
    if (stop_signals_) stop_signals_();
    listener_->stop();
    std::vector<std::shared_ptr<session>> open;
    {
      const std::lock_guard lock{core_->sessions_mutex};
      for (auto& [raw, weak] : core_->sessions) {
        if (auto s = weak.lock()) open.push_back(std::move(s));
      }
    }
    for (auto& s : open) s->stop();
  });
}

}  // namespace jointbuy::http
