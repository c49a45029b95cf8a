#pragma once
// Building the JSON responses every endpoint sends, and the list and version conventions.

#include <optional>
#include <string>

#include <boost/json/value.hpp>

#include "api/http/messages.hpp"
#include "engine/procurement.hpp"

namespace jointbuy::http {

/// A JSON response with `status` and `body`, not cached by intermediaries (it may be personal).
response json_response(const request& req, status status, const boost::json::value& body);

/// `text` as a JSON string, or null when there is none.
boost::json::value text_or_null(const std::optional<std::string>& text);

/// A list response: {"items": [...], "next_cursor": "…" | null}.
response list_response(const request& req, boost::json::array items, const std::optional<std::string>& next_key);

/// The language the client prefers: German when the first tag of Accept-Language is German
/// ("de", "de-CH"), English otherwise.
engine::language preferred_language(const request& req);

/// Sets the ETag of a versioned resource: the strong tag "<version>".
void set_version_etag(response& res, int version);

/// The version that the request's If-Match header names (an ETag from set_version_etag), or nothing
/// when the header is absent. Throws a 400 problem when it is present but not such a tag.
std::optional<int> if_match_version(const request& req);

}  // namespace jointbuy::http
