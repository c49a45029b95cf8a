#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "catalog/organisations.hpp"

using namespace jointbuy::catalog;

namespace {

std::string shipped_list() {
  std::ifstream in{std::string{JOINTBUY_DEFAULT_CATALOG_DIR} + "/municipalities-ch-2026.csv"};
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const organisation* find(const organisation_list& list, const std::string& id) {
  for (const auto& org : list.organisations) {
    if (org.id == id) return &org;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("the shipped list gives the canton of Lucerne and its 79 municipalities") {
  const auto list = read_organisations_csv(shipped_list(), "LU");
  REQUIRE(list.errors.empty());
  CHECK(list.organisations.size() == 80);
  const auto* city = find(list, "1061");
  REQUIRE(city != nullptr);
  CHECK(city->name == "Luzern");
  CHECK(city->district == "Luzern-Stadt");
  const auto* canton = find(list, "LU");
  REQUIRE(canton != nullptr);
  CHECK(canton->kind == organisation_kind::canton);
  CHECK(canton->name == "Kanton Luzern");
  CHECK(find(list, "1057") == nullptr);  // Honau, merged into Root in 2025
  CHECK(find(list, "1065") != nullptr);  // Root
}

TEST_CASE("the shipped list loads all of Switzerland") {
  const auto list = read_organisations_csv(shipped_list());
  REQUIRE(list.errors.empty());
  CHECK(list.organisations.size() == 2110 + 26);
}

TEST_CASE("columns may come in any order, extra columns are ignored") {
  const auto list = read_organisations_csv("canton,extra,name,bfs_number,district\nZG,x,Baar,1701,Zug\n");
  REQUIRE(list.errors.empty());
  REQUIRE(list.organisations.size() == 2);
  CHECK(list.organisations[0] == organisation{"1701", "Baar", "ZG", "Zug", organisation_kind::municipality});
  CHECK(list.organisations[1].id == "ZG");
}

TEST_CASE("every bad line is reported, not only the first") {
  const auto list = read_organisations_csv(
      "bfs_number,name,canton,district\n"
      "12x,Bad Number,LU,A\n"
      "1001,,LU,A\n"
      "1002,Good,LU,A\n"
      "1002,Twice,LU,A\n"
      "1003,Nowhere,XX,A\n"
      "1004,Short,LU\n");
  REQUIRE(list.errors.size() == 5);
  CHECK(list.errors[0].line == 2);
  CHECK(list.errors[1].line == 3);
  CHECK(list.errors[2].line == 5);
  CHECK(list.errors[3].line == 6);
  CHECK(list.errors[4].line == 7);
  CHECK(list.errors[2].reason.find("twice") != std::string::npos);
}

TEST_CASE("a missing column and an unknown canton filter are refused") {
  CHECK(read_organisations_csv("bfs_number,name,district\n1,A,B\n").errors.size() == 1);
  CHECK(read_organisations_csv(shipped_list(), "XY").errors.size() == 1);
  CHECK(read_organisations_csv("").errors.size() == 1);
}
