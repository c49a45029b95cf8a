#include <doctest/doctest.h>

#include <boost/json.hpp>

#include "catalog/json_text.hpp"

using namespace jointbuy::catalog;

TEST_CASE("money and every other number is written as a plain decimal, never with an exponent") {
  // Boost.JSON 1.81 writes these as 3.8E5 and 1.7624295E5.
  CHECK(json_text(380000.0) == "380000");
  CHECK(json_text(176242.95) == "176242.95");
  CHECK(json_text(0.05) == "0.05");
  CHECK(json_text(-93.0) == "-93");
  CHECK(json_text(1e21) == "1000000000000000000000");
  CHECK(json_text(10000000000.0) == "10000000000");
  CHECK(json_text(std::int64_t{-42}) == "-42");
  CHECK(json_text(std::uint64_t{18446744073709551615ULL}) == "18446744073709551615");
  CHECK(json_text(std::numeric_limits<double>::quiet_NaN()) == "null");
  // What is written reads back as the same number.
  for (const double x : {0.1, 176242.95, 1234567.89, 3.8e5, 1e-7, 123456789012.34}) {
    CAPTURE(x);
    CHECK(boost::json::parse(json_text(x)).to_number<double>() == x);
  }
}

TEST_CASE("strings are escaped as RFC 8259 says and the text is always valid UTF-8") {
  const boost::json::object value{{"a\"b", "line\nbreak\t\x01\\"}, {"name", "Grüezi"}};
  CHECK(json_text(value) == R"({"a\"b":"line\nbreak\t\u0001\\","name":"Grüezi"})");
  CHECK(boost::json::parse(json_text(value)) == value);
  CHECK(json_text(boost::json::string{"\xff\xfe"}) == "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");
  const boost::json::array nested{nullptr, true, false, boost::json::object{}, boost::json::array{}};
  CHECK(json_text(nested) == "[null,true,false,{},[]]");
}
