#pragma once
// Content-Type of request bodies, read as a media type (RFC 9110, section 8.3.1).

#include <string_view>

#include "api/http/messages.hpp"

namespace jointbuy::http {

/// Whether `content_type` names the media type `expected` ("text/csv"): type and subtype compared
/// without regard to case, parameters after ';' allowed, except a charset other than UTF-8.
/// "text/csvx", "text/csv-foo" and "text/csv; charset=latin1" are not text/csv.
bool is_media_type(std::string_view content_type, std::string_view expected);

/// Throws a 415 problem unless the body of `req` is of the media type `expected`; `what` names it
/// for people ("JSON", "CSV").
void require_body_type(const request& req, std::string_view expected, std::string_view what);

}  // namespace jointbuy::http
