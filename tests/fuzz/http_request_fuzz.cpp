// libFuzzer target: the HTTP request handling path — Beast's parser with the server's limits, then
// the router (target decoding, routing, authentication, handlers, problem mapping) over a real
// SQLite database. When the first byte is odd the request carries a valid coordinator token, so
// that the handlers behind authentication are reached too.
#include <cstdint>

#include <boost/beast/http.hpp>

#include "tests/fuzz/api_world.hpp"

namespace {

namespace beast_http = boost::beast::http;

jointbuy::fuzz::api_world& the_world() {
  static jointbuy::fuzz::api_world w;
  return w;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  auto& w = the_world();
  const bool authenticated = (data[0] & 1) != 0;
  beast_http::request_parser<beast_http::string_body> parser;
  parser.header_limit(16 * 1024);
  parser.body_limit(1024 * 1024);
  parser.eager(true);
  boost::system::error_code ec;
  parser.put(boost::asio::buffer(data + 1, size - 1), ec);
  if (ec || !parser.is_done()) return 0;
  auto req = parser.release();
  if (authenticated) req.set(beast_http::field::authorization, "Bearer " + w.bearer);
  (void)w.routes->handle(req);
  return 0;
}
