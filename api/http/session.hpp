#pragma once
// One HTTP connection (internal to api/http), in the style of Beast's advanced server example.

#include <chrono>
#include <memory>
#include <optional>

#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "api/http/server_core.hpp"

namespace jointbuy::http {

/// Reads requests one at a time with a fresh parser each, hands them to the worker pool, writes
/// the responses; every read and write has a timeout; keep-alive honoured. Whatever bytes arrive,
/// the session answers (400, 413, 431) or closes its connection: no exception leaves it.
class session : public std::enable_shared_from_this<session> {
 public:
  /// `over_capacity`: answer 503 and close instead of reading.
  session(boost::asio::ip::tcp::socket&& socket, server::core& core, bool over_capacity);
  ~session();

  /// Starts the session on its own strand.
  void run();

  /// Graceful shutdown: an idle connection closes now, a request in progress finishes first.
  void stop();

 private:
  /// Why a request could not be read, beyond what Beast's error codes say.
  enum class read_failure { none, too_large_head, malformed };

  /// The parser's chunk-header callback: bounds the count of chunks and the length of their
  /// extensions (a body of 1-byte chunks costs six times its size and a parse step each).
  struct chunk_limits {
    std::size_t chunks = 0;
    void operator()(std::uint64_t size, boost::beast::string_view extensions, boost::beast::error_code& ec);
  };

  void read_request();
  void parse_buffered();
  void on_read_some(boost::beast::error_code ec);
  void on_read(boost::beast::error_code ec, read_failure failure = read_failure::none);
  void handle(std::shared_ptr<request> req);
  void reply_and_close(const class problem& p);
  void write(response res);
  void on_write(boost::beast::error_code ec, bool close);
  void close();
  void drain();
  void abort_connection() noexcept;
  /// Runs one step of the session; an exception ends this connection (logged), never the server.
  template <class Step>
  void guarded(Step&& step) noexcept;

  boost::beast::tcp_stream stream_;
  /// Bounded: a header, a chunk line or a trailer that does not fit is refused (431), so that no
  /// part of a request grows without limit while the parser waits for its end.
  boost::beast::flat_buffer buffer_;
  std::optional<beast_http::request_parser<beast_http::string_body>> parser_;
  std::optional<response> response_;
  server::core& core_;
  bool over_capacity_;
  bool reading_ = false;
  bool stopping_ = false;
  chunk_limits chunk_limits_;
  std::string log_method_ = "-";
  std::string log_path_ = "-";
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
};

}  // namespace jointbuy::http
