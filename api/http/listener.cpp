#include "api/http/listener.hpp"

#include "api/http/access_log.hpp"
#include "api/http/session.hpp"

namespace jointbuy::http {

namespace net = boost::asio;

listener::listener(server::core& core, const net::ip::tcp::endpoint& endpoint)
    : core_(core), acceptor_(net::make_strand(core.ioc)), retry_(acceptor_.get_executor()) {
  acceptor_.open(endpoint.protocol());
  acceptor_.set_option(net::socket_base::reuse_address(true));
  acceptor_.bind(endpoint);
  acceptor_.listen(net::socket_base::max_listen_connections);
}

void listener::run() {
  net::dispatch(acceptor_.get_executor(), [self = shared_from_this()] { self->accept(); });
}

void listener::stop() {
  net::dispatch(acceptor_.get_executor(), [self = shared_from_this()] {
    boost::system::error_code ignored;
    self->acceptor_.close(ignored);
    self->retry_.cancel();
  });
}

void listener::accept() {
  acceptor_.async_accept(net::make_strand(core_.ioc), [self = shared_from_this()](boost::system::error_code ec,
                                                                                  net::ip::tcp::socket socket) {
    if (ec == net::error::operation_aborted || !self->acceptor_.is_open()) return;
    if (ec) return self->back_off(ec);
    if (self->failures_ > 0) {
      log_info("accepting connections again after " + std::to_string(self->failures_) + " failed attempts");
      self->failures_ = 0;
      self->delay_ = std::chrono::milliseconds{0};
    }
    const bool over_capacity = self->core_.connections.load() >= self->core_.config.max_connections;
    std::make_shared<session>(std::move(socket), self->core_, over_capacity)->run();
    self->accept();
  });
}

void listener::back_off(const boost::system::error_code& ec) {
  // One line when the trouble starts, not one per attempt: out of file descriptors, a retry loop
  // would otherwise fill the disk with log lines while the sessions it starves wait.
  if (failures_++ == 0) log_error("accept", ec.message() + "; retrying with back-off");
  delay_ = std::min(std::chrono::milliseconds{1000}, std::max(std::chrono::milliseconds{10}, delay_ * 2));
  retry_.expires_after(delay_);
  retry_.async_wait([self = shared_from_this()](boost::system::error_code wait_ec) {
    if (wait_ec || !self->acceptor_.is_open()) return;
    self->accept();
  });
}

}  // namespace jointbuy::http
