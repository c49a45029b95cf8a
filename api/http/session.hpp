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
/// the responses; every read and write has a timeout; keep-alive honoured.
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
  void read_request();
  void on_read(boost::beast::error_code ec);
  void reply_and_close(const class problem& p);
  void write(response res);
  void on_write(boost::beast::error_code ec, bool close);
  void close();
  void drain();

  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  std::optional<beast_http::request_parser<beast_http::string_body>> parser_;
  std::optional<response> response_;
  server::core& core_;
  bool over_capacity_;
  bool reading_ = false;
  bool stopping_ = false;
  std::string log_method_;
  std::string log_path_;
  std::chrono::steady_clock::time_point started_;
};

}  // namespace jointbuy::http
