#include "api/http/listener.hpp"

#include "api/http/access_log.hpp"
#include "api/http/session.hpp"

namespace jointbuy::http {

namespace net = boost::asio;

listener::listener(server::core& core, const net::ip::tcp::endpoint& endpoint)
    : core_(core), acceptor_(net::make_strand(core.ioc)) {
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
  });
}

void listener::accept() {
  acceptor_.async_accept(net::make_strand(core_.ioc), [self = shared_from_this()](boost::system::error_code ec,
                                                                                  net::ip::tcp::socket socket) {
    if (ec == net::error::operation_aborted || !self->acceptor_.is_open()) return;
    if (ec) {
      log_error("accept", ec.message());
    } else {
      const bool over_capacity = self->core_.connections.load() >= self->core_.config.max_connections;
      std::make_shared<session>(std::move(socket), self->core_, over_capacity)->run();
    }
    self->accept();
  });
}

}  // namespace jointbuy::http
