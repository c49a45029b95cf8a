#include "api/http/session.hpp"

#include <array>

#include "api/http/access_log.hpp"
#include "api/http/problem.hpp"

namespace jointbuy::http {

namespace beast = boost::beast;
namespace net = boost::asio;

namespace {

// How much one read asks the socket for.
constexpr std::size_t read_size = 16 * 1024;
// The most chunks one body may come in, and the longest chunk extension (they mean nothing here).
constexpr std::size_t max_chunks = 16 * 1024;
constexpr std::size_t max_chunk_extension = 256;

}  // namespace

session::session(net::ip::tcp::socket&& socket, server::core& core, bool over_capacity)
    // The buffer holds at most one head (header or trailer) and what follows it in one read.
    : stream_(std::move(socket)), buffer_(core.config.header_limit + read_size), core_(core), over_capacity_(over_capacity) {
  ++core_.connections;
}

session::~session() {
  --core_.connections;
  const std::lock_guard lock{core_.sessions_mutex};
  core_.sessions.erase(this);
}

template <class Step>
void session::guarded(Step&& step) noexcept {
  try {
    step();
  } catch (const std::exception& e) {
    log_error("connection", e.what());
    abort_connection();
  } catch (...) {
    log_error("connection", "a non-standard exception");
    abort_connection();
  }
}

void session::abort_connection() noexcept {
  beast::error_code ignored;
  stream_.socket().close(ignored);
}

void session::run() {
  {
    const std::lock_guard lock{core_.sessions_mutex};
    core_.sessions.emplace(this, weak_from_this());
  }
  net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
    self->guarded([&] {
      if (self->over_capacity_) {
        self->reply_and_close(problem(status::service_unavailable, "overloaded", "Too many connections",
                                      "The server has reached its connection limit; try again shortly.")
                                  .with_header("Retry-After", "1"));
      } else {
        self->read_request();
      }
    });
  });
}

void session::stop() {
  net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
    self->stopping_ = true;
    // Idle between requests: nothing is lost by closing now. A request that has begun to arrive
    // is read, answered, and only then is the connection closed.
    if (self->reading_ && self->buffer_.size() == 0 && !(self->parser_ && self->parser_->got_some())) {
      // Closing the socket ends the pending read (operation_aborted), which ends the session.
      self->abort_connection();
    }
  });
}

void session::read_request() {
  if (stopping_ || core_.stopping) return close();
  parser_.emplace();
  parser_->header_limit(static_cast<std::uint32_t>(core_.config.header_limit));
  parser_->body_limit(core_.config.body_limit);
  parser_->eager(true);
  chunk_limits_ = {};
  parser_->on_chunk_header(chunk_limits_);
  stream_.expires_after(core_.config.read_timeout);
  reading_ = true;
  started_ = std::chrono::steady_clock::now();
  // A pipelined request may be in the buffer already.
  parse_buffered();
}

void session::chunk_limits::operator()(std::uint64_t, beast::string_view extensions, beast::error_code& ec) {
  if (++chunks > max_chunks || extensions.size() > max_chunk_extension) ec = beast_http::error::bad_chunk_extension;
}

// Feeds the buffered bytes to the parser (Beast's own read loop, with every failure answered
// here: Beast throws std::length_error on a field it cannot store); reads more if it needs more.
void session::parse_buffered() {
  beast::error_code ec;
  try {
    while (buffer_.size() > 0 && !parser_->is_done()) {
      const auto used = parser_->put(buffer_.data(), ec);
      buffer_.consume(used);
      if (ec == beast_http::error::need_more) {
        ec = {};
        break;
      }
      if (ec || used == 0) break;
    }
  } catch (const std::exception&) {
    return on_read({}, read_failure::malformed);
  }
  if (ec || parser_->is_done()) return on_read(ec);
  const auto room = buffer_.max_size() - buffer_.size();
  if (room == 0) return on_read({}, read_failure::too_large_head);
  stream_.async_read_some(buffer_.prepare(std::min(room, read_size)), [self = shared_from_this()](beast::error_code read_ec, std::size_t n) {
    self->guarded([&] {
      self->buffer_.commit(n);
      self->on_read_some(read_ec);
    });
  });
}

void session::on_read_some(beast::error_code ec) {
  if (ec == net::error::eof) {
    // The client closed its side: a message that needs no more bytes (a body up to EOF) is whole.
    if (!parser_->got_some()) return on_read(beast_http::error::end_of_stream);
    parser_->put_eof(ec);
    return on_read(ec ? ec : (parser_->is_done() ? beast::error_code{} : beast_http::error::partial_message));
  }
  if (ec) return on_read(ec);
  parse_buffered();
}

void session::on_read(beast::error_code ec, read_failure failure) {
  reading_ = false;
  if (ec || failure != read_failure::none) {
    log_method_ = "-";
    log_path_ = "-";
    if (ec == beast_http::error::body_limit) {
      return reply_and_close(problem(status::payload_too_large, "payload-too-large", "The request body is too large",
                                     "Bodies are limited to " + std::to_string(core_.config.body_limit) + " bytes."));
    }
    if (ec == beast_http::error::header_limit || failure == read_failure::too_large_head) {
      return reply_and_close(problem(status::request_header_fields_too_large, "headers-too-large",
                                     "The request headers are too large",
                                     "Headers and trailers are limited to " + std::to_string(core_.config.header_limit) + " bytes."));
    }
    const bool parse_error = ec.category() == beast_http::make_error_code(beast_http::error::bad_method).category() &&
                             ec != beast_http::error::end_of_stream && ec != beast_http::error::partial_message;
    if (parse_error || failure == read_failure::malformed) return reply_and_close(bad_request("The request is not valid HTTP/1.1."));
    // End of stream, timeout, reset, or our own shutdown: nothing to answer.
    return close();
  }
  handle(std::make_shared<request>(parser_->release()));
}

void session::handle(std::shared_ptr<request> req) {
  log_method_ = std::string{req->method_string()};
  log_path_ = std::string{req->target().substr(0, req->target().find('?'))};
  // Handlers may block on the database or compute for a while: run them on the worker pool and
  // keep the I/O threads free. The work guard keeps run() alive until the answer is written.
  net::post(core_.workers, [self = shared_from_this(), req, guard = net::make_work_guard(core_.ioc)]() mutable {
    auto res = self->core_.routes.handle(*req);
    net::post(self->stream_.get_executor(), [self, res = std::move(res), guard = std::move(guard)]() mutable {
      self->guarded([&] { self->write(std::move(res)); });
    });
  });
}

void session::reply_and_close(const problem& p) {
  write(problem_response(p, 11, false));
}

void session::write(response res) {
  if (stopping_ || core_.stopping) res.keep_alive(false);
  // Every answer, pages and API alike: a browser must not guess another type than the one sent.
  res.set("X-Content-Type-Options", "nosniff");
  const bool close_after = !res.keep_alive();
  response_ = std::move(res);
  stream_.expires_after(core_.config.write_timeout);
  beast_http::async_write(stream_, *response_, [self = shared_from_this(), close_after](beast::error_code ec, std::size_t) {
    self->guarded([&] { self->on_write(ec, close_after); });
  });
}

void session::on_write(beast::error_code ec, bool close_after) {
  const auto duration = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started_);
  log_request(log_method_, log_path_, response_->result_int(), duration);
  response_.reset();
  if (ec || close_after) return close();
  read_request();
}

void session::close() {
  // Send FIN, then read and discard what the client still sends for a moment before closing: a
  // close with unread data makes the kernel send RST, which can destroy an error response (413,
  // 400) before the client has read it.
  beast::error_code ignored;
  stream_.socket().shutdown(net::ip::tcp::socket::shutdown_send, ignored);
  stream_.expires_after(std::chrono::seconds{1});
  drain();
}

void session::drain() {
  auto scratch = std::make_shared<std::array<char, 4096>>();
  stream_.async_read_some(net::buffer(*scratch), [self = shared_from_this(), scratch](beast::error_code ec, std::size_t) {
    if (!ec) return self->guarded([&] { self->drain(); });
    self->abort_connection();
  });
}

}  // namespace jointbuy::http
