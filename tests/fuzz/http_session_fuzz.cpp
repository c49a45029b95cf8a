// libFuzzer target: bytes over a real loopback connection into the server that `jointbuy serve`
// runs — the listener, the session's read loop and limits, the router and every handler over a
// real SQLite database. Each input is one connection: written whole, then the client's side is
// shut, then everything the server sends is read until it closes. A crash, a hang, an answer of
// unbounded size or a byte of invalid UTF-8 in what comes back is a finding. When the first byte is
// odd a valid coordinator token is added after the request line, so that handlers behind
// authentication are reached too.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>

#include "api/http/server.hpp"
#include "catalog/utf8.hpp"
#include "tests/fuzz/api_world.hpp"

namespace {

using namespace jointbuy;

// The most a connection may send back: the largest answers (a page of 500 bundles, a web file)
// stay far below it.
constexpr std::size_t max_answer = 16 * 1024 * 1024;

// The API's world, served as `serve` serves it on a free loopback port.
struct world {
  fuzz::api_world api;
  std::unique_ptr<http::server> server;
  std::thread serving;

  world() {
    http::server_config config;  // serve's limits
    config.port = 0;
    config.read_timeout = std::chrono::seconds{2};
    server = std::make_unique<http::server>(config, *api.routes);
    serving = std::thread([this] { server->run(false); });
  }
  ~world() {
    server->stop();
    serving.join();
  }
};

world& the_world() {
  // The access log would write a line per request onto the fuzzer's output.
  static const bool quiet = std::freopen("/dev/null", "w", stdout) != nullptr;
  if (!quiet) std::abort();
  static world w;
  return w;
}

int connect_to(unsigned short port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) std::abort();
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    std::perror("connect");
    std::abort();
  }
  timeval timeout{20, 0};  // far beyond any answer: a hang is a finding
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  return fd;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  auto& w = the_world();
  std::string bytes{reinterpret_cast<const char*>(data + 1), size - 1};
  if ((data[0] & 1) != 0) {
    const auto line_end = bytes.find("\r\n");
    if (line_end != std::string::npos) bytes.insert(line_end + 2, "Authorization: Bearer " + w.api.bearer + "\r\n");
  }
  const int fd = connect_to(w.server->port());
  // The server may refuse and close before it has read everything: a broken pipe is an answer too.
  for (std::size_t sent = 0; sent < bytes.size();) {
    const auto n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  ::shutdown(fd, SHUT_WR);
  std::string answer;
  char buffer[65536];
  for (;;) {
    const auto n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EAGAIN || errno == EWOULDBLOCK) {
        std::fprintf(stderr, "the server neither answered nor closed the connection\n");
        std::abort();
      }
      break;  // reset: the connection is closed
    }
    answer.append(buffer, static_cast<std::size_t>(n));
    if (answer.size() > max_answer) {
      std::fprintf(stderr, "the answer grew beyond %zu bytes\n", max_answer);
      std::abort();
    }
  }
  // Closed by a reset: tens of thousands of connections from one host would otherwise leave as
  // many in TIME_WAIT and use up the loopback's ephemeral ports (connect() fails after ~28'000).
  const linger reset{1, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
  ::close(fd);
  if (!catalog::is_valid_utf8(answer)) {
    std::fprintf(stderr, "the server wrote bytes that are not UTF-8\n");
    std::abort();
  }
  return 0;
}
