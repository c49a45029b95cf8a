#include "api/http/outbound.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

namespace jointbuy::http {

namespace {

namespace beast = boost::beast;
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

constexpr std::size_t max_answer = 1024 * 1024;

struct url_parts {
  bool tls = false;
  std::string host;
  std::string port;
  std::string target;
};

url_parts split_url(const std::string& url) {
  url_parts parts;
  std::string_view rest = url;
  if (rest.starts_with("https://")) {
    parts.tls = true;
    rest.remove_prefix(8);
  } else if (rest.starts_with("http://")) {
    rest.remove_prefix(7);
  } else {
    throw outbound_error("not an http(s) URL: " + url);
  }
  const auto slash = rest.find('/');
  const auto authority = rest.substr(0, slash);
  parts.target = slash == std::string_view::npos ? "/" : std::string{rest.substr(slash)};
  const auto colon = authority.rfind(':');
  if (colon != std::string_view::npos && authority.find(']') == std::string_view::npos) {
    parts.host = std::string{authority.substr(0, colon)};
    parts.port = std::string{authority.substr(colon + 1)};
  } else {
    parts.host = std::string{authority};
    parts.port = parts.tls ? "443" : "80";
  }
  if (parts.host.empty()) throw outbound_error("no host in URL: " + url);
  return parts;
}

template <class Stream>
outbound_reply exchange(Stream& stream, beast::http::request<beast::http::string_body>& req) {
  beast::http::write(stream, req);
  beast::flat_buffer buffer;
  beast::http::response_parser<beast::http::string_body> parser;
  parser.body_limit(max_answer);
  parser.header_limit(64 * 1024);
  beast::http::read(stream, buffer, parser);
  const auto& res = parser.get();
  return {res.result_int(), std::string{res[beast::http::field::content_type]}, res.body()};
}

}  // namespace

outbound_reply fetch(const std::string& method, const std::string& url, const std::vector<std::pair<std::string, std::string>>& headers,
                     const std::string& body, const std::string& content_type, std::chrono::milliseconds timeout) {
  const auto parts = split_url(url);
  beast::http::request<beast::http::string_body> req{beast::http::string_to_verb(method), parts.target, 11};
  req.set(beast::http::field::host, parts.host + ":" + parts.port);
  req.set(beast::http::field::user_agent, "jointbuy");
  req.set(beast::http::field::accept, "application/json");
  req.set(beast::http::field::connection, "close");
  for (const auto& [name, value] : headers) req.set(name, value);
  if (!body.empty()) {
    req.set(beast::http::field::content_type, content_type);
    req.body() = body;
  }
  req.prepare_payload();
  try {
    asio::io_context ioc;
    tcp::resolver resolver{ioc};
    const auto endpoints = resolver.resolve(parts.host, parts.port);
    if (!parts.tls) {
      beast::tcp_stream stream{ioc};
      stream.expires_after(timeout);
      stream.connect(endpoints);
      auto reply = exchange(stream, req);
      beast::error_code ignored;
      stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
      return reply;
    }
    asio::ssl::context tls{asio::ssl::context::tls_client};
    tls.set_default_verify_paths();
    tls.set_verify_mode(asio::ssl::verify_peer);
    beast::ssl_stream<beast::tcp_stream> stream{ioc, tls};
    if (!SSL_set_tlsext_host_name(stream.native_handle(), parts.host.c_str())) throw outbound_error("cannot set the TLS server name");
    stream.set_verify_callback(asio::ssl::host_name_verification(parts.host));
    beast::get_lowest_layer(stream).expires_after(timeout);
    beast::get_lowest_layer(stream).connect(endpoints);
    stream.handshake(asio::ssl::stream_base::client);
    auto reply = exchange(stream, req);
    beast::error_code ignored;
    stream.shutdown(ignored);
    return reply;
  } catch (const outbound_error&) {
    throw;
  } catch (const std::exception& e) {
    throw outbound_error(method + " " + url + ": " + e.what());
  }
}

std::string form_encode(std::string_view text) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string encoded;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '-' || u == '_' || u == '.' || u == '~') {
      encoded.push_back(c);
    } else {
      encoded.push_back('%');
      encoded.push_back(digits[u >> 4]);
      encoded.push_back(digits[u & 0x0f]);
    }
  }
  return encoded;
}

}  // namespace jointbuy::http
