// The tender documents over HTTP: the quantity schedule as CSV (read back with a strict RFC 4180
// reader) and the OCDS release (validated against the OCDS 1.1 release schema).
#include <doctest/doctest.h>

#include <boost/json.hpp>

#include "catalog/csv.hpp"
#include "engine/money.hpp"
#include "catalog/json_schema.hpp"
#include "tests/support/api_fixture.hpp"
#include "tests/support/schema_files.hpp"

using namespace jointbuy;
using boost::beast::http::verb;
using test::api_fixture;

namespace {

const char* const hostile_notes[] = {"=HYPERLINK(\"http://evil\")", "+41 41 000", "-2+3", "@SUM(A1)", "a, b; \"c\"\nd", "plain"};

// Twelve schools, with notes a spreadsheet could misread.
void submit_all(api_fixture& f) {
  const char* schools[] = {"1059", "1024", "1054", "1058", "1040", "1103", "1031", "1062", "1063", "1151", "1093", "1098"};
  // The window runs to 1 June 2027 (day 151).
  for (int k = 0; k < 12; ++k) f.add_intent(schools[k], "school-administration-software", 400 + 60 * k, k * 3, 151, hostile_notes[k % 6]);
  REQUIRE(test::http_request(f.port(), verb::post, "/api/v1/bundling-runs", {}, api_fixture::auth(f.coordinator)).status == 201);
}

boost::json::value the_joint_tender(const api_fixture& f) {
  const auto list = test::http_get(f.port(), "/api/v1/bundles?decision=joint_tender", f.coordinator).json();
  REQUIRE(list.at("items").as_array().size() == 1);
  return list.at("items").at(0);
}

engine::rappen rappen_of(const std::string& cell) { return *engine::parse_chf(cell); }

}  // namespace

TEST_CASE("the quantity schedule reads back as the bundle, with totals to the Rappen and every cell safe") {
  api_fixture f;
  submit_all(f);
  const auto bundle = the_joint_tender(f);
  const auto path = "/api/v1/bundles/" + std::to_string(bundle.at("id").as_int64());
  const auto reply = test::http_get(f.port(), path + "/schedule.csv", f.coordinator);
  REQUIRE(reply.status == 200);
  CHECK(reply.header("Content-Type") == "text/csv; charset=utf-8");
  CHECK(reply.header("Content-Disposition").find("jointbuy-bundle-") != std::string::npos);
  CHECK(reply.body.find("\r\n") != std::string::npos);
  const auto csv = catalog::read_csv(reply.body, ',');
  REQUIRE_FALSE(csv.error);
  const auto& records = csv.records;
  REQUIRE(records.size() == 1 + 12 + 1);  // header, members, totals
  CHECK(records[0].fields.front() == "tender");
  engine::rappen sum = 0;
  std::int64_t quantity = 0;
  const auto& members = bundle.at("members").as_array();
  for (std::size_t k = 0; k < 12; ++k) {
    const auto& row = records[k + 1].fields;
    REQUIRE(row.size() == 16);
    CHECK(row[15] == "intent");
    CHECK(row[0] == bundle.at("tender").as_string());
    CHECK(row[5] == members[k].at("organisation").as_string());
    CHECK(std::stoll(row[7]) == members[k].at("quantity").as_int64());
    CHECK(rappen_of(row[9]) == *engine::rappen_from_chf(members[k].at("value_chf").to_number<double>()));
    CHECK(std::stoll(row[13]) == members[k].at("intent").as_int64());
    sum += rappen_of(row[9]);
    quantity += std::stoll(row[7]);
    // Each note comes back as written, with an apostrophe before a leading formula character.
    const std::string note = hostile_notes[(std::stoll(row[13]) - 1) % 6];
    const bool dangerous = note.front() == '=' || note.front() == '+' || note.front() == '-' || note.front() == '@';
    CHECK(row[14] == (dangerous ? "'" + note : note));
    for (const auto& cell : row) {
      CHECK_FALSE((!cell.empty() && (cell.front() == '=' || cell.front() == '+' || cell.front() == '@')));
    }
  }
  const auto& totals = records.back().fields;
  CHECK(totals[1] == "Total");
  CHECK(totals[15] == "tender_total");
  CHECK(std::stoll(totals[7]) == quantity);
  CHECK(rappen_of(totals[9]) == sum);
  CHECK(sum == *engine::rappen_from_chf(bundle.at("value_chf").to_number<double>()));
}

TEST_CASE("the de-CH schedule opens with the BOM and semicolons, German headers and Swiss dates") {
  api_fixture f;
  submit_all(f);
  const auto bundle = the_joint_tender(f);
  const auto path = "/api/v1/bundles/" + std::to_string(bundle.at("id").as_int64());
  const auto reply = test::http_get(f.port(), path + "/schedule.csv?sep=semicolon&bom=1&lang=de", f.coordinator);
  REQUIRE(reply.status == 200);
  CHECK(reply.body.starts_with("\xEF\xBB\xBF" "Ausschreibung;Titel;CPV;"));
  const auto csv = catalog::read_csv(reply.body, ';');
  REQUIRE_FALSE(csv.error);
  CHECK(csv.records[1].fields[11] == "01.06.2027");
  CHECK(csv.records[1].fields.size() == 16);
  CHECK(csv.records[1].fields[4] == "Schüler/in");  // before: "pupil" in the German schedule
  CHECK(csv.records[1].fields[15] == "Absicht");
  CHECK(test::http_get(f.port(), path + "/schedule.csv?sep=tab", f.coordinator).status == 400);
  // The run's schedule holds the same joint tender; a municipality may not read the whole run.
  const auto run = test::http_get(f.port(), "/api/v1/bundling-runs/latest/schedule.csv", f.auditor);
  REQUIRE(run.status == 200);
  CHECK(catalog::read_csv(run.body, ',').records.size() == 15);  // header, 12 members, the tender's total, the grand total
  CHECK(test::http_get(f.port(), "/api/v1/bundling-runs/latest/schedule.csv", f.kriens).status == 403);
  CHECK(test::http_get(f.port(), path + "/schedule.csv", f.kriens).status == 200);  // Kriens takes part
}

TEST_CASE("the OCDS release of a joint tender validates against the OCDS 1.1 release schema") {
  api_fixture f;
  submit_all(f);
  const auto bundle = the_joint_tender(f);
  const auto path = "/api/v1/bundles/" + std::to_string(bundle.at("id").as_int64());
  const auto reply = test::http_get(f.port(), path + "/ocds.json", f.coordinator);
  REQUIRE(reply.status == 200);
  const auto release = reply.json();
  const auto schema = test::schema_document("ocds-1.1-release-schema.json");
  const auto errors = catalog::validate_against(schema, release);
  for (const auto& e : errors) FAIL_CHECK(e.path << ": " << e.reason);
  CHECK(errors.empty());
  CHECK(release.at("parties").as_array().size() == 12);
  CHECK(release.at("tender").at("items").as_array().size() == 12);
  CHECK(release.at("tender").at("procurementMethod") == "open");
  CHECK(release.at("relatedProcesses").as_array().size() == 12);
  CHECK(release.at("planning").at("budget").at("amount").at("currency") == "CHF");
  // A broken release does not validate: the check can fail.
  auto broken = release.as_object();
  broken["tender"].as_object()["procurementMethod"] = "by-lottery";
  CHECK_FALSE(catalog::validate_against(schema, broken).empty());
}

TEST_CASE("the run's schedule has one grand total: the sum of the tenders' totals and of the intents' rows, to the Rappen") {
  api_fixture f;
  submit_all(f);
  // Before: a total row per tender and no grand total, so a column sum counted every amount twice.
  const auto reply = test::http_get(f.port(), "/api/v1/bundling-runs/latest/schedule.csv", f.coordinator);
  REQUIRE(reply.status == 200);
  const auto csv = catalog::read_csv(reply.body, ',');
  REQUIRE_FALSE(csv.error);
  engine::rappen intents = 0, tenders = 0, grand = 0;
  int grand_totals = 0, tender_totals = 0;
  for (std::size_t k = 1; k < csv.records.size(); ++k) {
    const auto& row = csv.records[k].fields;
    REQUIRE(row.size() == 16);
    if (row[15] == "intent") intents += rappen_of(row[9]);
    if (row[15] == "tender_total") {
      tenders += rappen_of(row[9]);
      ++tender_totals;
    }
    if (row[15] == "grand_total") {
      grand = rappen_of(row[9]);
      ++grand_totals;
      CHECK(k + 1 == csv.records.size());  // the last row
    }
  }
  CHECK(grand_totals == 1);
  CHECK(tender_totals >= 1);
  CHECK(grand > 0);
  CHECK(grand == tenders);
  CHECK(grand == intents);
}
