#include <doctest/doctest.h>

#include <filesystem>

#include <boost/json.hpp>

#include "catalog/input_problem.hpp"
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

TEST_CASE("the validator's words become plain ones with their bounds, in English and German") {
  using jointbuy::catalog::localise;
  const auto said = localise({{"/quantity", "Expected number greater than or equal to 1.000000"},
                              {"/quantity", "Expected number less than or equal to 10000000.000000"},
                              {"/discount", "Expected number less than or equal to 0.500000"},
                              {"/id", "String should be no more than 256 characters in length."},
                              {"/reference", "String should be no fewer than 1 characters in length."},
                              {"/cpv", "Failed to match regex specified by 'pattern' constraint."}});
  REQUIRE(said.size() == 6);
  CHECK(said[0].field == "quantity");
  CHECK(said[0].why.en == "must be at least 1");
  CHECK(said[0].why.de == "muss mindestens 1 sein");
  CHECK(said[1].why.de == "darf höchstens 10'000'000 sein");
  CHECK(said[2].why.en == "must be at most 0.5");
  CHECK(said[3].why.de == "darf höchstens 256 Zeichen haben");
  CHECK(said[4].why.de == "darf nicht leer sein");  // before: "String should be no fewer than 1 characters in length."
  CHECK(said[5].why.de == "hat ein ungültiges Format");
}
