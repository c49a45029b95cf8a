#pragma once
// Reading JSON request bodies and reporting what is wrong with them.

#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "api/http/messages.hpp"
#include "catalog/input_problem.hpp"
#include "catalog/json_schema.hpp"
#include "engine/procurement.hpp"

namespace jointbuy::http {

/// The body of `req` as JSON. Throws a 415 problem unless Content-Type is application/json, a 400
/// problem naming line and column for malformed JSON (including invalid UTF-8 and nesting deeper
/// than 32 levels).
boost::json::value parse_json_body(const request& req);

/// Validates `body` against the embedded schema `schema_name`; throws a 422 problem listing every
/// violation with its field ("cpv", "discount_tiers/0/discount_percent") and reason in `lang`
/// when there is any.
void require_schema(std::string_view schema_name, const boost::json::value& body, engine::language lang);

/// Throws a 422 problem listing `errors` (JSON paths become field names, the validator's words
/// plain ones in `lang`) when there is any.
void require_no_errors(const std::vector<catalog::json_error>& errors, engine::language lang);

/// Throws a 422 problem listing `problems` in `lang` when there is any, and counting `not_listed`
/// more.
void require_no_problems(const std::vector<catalog::input_problem>& problems, engine::language lang,
                         std::size_t not_listed = 0);

}  // namespace jointbuy::http
