// The spreadsheet import: what Excel in de-CH writes imports whole; a file with bad rows imports nothing.
#include <doctest/doctest.h>

#include <set>

#include "tests/support/api_fixture.hpp"

using namespace jointbuy;
using boost::beast::http::verb;
using test::api_fixture;

namespace {

test::http_reply import_csv(const api_fixture& f, const std::string& bearer, const std::string& csv, const std::string& query = "",
                            test::header_list extra = {}) {
  extra.emplace_back("Content-Type", "text/csv; charset=utf-8");
  return test::http_request(f.port(), verb::post, "/api/v1/intents/import" + query, csv, api_fixture::auth(bearer, extra));
}

// Excel (de-CH) "CSV UTF-8": BOM, semicolons, CRLF, Swiss number and date formats, German headers.
const std::string excel_export =
    "\xEF\xBB\xBF" "Artikel;Menge;Stückpreis CHF;Frühestens;Spätestens;Vertragsjahre;Bemerkung\r\n"
    "laptop-standard-14;40;1'150.00;01.02.2027;31.05.2027;;Ersatz Verwaltung\r\n"
    "school-administration-software;1'200;38.00;01.01.2027;30.06.2027;4;\"Primar; Sek\"\r\n"
    "monitor-24;25;;1.3.2027;2027-06-30;;\r\n";

}  // namespace

TEST_CASE("an Excel de-CH export imports whole, with Swiss numbers and dates") {
  api_fixture f;
  const auto reply = import_csv(f, f.kriens, excel_export);
  REQUIRE_MESSAGE(reply.status == 201, reply.body);
  CHECK(reply.json().at("imported") == 3);
  CHECK(reply.json().at("value_chf").to_number<double>() == 40 * 1150.0 + 1200 * 38.0 * 4 + 25 * 230.0);
  CHECK(f.rows("intents") == 3);
  const auto listed = test::http_get(f.port(), "/api/v1/intents", f.kriens).json();
  const auto& items = listed.at("items").as_array();
  REQUIRE(items.size() == 3);
  CHECK(items[0].at("organisation") == "1059");
  CHECK(items[1].at("quantity") == 1200);
  CHECK(items[1].at("contract_years") == 4);
  CHECK(items[1].at("note") == "Primar; Sek");
  CHECK(items[2].at("earliest") == "2027-03-01");
  CHECK(items[2].at("unit_price_chf").is_null());
}

TEST_CASE("a file with two bad rows imports nothing and names both rows") {
  api_fixture f;
  const std::string csv =
      "item,quantity,unit_price_chf,earliest,latest\n"
      "laptop-standard-14,40,1150.00,2027-02-01,2027-05-31\n"
      "monitor-24,-3,230.00,2027-02-01,2027-05-31\n"
      "desktop-standard,10,920.00,2027-02-01,2027-05-31\n"
      "flying-car,1,1.00,2027-05-01,2027-02-30\n";
  const auto reply = import_csv(f, f.kriens, csv);
  REQUIRE(reply.status == 422);
  std::set<std::pair<std::int64_t, std::string>> places;
  const auto problem = reply.json();
  for (const auto& e : problem.at("errors").as_array()) {
    places.emplace(e.at("row").as_int64(), std::string{e.at("field").as_string()});
  }
  CHECK(places.count({3, "quantity"}) == 1);
  CHECK(places.count({5, "item"}) == 1);
  CHECK(places.count({5, "latest"}) == 1);
  for (const auto& [row, field] : places) CHECK((row == 3 || row == 5));
  CHECK(f.rows("intents") == 0);
}

TEST_CASE("import rules: own organisation for municipalities, named or defaulted for coordinators, known columns") {
  api_fixture f;
  // Naming another organisation is a matter of access, as in every other request: 403, nothing stored.
  const auto foreign = import_csv(f, f.kriens, "organisation,item,quantity,earliest,latest\n1024,monitor-24,2,2027-02-01,2027-05-31\n");
  CHECK(foreign.status == 403);
  // Before: stored silently for the municipality's own organisation.
  const auto foreign_query = import_csv(f, f.kriens, "item,quantity,earliest,latest\nmonitor-24,2,2027-02-01,2027-05-31\n",
                                        "?organisation=1024");
  CHECK(foreign_query.status == 403);
  CHECK(f.rows("intents") == 0);

  const auto coordinator = import_csv(f, f.coordinator,
      "Gemeinde;Artikel;Menge;Von;Bis\n1024;monitor-24;2;01.02.2027;31.05.2027\n;monitor-27;1;01.02.2027;31.05.2027\n",
      "?organisation=1061");
  REQUIRE_MESSAGE(coordinator.status == 201, coordinator.body);
  const auto listed = test::http_get(f.port(), "/api/v1/intents", f.coordinator).json();
  CHECK(listed.at("items").at(0).at("organisation") == "1024");
  CHECK(listed.at("items").at(1).at("organisation") == "1061");

  const auto unknown_column = import_csv(f, f.kriens, "item,quantity,earliest,latest,colour\nmonitor-24,1,2027-02-01,2027-05-31,red\n");
  CHECK(unknown_column.status == 422);
  CHECK(unknown_column.json().at("errors").at(0).at("field") == "colour");
  const auto missing_column = import_csv(f, f.kriens, "item,quantity,earliest\nmonitor-24,1,2027-02-01\n");
  CHECK(missing_column.status == 422);
  CHECK(missing_column.json().at("errors").at(0).at("field") == "latest");
  CHECK(test::http_request(f.port(), verb::post, "/api/v1/intents/import", excel_export, api_fixture::auth(f.kriens)).status == 415);
  CHECK(f.rows("intents") == 2);
}

TEST_CASE("German error reasons for a German-speaking spreadsheet user") {
  api_fixture f;
  const auto reply = import_csv(f, f.kriens, "Artikel;Menge;Von;Bis\nmonitor-24;zwei;01.02.2027;31.05.2027\n", "",
                                {{"Accept-Language", "de"}});
  REQUIRE(reply.status == 422);
  CHECK(reply.json().at("errors").at(0).at("reason") == "muss eine ganze Zahl von 1 bis 10'000'000 sein");
}

TEST_CASE("imports beyond 5000 rows or the body limit are refused with a clear error") {
  api_fixture f;
  std::string csv = "item,quantity,earliest,latest\n";
  for (int i = 0; i < 5001; ++i) csv += "monitor-24,1,2027-02-01,2027-05-31\n";
  const auto rows = import_csv(f, f.kriens, csv);
  REQUIRE(rows.status == 422);
  CHECK(rows.json().at("errors").at(0).at("field") == "file");
  CHECK(std::string{rows.json().at("errors").at(0).at("reason").as_string()}.find("5000") != std::string::npos);
  std::string big = "item,quantity,earliest,latest,note\n";
  while (big.size() < 1200 * 1024) big += "monitor-24,1,2027-02-01,2027-05-31," + std::string(200, 'x') + "\n";
  CHECK(import_csv(f, f.kriens, big).status == 413);
  CHECK(f.rows("intents") == 0);
}

TEST_CASE("no answer is much larger than its request: a megabyte of commas gets a short 422") {
  api_fixture f;
  // Before: one error per empty header cell, a 54 MB answer to a 1 MB request.
  const std::string commas(1000 * 1000, ',');
  const auto reply = import_csv(f, f.kriens, commas);
  REQUIRE(reply.status == 422);
  CHECK(reply.body.size() < 4096);
  const auto problem = reply.json();
  REQUIRE(problem.at("errors").as_array().size() == 1);
  CHECK(problem.at("errors").at(0).at("field") == "row");
  CHECK(std::string{problem.at("errors").at(0).at("reason").as_string()}.find("64") != std::string::npos);
  CHECK(f.rows("intents") == 0);
}

TEST_CASE("a file with thousands of bad rows lists the first 100 problems and counts the others") {
  api_fixture f;
  std::string csv = "item,quantity,earliest,latest\n";
  for (int i = 0; i < 3000; ++i) csv += "no-such-item,0,2027-02-01,2027-05-31\n";  // two problems a row
  const auto reply = import_csv(f, f.kriens, csv);
  REQUIRE(reply.status == 422);
  CHECK(reply.body.size() < csv.size());
  const auto problem = reply.json();
  CHECK(problem.at("errors").as_array().size() == 100);
  CHECK(problem.at("errors").at(0).at("row") == 2);
  CHECK(problem.at("more_errors") == 6000 - 100);
  CHECK(f.rows("intents") == 0);
}

TEST_CASE("text that is not UTF-8 never enters the store through the import") {
  api_fixture f;
  // Before: the note was stored, and every list of intents was invalid JSON from then on.
  const auto reply = import_csv(f, f.kriens, "item,quantity,earliest,latest,note\nmonitor-24,1,2027-02-01,2027-05-31,ok\n"
                                             "monitor-24,1,2027-02-01,2027-05-31,\xff\xfe\xc0\xaf\n");
  REQUIRE(reply.status == 422);
  CHECK(reply.json().at("errors").at(0).at("field") == "file");
  CHECK(reply.json().at("errors").at(0).at("row") == 3);
  CHECK(std::string{reply.json().at("errors").at(0).at("reason").as_string()}.find("UTF-8") != std::string::npos);
  CHECK(f.rows("intents") == 0);
  // A Windows-1252 export ("Stückpreis" with ü as one byte) is named as such, in German too.
  const auto latin1 = import_csv(f, f.kriens, "Artikel;Menge;St\xfc" "ckpreis CHF;Fr\xfc" "hestens;Sp\xe4testens\n", "",
                                 {{"Accept-Language", "de-CH"}});
  REQUIRE(latin1.status == 422);
  CHECK(std::string{latin1.json().at("errors").at(0).at("reason").as_string()}.find("UTF-8") != std::string::npos);
}

TEST_CASE("the same file imported twice with its Idempotency-Key is stored once; another file under that key is refused") {
  api_fixture f;
  const std::string file = "item,quantity,earliest,latest\nmonitor-24,2,2027-02-01,2027-05-31\nmonitor-27,1,2027-02-01,2027-05-31\n";
  const test::header_list key{{"Idempotency-Key", "import-abc"}};
  const auto first = import_csv(f, f.kriens, file, "", key);
  REQUIRE(first.status == 201);
  CHECK(first.json().at("replayed") == false);
  // Before: the second upload of the same file stored every row again.
  const auto again = import_csv(f, f.kriens, file, "", key);
  REQUIRE(again.status == 201);
  CHECK(again.json().at("replayed") == true);
  CHECK(again.header("Idempotent-Replayed") == "true");
  CHECK(again.json().at("ids") == first.json().at("ids"));
  CHECK(again.json().at("value_chf") == first.json().at("value_chf"));
  CHECK(f.rows("intents") == 2);
  const auto other = import_csv(f, f.kriens, "item,quantity,earliest,latest\nmonitor-24,9,2027-02-01,2027-05-31\n", "", key);
  CHECK(other.status == 409);
  CHECK(other.json().at("type") == "urn:jointbuy:problem:idempotency-key-reused");
  // The key is the caller's: another municipality's import under the same key is its own.
  CHECK(import_csv(f, f.emmen, file, "", key).json().at("replayed") == false);
  CHECK(f.rows("intents") == 4);
  CHECK(import_csv(f, f.kriens, file, "", {{"Idempotency-Key", "bad key"}}).status == 400);
}

TEST_CASE("a spreadsheet may name the item as the catalogue shows it, in German or English; a name that is not exact is refused") {
  api_fixture f;
  const auto reply = import_csv(f, f.kriens,
                                "Artikel;Menge;Frühestens;Spätestens\r\n"
                                "Laptop Standard-Arbeitsplatz 14 Zoll;4;01.02.2027;31.05.2027\r\n"
                                "Schulverwaltungssoftware für die Volksschule;300;01.01.2027;30.06.2027\r\n");
  REQUIRE_MESSAGE(reply.status == 201, reply.body);
  const auto listed = test::http_get(f.port(), "/api/v1/intents", f.kriens).json();
  std::set<std::string> items;
  for (const auto& i : listed.at("items").as_array()) items.insert(std::string{i.at("item").as_string()});
  CHECK(items == std::set<std::string>{"laptop-standard-14", "school-administration-software"});
  const auto loose = import_csv(f, f.kriens, "Artikel;Menge;Frühestens;Spätestens\r\nlaptop standard-arbeitsplatz 14 zoll;4;01.02.2027;31.05.2027\r\n", "",
                                {{"Accept-Language", "de"}});
  REQUIRE(loose.status == 422);
  const auto errors = loose.json().at("errors");
  CHECK(errors.at(0).at("field") == "item");
  CHECK(errors.at(0).at("row") == 2);
  CHECK(f.rows("intents") == 2);
}
