#pragma once
// Accepts connections and starts a session for each (internal to api/http).

#include <chrono>
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
  /// After a failed accept (EMFILE, ENFILE, ENOBUFS…): wait before the next one, longer each time
  /// it fails again, instead of retrying at once and spinning.
  void back_off(const boost::system::error_code& ec);

  server::core& core_;
  boost::asio::ip::tcp::acceptor acceptor_;
  boost::asio::steady_timer retry_;
  std::chrono::milliseconds delay_{0};
  std::size_t failures_ = 0;
};

}  // namespace jointbuy::http
