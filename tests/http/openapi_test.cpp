// The OpenAPI document is the API's contract: every route the server has is in it, and nothing else.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <sstream>

#include "api/http/handlers/routes.hpp"
#include "tests/support/reference_data.hpp"
#include "tests/support/scratch_database.hpp"

using namespace jointbuy;

namespace {

// Paths and their methods from schemas/openapi.yaml: a path is a line "  /x:" under "paths:", a
// method a line "    get:" below it. The document keeps to that layout.
std::set<std::pair<std::string, std::string>> documented_operations() {
  std::ifstream in{std::string{JOINTBUY_SOURCE_DIR} + "/schemas/openapi.yaml"};
  std::set<std::pair<std::string, std::string>> operations;
  std::string line, path;
  bool in_paths = false;
  while (std::getline(in, line)) {
    if (line == "paths:") {
      in_paths = true;
      continue;
    }
    if (!line.empty() && line[0] != ' ') in_paths = false;
    if (!in_paths) continue;
    if (line.starts_with("  /") && line.ends_with(":")) {
      path = line.substr(2, line.size() - 3);
    } else if (line.starts_with("    ") && line.size() > 4 && line[4] != ' ' && line.ends_with(":")) {
      std::string method = line.substr(4, line.size() - 5);
      if (method == "parameters") continue;
      std::transform(method.begin(), method.end(), method.begin(), [](unsigned char c) { return std::toupper(c); });
      operations.emplace(method, path);
    }
  }
  return operations;
}

}  // namespace

TEST_CASE("every route is documented in schemas/openapi.yaml and every documented operation exists") {
  test::scratch_database scratch{store::backend::sqlite};
  auto db = scratch.open(1);
  const auto routes = http::make_api_router(*db, test::shipped_reference_data());
  std::set<std::pair<std::string, std::string>> served;
  for (const auto& route : routes.describe()) served.insert(route);
  const auto documented = documented_operations();
  REQUIRE(documented.size() >= 10);
  for (const auto& op : served) CHECK_MESSAGE(documented.count(op) == 1, op.first << " " << op.second << " is not documented");
  for (const auto& op : documented) CHECK_MESSAGE(served.count(op) == 1, op.first << " " << op.second << " is documented but not served");
}
