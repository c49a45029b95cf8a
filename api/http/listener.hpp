#pragma once
// Accepts connections and starts a session for each (internal to api/http).

#include <memory>

#include <boost/asio.hpp>

#include "api/http/server_core.hpp"

namespace jointbuy::http {

/// The accept loop on its own strand.
class listener : public std::enable_shared_from_this<listener> {
 public:
  /// Binds and listens; throws std::system_error when the address is taken.
  listener(server::core& core, const boost::asio::ip::tcp::endpoint& endpoint);

  /// Starts accepting.
  void run();
  /// Stops accepting; sessions go on.
  void stop();
  /// The port bound.
  unsigned short port() const { return acceptor_.local_endpoint().port(); }

 private:
  void accept();

  server::core& core_;
  boost::asio::ip::tcp::acceptor acceptor_;
};

}  // namespace jointbuy::http
