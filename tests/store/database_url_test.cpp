#include <doctest/doctest.h>

#include "api/store/database_url.hpp"
#include "api/store/errors.hpp"

using namespace jointbuy::store;

TEST_CASE("database URLs choose the backend") {
  CHECK(parse_database_url("sqlite:var/jointbuy.db").kind == backend::sqlite);
  CHECK(parse_database_url("sqlite:var/jointbuy.db").connect == "var/jointbuy.db");
  CHECK(parse_database_url("sqlite:///tmp/x.db").connect == "/tmp/x.db");
  CHECK(parse_database_url("postgresql://u@localhost/jb").kind == backend::postgresql);
  CHECK(parse_database_url("postgres://u@localhost/jb").connect == "postgres://u@localhost/jb");
  CHECK_THROWS_AS(parse_database_url("mysql://x"), configuration_error);
  CHECK_THROWS_AS(parse_database_url("sqlite:"), configuration_error);
  CHECK_THROWS_AS(parse_database_url("sqlite::memory:"), configuration_error);
}

TEST_CASE("passwords never appear in messages") {
  CHECK(redact_database_url("postgresql://jb:s3cret@db.example/jb") == "postgresql://jb:***@db.example/jb");
  CHECK(redact_database_url("postgresql://jb@db.example/jb") == "postgresql://jb@db.example/jb");
  try {
    parse_database_url("oracle://jb:s3cret@db");
    FAIL("accepted an unknown scheme");
  } catch (const configuration_error& e) {
    CHECK(std::string{e.what()}.find("s3cret") == std::string::npos);
  }
}
