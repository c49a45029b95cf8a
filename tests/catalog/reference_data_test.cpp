// The catalogue loader against the shipped files and against broken copies, one defect each.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include <boost/json.hpp>

#include "catalog/reference_data.hpp"

using namespace jointbuy;
namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

// A copy of catalog/data in a temporary directory, removed at the end.
struct catalogue_copy {
  fs::path directory;

  catalogue_copy() {
    std::string pattern = (fs::temp_directory_path() / "jointbuy-catalog-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    directory = pattern;
    for (const auto& entry : fs::directory_iterator{JOINTBUY_DEFAULT_CATALOG_DIR}) fs::copy(entry.path(), directory);
  }
  ~catalogue_copy() { fs::remove_all(directory); }

  std::string read(const std::string& name) const {
    std::ifstream in{directory / name};
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }
  void write(const std::string& name, const std::string& text) const { std::ofstream{directory / name} << text; }
  void edit_json(const std::string& name, const std::function<void(json::object&)>& change) const {
    auto document = json::parse(read(name));
    change(document.as_object());
    write(name, json::serialize(document));
  }
  json::object& item(json::object& document, std::size_t index) const {
    return document["items"].as_array()[index].as_object();
  }
};

bool has_error(const std::vector<catalog::catalog_error>& errors, const std::string& file, const std::string& path,
               const std::string& reason_part = "") {
  for (const auto& e : errors) {
    if (e.file.ends_with(file) && e.path == path && e.reason.find(reason_part) != std::string::npos) return true;
  }
  return false;
}

std::string describe(const std::vector<catalog::catalog_error>& errors) {
  std::string text;
  for (const auto& e : errors) text += e.file + " " + e.path + ": " + e.reason + "\n";
  return text;
}

}  // namespace

TEST_CASE("the shipped catalogue is valid and covers the municipal needs") {
  const auto result = catalog::load_reference_data(JOINTBUY_DEFAULT_CATALOG_DIR);
  REQUIRE_MESSAGE(result.errors.empty(), describe(result.errors));
  CHECK(result.data.items.size() >= 40);
  CHECK(result.data.cpv.size() == 9458);
  int hardware = 0, software = 0, service = 0;
  for (const auto& value : result.data.items) {
    hardware += value.category == engine::category::hardware;
    software += value.category == engine::category::software;
    service += value.category == engine::category::service;
    CHECK(value.reference_price > 0);
  }
  CHECK(hardware >= 10);
  CHECK(software >= 10);
  CHECK(service >= 5);
}

TEST_CASE("each broken catalogue file is rejected with its file, its JSON path and the reason") {
  catalogue_copy copy;
  struct defect {
    const char* name;
    std::function<void(const catalogue_copy&)> apply;
    const char* file;
    const char* path;
    const char* reason;
  };
  const std::vector<defect> defects{
      {"a CPV code that is not in the list",
       [](const auto& c) { c.edit_json("items.json", [&](auto& d) { c.item(d, 0)["cpv"] = "30213100-7"; }); },
       "items.json", "/items/0/cpv", "not in the CPV list"},
      {"a malformed CPV code",
       [](const auto& c) { c.edit_json("items.json", [&](auto& d) { c.item(d, 3)["cpv"] = "3021310-6"; }); },
       "items.json", "/items/3/cpv", ""},
      {"bad JSON", [](const auto& c) { c.write("items.json", c.read("items.json").substr(0, 200)); }, "items.json", "",
       "not valid JSON at line"},
      {"a compatibility key shared across categories",
       [](const auto& c) {
         c.edit_json("items.json", [&](auto& d) { c.item(d, 30)["compatibility_key"] = c.item(d, 0)["compatibility_key"]; });
       },
       "items.json", "/items/30/compatibility_key", "another category or procurement type"},
      {"a missing field",
       [](const auto& c) { c.edit_json("items.json", [&](auto& d) { c.item(d, 2).erase("unit"); }); }, "items.json",
       "/items/2/unit", ""},
      {"a wrong type",
       [](const auto& c) { c.edit_json("items.json", [&](auto& d) { c.item(d, 0)["reference_price_chf"] = "1150"; }); },
       "items.json", "/items/0/reference_price_chf", ""},
      {"a price with 3 decimals",
       [](const auto& c) { c.edit_json("items.json", [&](auto& d) { c.item(d, 1)["reference_price_chf"] = 1150.005; }); },
       "items.json", "/items/1/reference_price_chf", "2 decimals"},
      {"an unknown property",
       [](const auto& c) { c.edit_json("items.json", [&](auto& d) { c.item(d, 0)["colour"] = "black"; }); }, "items.json",
       "/items/0/colour", ""},
      {"a duplicate id",
       [](const auto& c) { c.edit_json("items.json", [&](auto& d) { c.item(d, 5)["id"] = c.item(d, 4)["id"]; }); },
       "items.json", "/items/5/id", "/items/4"},
      {"yearly billing without contract years",
       [](const auto& c) {
         c.edit_json("items.json", [&](auto& d) {
           c.item(d, 0)["billing"] = "yearly";
         });
       },
       "items.json", "/items/0/default_contract_years", "yearly billing"},
      {"overlapping threshold periods",
       [](const auto& c) {
         c.edit_json("thresholds.json", [](auto& d) {
           auto second = d["periods"].as_array()[0];
           second.as_object()["valid_from"] = "2024-01-01";
           d["periods"].as_array().push_back(second);
         });
       },
       "thresholds.json", "/periods/1/valid_from", "overlaps /periods/0"},
      {"a period that ends before it begins",
       [](const auto& c) { c.edit_json("thresholds.json", [](auto& d) { d["periods"].as_array()[0].as_object()["valid_to"] = "2022-06-30"; }); },
       "thresholds.json", "/periods/0/valid_to", "ends before it begins"},
      {"an impossible date",
       [](const auto& c) { c.edit_json("thresholds.json", [](auto& d) { d["periods"].as_array()[0].as_object()["valid_from"] = "2023-02-30"; }); },
       "thresholds.json", "/periods/0/valid_from", "not a calendar date"},
      {"a missing procurement type",
       [](const auto& c) {
         c.edit_json("thresholds.json", [](auto& d) { d["periods"].as_array()[0].as_object()["thresholds"].as_object().erase("service"); });
       },
       "thresholds.json", "/periods/0/thresholds/service", ""},
      {"discount tiers that do not increase",
       [](const auto& c) {
         c.edit_json("cost-model.json", [](auto& d) {
           auto& tiers = d["discount_tiers"].as_object()["hardware"].as_array();
           std::swap(tiers[0], tiers[1]);
         });
       },
       "cost-model.json", "/discount_tiers/hardware", "must increase"},
      {"a missing file", [](const auto& c) { fs::remove(c.directory / "cost-model.json"); }, "cost-model.json", "",
       "cannot be read"},
      {"a malformed CPV list line", [](const auto& c) { c.write("cpv-2008-en.csv", c.read("cpv-2008-en.csv") + "1234,short\n"); },
       "cpv-2008-en.csv", "line 9460", ""},
  };
  for (const auto& d : defects) {
    SUBCASE(d.name) {
      catalogue_copy broken;
      d.apply(broken);
      const auto result = catalog::load_reference_data(broken.directory);
      CHECK_MESSAGE(has_error(result.errors, d.file, d.path, d.reason), describe(result.errors));
    }
  }
}

TEST_CASE("errors of several files are all reported at once") {
  catalogue_copy copy;
  copy.edit_json("items.json", [&](auto& d) {
    copy.item(d, 0)["cpv"] = "99999999-9";
    copy.item(d, 7).erase("name_en");
  });
  copy.edit_json("cost-model.json", [](auto& d) { d.erase("coordination_per_buyer_chf"); });
  const auto result = catalog::load_reference_data(copy.directory);
  CHECK_MESSAGE(has_error(result.errors, "items.json", "/items/7/name_en"), describe(result.errors));
  CHECK_MESSAGE(has_error(result.errors, "cost-model.json", "/coordination_per_buyer_chf"), describe(result.errors));
  CHECK(result.errors.size() >= 2);
}
