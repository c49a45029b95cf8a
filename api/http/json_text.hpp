#pragma once
// The one way the server writes JSON: responses, problems, downloads and log lines.

#include <string>

#include <boost/json/value.hpp>

namespace jointbuy::http {

/// `value` serialised as JSON text that is valid UTF-8 whatever its strings hold: an ill-formed
/// sequence (from a record stored before input was checked, or bytes of a request echoed in a
/// log line) becomes U+FFFD instead of making the whole document unreadable to its client.
std::string json_text(const boost::json::value& value);

}  // namespace jointbuy::http
