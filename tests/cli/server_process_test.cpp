// `jointbuy serve` as a process under hostile conditions: out of file descriptors, and requests
// whose bytes are not text. Checked from outside, as an operator would: CPU time, log size, limits.
#include <doctest/doctest.h>

#include <unistd.h>

#include <fstream>
#include <sstream>
#include <thread>

#include <boost/asio.hpp>
#include <boost/json.hpp>

#include "catalog/utf8.hpp"
#include "tests/support/child_process.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/scratch_database.hpp"

using namespace jointbuy;
using namespace std::chrono_literals;

namespace {

// User and system CPU time the process `pid` has used so far (/proc/PID/stat, fields 14 and 15).
std::chrono::milliseconds cpu_time(pid_t pid) {
  std::ifstream in{"/proc/" + std::to_string(pid) + "/stat"};
  std::string text{std::istreambuf_iterator<char>{in}, {}};
  std::istringstream fields{text.substr(text.rfind(')') + 2)};
  std::string field;
  long long ticks = 0;
  for (int k = 3; k <= 15 && fields >> field; ++k) {
    if (k >= 14) ticks += std::stoll(field);
  }
  return std::chrono::milliseconds{ticks * 1000 / ::sysconf(_SC_CLK_TCK)};
}

std::string limits_of(pid_t pid) {
  std::ifstream in{"/proc/" + std::to_string(pid) + "/limits"};
  std::string line;
  while (std::getline(in, line)) {
    if (line.starts_with("Max open files")) return line;
  }
  return {};
}

std::vector<std::string> serve_command(const test::scratch_database& scratch, unsigned short port, const std::string& open_files) {
  return {"/usr/bin/prlimit", "--nofile=" + open_files, JOINTBUY_BINARY, "serve", "--db", scratch.url(), "--port", std::to_string(port)};
}

}  // namespace

TEST_CASE("out of file descriptors, serve backs off instead of spinning, logs once, and serves again") {
  test::scratch_database scratch;
  REQUIRE(test::run_jointbuy({"migrate", "--db", scratch.url()}).exit_code == 0);
  const auto port = test::free_port();
  // Soft and hard limit 96: fewer files than the 1'024 connections serve would otherwise take.
  test::background_process server{serve_command(scratch, port, "96:96"), scratch.directory()};
  REQUIRE_MESSAGE(test::wait_for_port(port, 10s), server.output());

  boost::asio::io_context ioc;
  std::vector<boost::asio::ip::tcp::socket> held;
  for (int k = 0; k < 300; ++k) {
    boost::asio::ip::tcp::socket socket{ioc};
    boost::system::error_code ec;
    socket.connect({boost::asio::ip::make_address("127.0.0.1"), port}, ec);
    if (!ec) held.push_back(std::move(socket));
  }
  // While the connections are held, the server must not burn a core retrying accept().
  const auto before = cpu_time(server.pid());
  std::this_thread::sleep_for(2s);
  const auto used = cpu_time(server.pid()) - before;
  MESSAGE("CPU time over 2 s with " << held.size() << " connections held: " << used.count() << " ms");
  CHECK(used < 500ms);  // before: 112 % of a core
  held.clear();

  bool served = false;
  for (int attempt = 0; attempt < 50 && !served; ++attempt) {
    served = test::http_get(port, "/healthz").status == 200;
    if (!served) std::this_thread::sleep_for(100ms);
  }
  CHECK(served);
  const auto log = server.output();
  CHECK(log.size() < 64 * 1024);  // before: 72 MB in 3 s
  CHECK(log.find("at most") != std::string::npos);  // it said how many connections the limit allows
}

TEST_CASE("serve raises its soft limit of open files to the hard limit") {
  test::scratch_database scratch;
  REQUIRE(test::run_jointbuy({"migrate", "--db", scratch.url()}).exit_code == 0);
  const auto port = test::free_port();
  test::background_process server{serve_command(scratch, port, "256:4096"), scratch.directory()};
  REQUIRE_MESSAGE(test::wait_for_port(port, 10s), server.output());
  const auto line = limits_of(server.pid());
  CAPTURE(line);
  std::istringstream fields{line.substr(std::string{"Max open files"}.size())};
  std::string soft, hard;
  fields >> soft >> hard;
  CHECK(soft == "4096");
  CHECK(hard == "4096");
}

TEST_CASE("whatever bytes a request holds, every line serve logs is valid UTF-8 JSON") {
  test::scratch_database scratch;
  REQUIRE(test::run_jointbuy({"migrate", "--db", scratch.url()}).exit_code == 0);
  const auto port = test::free_port();
  test::background_process server{{JOINTBUY_BINARY, "serve", "--db", scratch.url(), "--port", std::to_string(port)}, scratch.directory()};
  REQUIRE_MESSAGE(test::wait_for_port(port, 10s), server.output());
  for (const std::string& request : {std::string{"GET /\xff\xfe\xc0\xaf HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"},
                                    std::string{"GET /api/v1/\xed\xa0\x80?x=\xf8 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"},
                                    std::string{"G\xc3\x28T / HTTP/1.1\r\n\r\n"},
                                    std::string{"GET /\"\\\n\r\n\r\n"}}) {
    const auto received = test::raw_exchange(port, request, 5s);
    CHECK(catalog::is_valid_utf8(received));
  }
  CHECK(test::http_get(port, "/healthz").status == 200);
  server.signal(SIGTERM);
  CHECK(server.wait(10s) == 0);
  std::istringstream lines{server.output()};
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    CAPTURE(line);
    CHECK(catalog::is_valid_utf8(line));
    CHECK_NOTHROW((void)boost::json::parse(line));
    ++count;
  }
  CHECK(count >= 5);
}
