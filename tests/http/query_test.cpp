#include <doctest/doctest.h>

#include <vector>

#include "api/http/problem.hpp"
#include "api/http/query.hpp"
#include "api/http/responses.hpp"

using namespace jointbuy::http;

TEST_CASE("targets are split and percent-decoded") {
  const auto t = parse_target("/api/v1/organisations/10%2061?q=Schule+Luzern&canton=LU&empty=&flag");
  CHECK(t.path == "/api/v1/organisations/10 61");
  CHECK(t.get("q") == "Schule Luzern");
  CHECK(t.get("canton") == "LU");
  CHECK(t.get("empty") == "");
  CHECK(t.get("flag") == "");
  CHECK_FALSE(t.get("missing").has_value());
}

TEST_CASE("malformed targets are 400 problems") {
  for (const char* bad : {"api/v1", "/x?a=%", "/x?a=%4", "/x?a=%zz", "/x%00", "/x?a=1&a=2", ""}) {
    CAPTURE(bad);
    try {
      parse_target(bad);
      FAIL("accepted");
    } catch (const problem& p) {
      CHECK(p.http_status() == status::bad_request);
    }
  }
}

TEST_CASE("pages: limit defaults to 50, lies within 1..500, cursors round-trip") {
  CHECK(parse_page(parse_target("/x")).limit == 50);
  CHECK(parse_page(parse_target("/x?limit=500")).limit == 500);
  CHECK(parse_page(parse_target("/x?limit=1")).limit == 1);
  for (const char* bad : {"/x?limit=0", "/x?limit=501", "/x?limit=-1", "/x?limit=ten", "/x?limit=5x", "/x?cursor=@@",
                          "/x?cursor=YWJj"}) {
    CAPTURE(bad);
    try {
      parse_page(parse_target(bad));
      FAIL("accepted");
    } catch (const problem& p) {
      CHECK(p.http_status() == status::bad_request);
      REQUIRE(p.errors().size() == 1);
    }
  }
  for (const std::string& key : std::vector<std::string>{"1061", "LU", "a/b?c=d&e", "Zürich", std::string(100, 'x')}) {
    CAPTURE(key);
    CHECK(parse_page(parse_target("/x?cursor=" + encode_cursor(key))).after == key);
  }
}

TEST_CASE("If-Match names the version of an ETag") {
  request req{beast_http::verb::put, "/x", 11};
  CHECK_FALSE(if_match_version(req).has_value());
  response res;
  set_version_etag(res, 7);
  req.set(beast_http::field::if_match, res[beast_http::field::etag]);
  CHECK(if_match_version(req) == 7);
  req.set(beast_http::field::if_match, "W/\"3\"");
  CHECK(if_match_version(req) == 3);
  for (const char* bad : {"3", "\"\"", "\"x\"", "*", "\"-1\""}) {
    CAPTURE(bad);
    req.set(beast_http::field::if_match, bad);
    CHECK_THROWS_AS(if_match_version(req), problem);
  }
}
