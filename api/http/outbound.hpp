#pragma once
// The server's own HTTP requests (to an OpenID provider): http and https (OpenSSL, peer and host
// name verified), one request per connection, a deadline and bounded answers.

#include <chrono>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace jointbuy::http {

/// An answer of another server.
struct outbound_reply {
  unsigned status = 0;
  std::string content_type;
  std::string body;
};

/// The other server could not be reached, or its answer was not HTTP or too large. The message
/// is for the log.
class outbound_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// GET or POST (`body` non-empty: sent with `content_type`) `url` ("http://host:port/path",
/// "https://…"), with `headers`, within `timeout`. Answers up to 1 MiB.
outbound_reply fetch(const std::string& method, const std::string& url, const std::vector<std::pair<std::string, std::string>>& headers = {},
                     const std::string& body = {}, const std::string& content_type = {},
                     std::chrono::milliseconds timeout = std::chrono::seconds{10});

/// `text` percent-encoded for a URL query or an application/x-www-form-urlencoded body.
std::string form_encode(std::string_view text);

}  // namespace jointbuy::http
