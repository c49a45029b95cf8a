#include <filesystem>
#include <fstream>
#include <iostream>

#include <boost/json.hpp>

#include "api/cli/commands.hpp"
#include "api/cli/configuration.hpp"
#include "api/store/bundling_runs.hpp"
#include "api/store/tender_documents.hpp"
#include "catalog/json_text.hpp"
#include "catalog/ocds_release.hpp"

namespace jointbuy::cli {

namespace {

constexpr const char* usage = R"(usage: jointbuy export --run ID|latest --format csv|ocds --out DIR [--lang en|de]
                       [--sep comma|semicolon] [--bom] [--db URL]

Writes the tender documents of a bundling run into DIR (created if missing), the same files the API
serves:
  csv   jointbuy-run-ID-schedule.csv: the quantity schedule of every joint tender of the run that is
        neither rejected nor withdrawn, one row per buyer plus a totals row per tender
        (GET /api/v1/bundling-runs/ID/schedule.csv). --sep semicolon --bom --lang de for Excel de-CH.
  ocds  jointbuy-bundle-N-ocds.json: one OCDS 1.1 release per such joint tender
        (GET /api/v1/bundles/N/ocds.json).
Each file is written next to its final name and then renamed, so a reader never sees half a file.
Prints the paths written.
)";

// Writes `content` to `path` through a temporary file in the same directory and a rename.
void write_whole_file(const std::filesystem::path& path, const std::string& content) {
  auto partial = path;
  partial += ".partial";
  {
    std::ofstream out{partial, std::ios::binary | std::ios::trunc};
    out << content;
    out.flush();
    if (!out) throw std::runtime_error("cannot write " + partial.string());
  }
  std::filesystem::rename(partial, path);
  std::cout << path.string() << "\n";
}

}  // namespace

int run_export(const std::vector<std::string>& raw) {
  const auto args = parse_arguments(raw, with_database_options({{"run", "format", "out", "lang", "sep"}, {"bom"}}));
  if (args.has("help")) {
    std::cout << usage;
    return 0;
  }
  const auto run_text = args.get("run");
  const auto format = args.get("format");
  const auto out = args.get("out");
  if (!run_text || !format || !out || !args.positional.empty()) throw usage_error(usage);
  if (*format != "csv" && *format != "ocds") throw usage_error("--format must be csv or ocds");
  const long long wanted = *run_text == "latest" ? 0 : positive_number("run", *run_text);
  catalog::schedule_format schedule;
  const auto lang = engine::parse_language(args.get("lang").value_or("en"));
  if (!lang) throw usage_error("--lang must be en or de");
  schedule.lang = *lang;
  const auto separator = catalog::parse_separator(args.get("sep").value_or("comma"));
  if (!separator) throw usage_error("--sep must be comma or semicolon");
  schedule.separator = *separator;
  schedule.bom = args.has("bom");
  schedule.grand_total = true;

  const auto db = open_migrated_database(args);
  const auto run = store::find_run(*db, wanted);
  if (!run) {
    std::cerr << "jointbuy export: there is no bundling run " << *run_text << "\n";
    return 1;
  }
  const std::filesystem::path directory{*out};
  std::filesystem::create_directories(directory);
  if (*format == "csv") {
    const auto rows = store::schedule_of_run(*db, run->id, schedule.lang);
    write_whole_file(directory / ("jointbuy-run-" + std::to_string(run->id) + "-schedule.csv"),
                     catalog::schedule_csv(rows, schedule));
  } else {
    const auto tenders = store::documented_tenders(*db, run->id);
    for (const auto id : tenders) {
      if (const auto tender = store::ocds_tender_of(*db, id)) {
        write_whole_file(directory / ("jointbuy-bundle-" + std::to_string(id) + "-ocds.json"),
                         catalog::json_text(catalog::ocds_release(*tender)) + "\n");
      }
    }
    if (tenders.empty()) std::cerr << "jointbuy export: run " << run->id << " has no joint tender to release\n";
  }
  return 0;
}

}  // namespace jointbuy::cli
