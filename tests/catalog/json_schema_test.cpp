#include <doctest/doctest.h>

#include <filesystem>

#include <boost/json.hpp>

#include "catalog/json_schema.hpp"

using namespace jointbuy::catalog;

TEST_CASE("every embedded schema loads: each pattern has a maxLength that bounds what it is matched on") {
  std::size_t schemas = 0;
  for (const auto& entry : std::filesystem::directory_iterator{std::string{JOINTBUY_SOURCE_DIR} + "/schemas/json"}) {
    const auto file = entry.path().filename().string();
    if (!file.ends_with(".schema.json")) continue;
    const auto name = file.substr(0, file.size() - std::string{".schema.json"}.size());
    CAPTURE(name);
    // Loading throws std::logic_error for a pattern without a bound of at most 256 characters.
    CHECK_NOTHROW((void)validate_against_schema(name, boost::json::object{}));
    ++schemas;
  }
  CHECK(schemas >= 9);
}

TEST_CASE("a string beyond its maxLength is reported too long and never reaches the pattern") {
  boost::json::object item{{"id", std::string(100'000, 'a')}};
  const auto errors = validate_against_schema("catalog-item", item);
  bool too_long = false;
  for (const auto& e : errors) too_long = too_long || (e.path == "/id" && e.reason.find("no more than 64") != std::string::npos);
  CHECK(too_long);
  boost::json::object bad{{"id", "Not-A-Slug"}};
  bool pattern = false;
  for (const auto& e : validate_against_schema("catalog-item", bad)) pattern = pattern || (e.path == "/id" && e.reason.find("pattern") != std::string::npos);
  CHECK(pattern);
}
