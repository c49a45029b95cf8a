// What a spreadsheet makes of the exports: every CSV the API and the command line write, opened by
// LibreOffice Calc (headless, formulas evaluated) with ',' and with ';' as the separator, whichever
// the file was written with. No cell may hold a formula.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "tests/support/api_fixture.hpp"
#include "tests/support/child_process.hpp"

using namespace jointbuy;
using boost::beast::http::verb;
using test::api_fixture;

namespace {

constexpr const char* soffice = "/usr/bin/soffice";

// Notes that become formulas when a cell is split where the writer did not mean it to be.
const char* const hostile_notes[] = {";=1+1",     ",=1+1",          "x\n=1+1",    "x;\"=HYPERLINK(\"\"http://evil\"\")", "\t=1+1",
                                     "=1;=2",     "a;+1+1",         "a,@SUM(1)",  "a\r\n-1+1",                           "\"=1+1",
                                     "=1+1",      "+1+1",           "-1+1",       "@SUM(1)",                             "plain, text; here"};

void write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out{path, std::ios::binary};
  out << bytes;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in{path, std::ios::binary};
  return {std::istreambuf_iterator<char>{in}, {}};
}

// Opens every .csv of `directory` with `separator` (its character code) and formula evaluation on,
// saved as flat ODS into `directory`/sep-CODE/; returns each file's XML by its name.
std::map<std::string, std::string> open_in_calc(const std::filesystem::path& directory, int separator) {
  std::vector<std::string> args{soffice, "-env:UserInstallation=file://" + (directory / "profile").string(), "--headless",
                                // separator, text delimiter ", UTF-8, from line 1, no column formats, en-US, quoted
                                // fields not forced to text, no special numbers, -, -, -, all sheets, evaluate formulas
                                "--infilter=CSV:" + std::to_string(separator) + ",34,76,1,,1033,false,false,false,false,false,-1,true",
                                "--convert-to", "fods", "--outdir", (directory / ("sep-" + std::to_string(separator))).string()};
  for (const auto& entry : std::filesystem::directory_iterator{directory}) {
    if (entry.path().extension() == ".csv") args.push_back(entry.path().string());
  }
  const auto result = test::run_command(args);
  REQUIRE_MESSAGE(result.exit_code == 0, result.out << result.err);
  std::map<std::string, std::string> sheets;
  for (const auto& entry : std::filesystem::directory_iterator{directory / ("sep-" + std::to_string(separator))}) {
    sheets[entry.path().stem().string()] = read_file(entry.path());
  }
  return sheets;
}

}  // namespace

TEST_CASE("every CSV export opens in LibreOffice Calc with either separator without a single formula") {
  REQUIRE_MESSAGE(std::filesystem::exists(soffice), "LibreOffice Calc is missing: scripts/test installs it (scripts/debian-packages-office)");
  api_fixture f;
  const char* schools[] = {"1059", "1024", "1054", "1058", "1040", "1103", "1031", "1062", "1063", "1151", "1093", "1098", "1061", "1055", "1030"};
  for (std::size_t k = 0; k < std::size(hostile_notes); ++k) {
    f.add_intent(schools[k], "school-administration-software", 400 + 60 * static_cast<int>(k), static_cast<int>(k) * 3, 151, hostile_notes[k]);
  }
  f.add_intent("1059", "laptop-standard-14", 3, 200, 230, ";=1+1");
  REQUIRE(test::http_request(f.port(), verb::post, "/api/v1/bundling-runs", {}, api_fixture::auth(f.coordinator)).status == 201);
  const auto bundles = test::http_get(f.port(), "/api/v1/bundles?limit=500", f.coordinator).json();

  const auto directory = f.scratch.directory() / "spreadsheets";
  std::filesystem::create_directories(directory);
  std::size_t files = 0;
  const auto download = [&](const std::string& target, const std::string& bearer, const std::string& name) {
    const auto reply = test::http_get(f.port(), target, bearer);
    REQUIRE_MESSAGE(reply.status == 200, target << ": " << reply.body);
    write_file(directory / (name + ".csv"), reply.body);
    ++files;
  };
  for (const char* query : {"", "?sep=semicolon", "?sep=semicolon&bom=1&lang=de", "?lang=de"}) {
    const std::string suffix = std::to_string(files);
    download(std::string{"/api/v1/bundling-runs/latest/schedule.csv"} + query, f.coordinator, "run-" + suffix);
    for (const auto& bundle : bundles.at("items").as_array()) {
      const auto id = std::to_string(bundle.at("id").as_int64());
      download("/api/v1/bundles/" + id + "/schedule.csv" + query, f.coordinator, "bundle-" + id + "-" + suffix);
    }
  }
  const auto exported = test::run_jointbuy({"export", "--db", f.scratch.url(), "--run", "latest", "--format", "csv", "--out",
                                            (directory / "cli").string(), "--sep", "semicolon", "--lang", "de"});
  REQUIRE_MESSAGE(exported.exit_code == 0, exported.err);
  for (const auto& entry : std::filesystem::directory_iterator{directory / "cli"}) {
    std::filesystem::copy_file(entry.path(), directory / ("cli-" + entry.path().filename().string()));
    ++files;
  }
  // The check can fail: a cell written the naive way is a formula in Calc.
  write_file(directory / "control.csv", "a,\";=1+1\",b\r\n");

  for (const int separator : {',', ';'}) {
    CAPTURE(separator);
    const auto sheets = open_in_calc(directory, separator);
    CHECK(sheets.size() == files + 1);
    for (const auto& [name, xml] : sheets) {
      CAPTURE(name);
      if (name == "control") {
        if (separator == ';') CHECK(xml.find("table:formula=") != std::string::npos);
        continue;
      }
      CHECK(xml.find("table:formula=") == std::string::npos);
    }
  }
}
