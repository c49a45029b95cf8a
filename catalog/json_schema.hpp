#pragma once
// Validation of JSON documents against the JSON Schemas in schemas/json (valijson, Boost.JSON adapter).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

namespace jointbuy::catalog {

/// A place in a JSON document and what is wrong there. `path` is a JSON Pointer ("/items/3/cpv").
struct json_error {
  std::string path;
  std::string reason;
};

/// Every violation of the embedded schema `schema_name` ("catalog-item") by `document`, each
/// with its path below `path_prefix`. Empty when the document is valid. "format" is not checked
/// here: the decoder of each such value checks it (intent dates with engine::parse_iso_date).
std::vector<json_error> validate_against_schema(std::string_view schema_name, const boost::json::value& document,
                                                const std::string& path_prefix = "");

/// Every violation by `document` of the schema `schema` itself (draft 4 when its "$schema" says
/// so, draft 7 otherwise), "format" included: the OCDS release schema and the bundling result in tests.
std::vector<json_error> validate_against(const boost::json::value& schema, const boost::json::value& document);

/// The result of parsing JSON text: a value, or where and why it is not JSON.
struct parsed_json {
  boost::json::value value;
  std::optional<json_error> error;
  std::size_t line = 0;    ///< where the error is, counted from 1
  std::size_t column = 0;
};

/// Parses `text`, refusing nesting deeper than `max_depth` and invalid UTF-8; an error names line
/// and column.
parsed_json parse_json_text(std::string_view text, std::size_t max_depth = 64);

}  // namespace jointbuy::catalog
