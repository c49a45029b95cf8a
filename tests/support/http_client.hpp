#pragma once
// A small HTTP/1.1 client over loopback for the tests, on Boost.Beast.

#include <chrono>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>

namespace jointbuy::test {

using header_list = std::vector<std::pair<std::string, std::string>>;

/// A response as the tests look at it.
struct http_reply {
  unsigned status = 0;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;

  /// The header `name` (any case), or "" when absent.
  std::string header(std::string name) const;
  /// The body parsed as JSON (fails the test when it is not JSON).
  boost::json::value json() const;
};

/// One keep-alive connection to 127.0.0.1:`port`.
class http_connection {
 public:
  explicit http_connection(unsigned short port);

  /// Sends one request and reads its response.
  http_reply send(boost::beast::http::verb method, const std::string& target, const std::string& body = {},
                  const header_list& headers = {});
  /// Whether the server has closed the connection (reads EOF within `wait`).
  bool closed_by_server(std::chrono::milliseconds wait = std::chrono::milliseconds{2000});
  /// The raw socket, for tests that write bytes by hand.
  boost::asio::ip::tcp::socket& socket() { return socket_; }

 private:
  boost::asio::io_context ioc_;
  boost::asio::ip::tcp::socket socket_;
  std::string buffer_;
};

/// Sends one request on a fresh connection.
http_reply http_request(unsigned short port, boost::beast::http::verb method, const std::string& target,
                        const std::string& body = {}, const header_list& headers = {});

/// Shorthand for an authenticated GET.
http_reply http_get(unsigned short port, const std::string& target, const std::string& bearer = {});

/// Writes `bytes` to a fresh connection and returns all the server sends until it closes the
/// connection or `wait` passes.
std::string raw_exchange(unsigned short port, const std::string& bytes,
                         std::chrono::milliseconds wait = std::chrono::milliseconds{3000});

}  // namespace jointbuy::test
