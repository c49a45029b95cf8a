#pragma once
// The HTTP message types the server and the handlers exchange.

#include <boost/beast/http.hpp>

namespace jointbuy::http {

namespace beast_http = boost::beast::http;

/// A request as read off the wire, its body held as text.
using request = beast_http::request<beast_http::string_body>;
/// A response, its body held as text.
using response = beast_http::response<beast_http::string_body>;
/// An HTTP status.
using status = beast_http::status;

}  // namespace jointbuy::http
