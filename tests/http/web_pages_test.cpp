// The web pages as the server delivers them: from memory, with their types, validators and
// security headers, and nothing outside the web directory, whatever the path says.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "api/http/static_files.hpp"
#include "tests/support/api_fixture.hpp"
#include "tests/support/scratch_database.hpp"

using namespace jointbuy;
using boost::beast::http::verb;
using test::api_fixture;

TEST_CASE("the pages are served under / with their types, an ETag and the security headers") {
  api_fixture f;
  const auto index = test::http_get(f.port(), "/");
  REQUIRE(index.status == 200);
  CHECK(index.header("Content-Type") == "text/html; charset=utf-8");
  CHECK(index.body.find("<script type=\"module\" src=\"/js/main.js\">") != std::string::npos);
  CHECK(index.header("Content-Security-Policy").find("script-src 'self'") != std::string::npos);
  CHECK(index.header("Content-Security-Policy").find("frame-ancestors 'none'") != std::string::npos);
  CHECK(index.header("X-Content-Type-Options") == "nosniff");
  CHECK(index.header("Cache-Control") == "no-cache");
  const auto etag = index.header("ETag");
  REQUIRE(etag.size() > 2);

  const auto script = test::http_get(f.port(), "/js/main.js");
  CHECK(script.status == 200);
  CHECK(script.header("Content-Type") == "text/javascript; charset=utf-8");
  CHECK(test::http_get(f.port(), "/app.css").header("Content-Type") == "text/css; charset=utf-8");

  // Unchanged: 304 without a body. HEAD: the headers only.
  const auto again = test::http_request(f.port(), verb::get, "/", {}, {{"If-None-Match", etag}});
  CHECK(again.status == 304);
  CHECK(again.body.empty());
  CHECK(test::http_request(f.port(), verb::get, "/", {}, {{"If-None-Match", "\"other\""}}).status == 200);
  const auto head = test::http_request(f.port(), verb::head, "/js/main.js");
  CHECK(head.status == 200);
  CHECK(head.body.empty());
}

TEST_CASE("no path reaches outside the web directory, and the API's 404s stay problems") {
  api_fixture f;
  for (const char* path : {"/../CMakeLists.txt", "/%2e%2e/%2e%2e/CMakeLists.txt", "/js/../../api/main.cpp", "/..%2f..%2fetc%2fpasswd",
                           "/index.html/", "/js", "/nothing.html", "/.gitignore"}) {
    CAPTURE(path);
    const auto reply = test::http_get(f.port(), path);
    CHECK((reply.status == 404 || reply.status == 400));
    CHECK(reply.header("Content-Type") == "application/problem+json");
  }
  const auto api = test::http_get(f.port(), "/api/v1/nothing");
  CHECK(api.status == 404);
  CHECK(api.header("Content-Type") == "application/problem+json");
  CHECK(test::http_request(f.port(), verb::post, "/", "x").status == 404);
}

TEST_CASE("a web directory is read once: hidden files and symbolic links are left out, index.html is required") {
  test::scratch_database scratch;
  const auto root = scratch.directory() / "web";
  std::filesystem::create_directories(root / "js");
  std::ofstream{root / "index.html"} << "<!doctype html><title>x</title>";
  std::ofstream{root / "js" / "a.js"} << "export {};";
  std::ofstream{root / ".env"} << "SECRET=1";
  std::ofstream{scratch.directory() / "outside.txt"} << "not for the web";
  std::filesystem::create_symlink(scratch.directory() / "outside.txt", root / "outside.txt");
  const http::static_files pages{root};
  CHECK(pages.size() == 2);
  http::request req{http::beast_http::verb::get, "/", 11};
  CHECK(pages.serve(req, "/"));
  CHECK(pages.serve(req, "/js/a.js"));
  CHECK_FALSE(pages.serve(req, "/index.html"));  // served as "/" only
  CHECK_FALSE(pages.serve(req, "/.env"));
  CHECK_FALSE(pages.serve(req, "/outside.txt"));

  std::filesystem::remove(root / "index.html");
  CHECK_THROWS_AS(http::static_files{root}, std::runtime_error);
  CHECK_THROWS_AS(http::static_files{scratch.directory() / "missing"}, std::runtime_error);
}
