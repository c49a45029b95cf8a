#pragma once
// The JSON Schemas of schemas/json as written in the source tree, "format" included, for the tests
// that check documents against a whole schema (catalog::validate_against).

#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

#include <boost/json.hpp>

namespace jointbuy::test {

/// schemas/json/`file` of the source tree, parsed.
inline boost::json::value schema_document(const std::string& file) {
  const std::string path = std::string{JOINTBUY_SOURCE_DIR} + "/schemas/json/" + file;
  std::ifstream in{path};
  if (!in) throw std::runtime_error("cannot read " + path);
  return boost::json::parse(std::string{std::istreambuf_iterator<char>{in}, {}});
}

}  // namespace jointbuy::test
