// Load generator: N keep-alive connections POST intents to a running jointbuy (or GET one path)
// for a fixed time and report throughput and latency percentiles as one JSON line. Loopback only,
// bounded in time.
//   http_load_bench --port P --token T --connections N --seconds S [--get PATH]
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>

namespace net = boost::asio;
namespace http = boost::beast::http;
using clock_type = std::chrono::steady_clock;

namespace {

struct options {
  unsigned short port = 0;
  std::string token;
  int connections = 1;
  double seconds = 5;
  /// Empty: POST /api/v1/intents (success is 201). Else GET this path (success is 200).
  std::string get;
};

struct worker_result {
  std::vector<double> latencies_ms;
  long long succeeded = 0;
  long long failed = 0;
};

options parse(int argc, char** argv) {
  options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string name = argv[i];
    const std::string value = argv[i + 1];
    if (name == "--port") o.port = static_cast<unsigned short>(std::stoi(value));
    if (name == "--token") o.token = value;
    if (name == "--connections") o.connections = std::stoi(value);
    if (name == "--seconds") o.seconds = std::stod(value);
    if (name == "--get") o.get = value;
  }
  if (o.port == 0 || o.token.empty() || o.connections < 1 || o.seconds <= 0 || o.seconds > 120) {
    std::cerr << "usage: http_load_bench --port P --token T --connections N --seconds S (at most 120) [--get PATH]\n";
    std::exit(2);
  }
  return o;
}

double percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  const auto index = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1) + 0.5);
  return sorted[std::min(index, sorted.size() - 1)];
}

void run_connection(const options& o, const std::string& body, clock_type::time_point deadline, worker_result& result) {
  net::io_context ioc;
  net::ip::tcp::socket socket{ioc};
  socket.connect({net::ip::make_address("127.0.0.1"), o.port});
  boost::beast::flat_buffer buffer;
  while (clock_type::now() < deadline) {
    const bool posting = o.get.empty();
    http::request<http::string_body> req{posting ? http::verb::post : http::verb::get, posting ? "/api/v1/intents" : o.get, 11};
    req.set(http::field::host, "127.0.0.1");
    req.set(http::field::authorization, "Bearer " + o.token);
    if (posting) {
      req.set(http::field::content_type, "application/json");
      req.body() = body;
    }
    req.prepare_payload();
    const auto started = clock_type::now();
    http::write(socket, req);
    http::response<http::string_body> res;
    http::read(socket, buffer, res);
    result.latencies_ms.push_back(std::chrono::duration<double, std::milli>(clock_type::now() - started).count());
    if (res.result() == (posting ? http::status::created : http::status::ok)) {
      ++result.succeeded;
    } else {
      ++result.failed;
    }
    if (!res.keep_alive()) {
      socket.close();
      socket = net::ip::tcp::socket{ioc};
      socket.connect({net::ip::make_address("127.0.0.1"), o.port});
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  const auto o = parse(argc, argv);
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const int next_year = static_cast<int>(std::chrono::year_month_day{today}.year()) + 1;
  const std::string body = R"({"item":"laptop-standard-14","quantity":40,"unit_price_chf":1150.00,"earliest":")" +
                           std::to_string(next_year) + R"(-02-01","latest":")" + std::to_string(next_year) +
                           R"(-05-31","note":"benchmark"})";
  std::vector<worker_result> results(static_cast<std::size_t>(o.connections));
  std::vector<std::thread> threads;
  const auto started = clock_type::now();
  const auto deadline = started + std::chrono::duration_cast<clock_type::duration>(std::chrono::duration<double>(o.seconds));
  for (int c = 0; c < o.connections; ++c) {
    threads.emplace_back([&, c] {
      try {
        run_connection(o, body, deadline, results[static_cast<std::size_t>(c)]);
      } catch (const std::exception& e) {
        std::cerr << "connection " << c << ": " << e.what() << "\n";
        ++results[static_cast<std::size_t>(c)].failed;
      }
    });
  }
  for (auto& t : threads) t.join();
  const double elapsed = std::chrono::duration<double>(clock_type::now() - started).count();
  std::vector<double> all;
  long long succeeded = 0, failed = 0;
  for (const auto& r : results) {
    all.insert(all.end(), r.latencies_ms.begin(), r.latencies_ms.end());
    succeeded += r.succeeded;
    failed += r.failed;
  }
  std::sort(all.begin(), all.end());
  boost::json::object report{{"request", o.get.empty() ? "POST /api/v1/intents" : "GET " + o.get},
                             {"connections", o.connections},
                             {"seconds", elapsed},
                             {"requests", all.size()},
                             {"succeeded", succeeded},
                             {"failed", failed},
                             {"throughput_per_s", static_cast<double>(succeeded) / elapsed},
                             {"p50_ms", percentile(all, 0.50)},
                             {"p99_ms", percentile(all, 0.99)},
                             {"p999_ms", percentile(all, 0.999)}};
  std::cout << boost::json::serialize(report) << "\n";
  return failed == 0 ? 0 : 1;
}
