#pragma once
// The one way jointbuy writes JSON text: API responses, problems, downloads, log lines, the
// command line and what the store keeps.

#include <string>

#include <boost/json/value.hpp>

namespace jointbuy::catalog {

/// `value` as JSON text (RFC 8259), with two guarantees Boost.JSON's serializer does not give:
/// - numbers are plain decimals, never in exponent form: money reads 176242.95 and 380000, not
///   1.7624295E5 and 3.8E5 (jq, Python's Decimal and Java's BigDecimal echo the exponent form
///   back to users); a double is written as the shortest decimal that reads back as the same double;
/// - the text is valid UTF-8 whatever the strings hold: an ill-formed sequence (from a record
///   stored before input was checked, or request bytes in a log line) becomes U+FFFD.
std::string json_text(const boost::json::value& value);

}  // namespace jointbuy::catalog
