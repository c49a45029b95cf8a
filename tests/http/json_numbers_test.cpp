// No number in any JSON the server or the command line writes uses an exponent: real responses of
// every reading route after a run, a review and a re-evaluation, and the CLI's output, scanned.
#include <doctest/doctest.h>

#include <fstream>

#include "tests/support/api_fixture.hpp"
#include "tests/support/child_process.hpp"

using namespace jointbuy;
using boost::beast::http::verb;
using test::api_fixture;

namespace {

// The first number token outside strings written with an exponent ("3.8E5"), or "".
std::string exponent_number(const std::string& json) {
  bool in_string = false;
  for (std::size_t k = 0; k < json.size(); ++k) {
    const char c = json[k];
    if (in_string) {
      if (c == '\\') ++k;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if ((c >= '0' && c <= '9') || c == '-') {
      std::size_t end = k;
      while (end < json.size() && std::string_view{"0123456789+-.eE"}.find(json[end]) != std::string_view::npos) ++end;
      const auto token = json.substr(k, end - k);
      if (token.find_first_of("eE") != std::string::npos) return token;
      k = end - 1;
    }
  }
  return {};
}

}  // namespace

TEST_CASE("the scanner finds what Boost.JSON writes for money, so the check can fail") {
  CHECK(exponent_number(R"({"value_chf":3.8E5})") == "3.8E5");
  CHECK(exponent_number(R"({"note":"1e5 in text is fine","n":380000})").empty());
}

TEST_CASE("every JSON answer writes money as plain decimals: 176242.95 and 380000, never 3.8E5") {
  api_fixture f;
  const char* schools[] = {"1059", "1024", "1054", "1058", "1040", "1103", "1031", "1062", "1063", "1151", "1093", "1098"};
  for (int k = 0; k < 12; ++k) f.add_intent(schools[k], "school-administration-software", 400 + 61 * k, k * 3, 170, "", 3777 + k);
  f.add_intent("1059", "laptop-standard-14", 3, 200, 230);
  REQUIRE(test::http_request(f.port(), verb::post, "/api/v1/bundling-runs", {}, api_fixture::auth(f.coordinator)).status == 201);
  const auto joint = test::http_get(f.port(), "/api/v1/bundles?decision=joint_tender", f.coordinator).json().at("items").at(0);
  const auto id = std::to_string(joint.at("id").as_int64());
  const auto version = joint.at("version").as_int64();
  const auto json_headers = [&](const std::string& bearer, std::int64_t v) {
    return api_fixture::auth(bearer, {{"Content-Type", "application/json"}, {"If-Match", "\"" + std::to_string(v) + "\""}});
  };
  REQUIRE(test::http_request(f.port(), verb::post, "/api/v1/bundles/" + id + "/decision", R"({"decision": "approve"})",
                             json_headers(f.coordinator, version)).status == 200);
  REQUIRE(test::http_request(f.port(), verb::post, "/api/v1/bundles/" + id + "/participation", R"({"answer": "decline"})",
                             json_headers(f.emmen, version + 1)).status == 200);

  std::vector<std::string> targets{"/api/v1/bundles?limit=500", "/api/v1/bundles/" + id, "/api/v1/bundles/" + id + "/decisions",
                                   "/api/v1/bundles/" + id + "/ocds.json", "/api/v1/flags?limit=500", "/api/v1/bundling-runs/latest",
                                   "/api/v1/intents?limit=500", "/api/v1/catalog/items?limit=500", "/api/v1/catalog/items/monitor-24",
                                   "/api/v1/rules/thresholds", "/api/v1/rules/cost-model",
                                   "/api/v1/rules/procedure?value_chf=380000&type=supply&date=2027-06-01",
                                   "/api/v1/audit?entity=bundle&id=" + id, "/api/v1/events?limit=500"};
  std::size_t numbers_seen = 0;
  for (const auto& target : targets) {
    for (const auto* bearer : {&f.coordinator, &f.auditor}) {
      const auto reply = test::http_get(f.port(), target, *bearer);
      CAPTURE(target);
      REQUIRE(reply.status == 200);
      CHECK(exponent_number(reply.body) == "");
      numbers_seen += reply.body.find("_chf\":") != std::string::npos ? 1 : 0;
    }
  }
  CHECK(numbers_seen > 10);

  const auto demo = test::run_jointbuy({"demo-intents", "--year", "2027"});
  REQUIRE(demo.exit_code == 0);
  CHECK(exponent_number(demo.out) == "");
  const auto file = f.scratch.directory() / "demo.json";
  std::ofstream{file} << demo.out;
  const auto bundled = test::run_jointbuy({"bundle", "--intents", file.string()});
  REQUIRE(bundled.exit_code == 0);
  CHECK(exponent_number(bundled.out) == "");
}
