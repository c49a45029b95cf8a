#include "tests/support/http_client.hpp"

#include <algorithm>
#include <cctype>
#include <poll.h>

#include <boost/beast/core.hpp>
#include <doctest/doctest.h>

namespace jointbuy::test {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;

namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// Waits until the socket is readable or `wait` passes; true when readable (data or EOF).
bool readable(net::ip::tcp::socket& socket, std::chrono::milliseconds wait) {
  pollfd fd{socket.native_handle(), POLLIN, 0};
  return ::poll(&fd, 1, static_cast<int>(wait.count())) > 0;
}

}  // namespace

std::string http_reply::header(std::string name) const {
  const auto found = headers.find(lower(std::move(name)));
  return found == headers.end() ? std::string{} : found->second;
}

boost::json::value http_reply::json() const {
  boost::system::error_code ec;
  auto value = boost::json::parse(body, ec);
  REQUIRE_MESSAGE(!ec, "not JSON: " << body);
  return value;
}

http_connection::http_connection(unsigned short port) : socket_(ioc_) {
  socket_.connect({net::ip::make_address("127.0.0.1"), port});
}

http_reply http_connection::send(bhttp::verb method, const std::string& target, const std::string& body,
                                 const header_list& headers) {
  bhttp::request<bhttp::string_body> req{method, target, 11};
  req.set(bhttp::field::host, "127.0.0.1");
  for (const auto& [name, value] : headers) req.set(name, value);
  if (!body.empty() || method == bhttp::verb::post || method == bhttp::verb::put) {
    if (req.find(bhttp::field::content_type) == req.end()) req.set(bhttp::field::content_type, "application/json");
    req.body() = body;
    req.prepare_payload();
  }
  bhttp::write(socket_, req);
  beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  if (method == bhttp::verb::head) parser.skip(true);
  bhttp::read(socket_, buffer, parser);
  const auto& res = parser.get();
  http_reply reply;
  reply.status = res.result_int();
  for (const auto& field : res) reply.headers[lower(std::string{field.name_string()})] = std::string{field.value()};
  reply.body = res.body();
  return reply;
}

bool http_connection::closed_by_server(std::chrono::milliseconds wait) {
  if (!readable(socket_, wait)) return false;
  char byte = 0;
  boost::system::error_code ec;
  const auto n = socket_.read_some(net::buffer(&byte, 1), ec);
  return n == 0 && ec;
}

http_reply http_request(unsigned short port, bhttp::verb method, const std::string& target, const std::string& body,
                        const header_list& headers) {
  http_connection connection{port};
  return connection.send(method, target, body, headers);
}

http_reply http_get(unsigned short port, const std::string& target, const std::string& bearer) {
  header_list headers;
  if (!bearer.empty()) headers.emplace_back("Authorization", "Bearer " + bearer);
  return http_request(port, bhttp::verb::get, target, {}, headers);
}

std::string raw_exchange(unsigned short port, const std::string& bytes, std::chrono::milliseconds wait) {
  net::io_context ioc;
  net::ip::tcp::socket socket{ioc};
  socket.connect({net::ip::make_address("127.0.0.1"), port});
  net::write(socket, net::buffer(bytes));
  std::string received;
  const auto deadline = std::chrono::steady_clock::now() + wait;
  char chunk[4096];
  while (std::chrono::steady_clock::now() < deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (!readable(socket, left)) break;
    boost::system::error_code ec;
    const auto n = socket.read_some(net::buffer(chunk), ec);
    received.append(chunk, n);
    if (ec) break;
  }
  return received;
}

}  // namespace jointbuy::test
