#include <doctest/doctest.h>

#include "catalog/utf8.hpp"

using namespace jointbuy::catalog;

TEST_CASE("well-formed UTF-8 by RFC 3629: what is refused and where") {
  CHECK(is_valid_utf8(""));
  CHECK(is_valid_utf8("Grüezi, Zürich – 10 € 𝄞"));
  CHECK(first_invalid_utf8("ab\xff") == 2u);
  CHECK(first_invalid_utf8("\xc0\xaf") == 0u);          // overlong '/'
  CHECK(first_invalid_utf8("\xe0\x80\xaf") == 0u);      // overlong, three bytes
  CHECK(first_invalid_utf8("x\xed\xa0\x80") == 1u);     // a surrogate
  CHECK(first_invalid_utf8("\xf4\x90\x80\x80") == 0u);  // above U+10FFFF
  CHECK(first_invalid_utf8("\xe2\x82") == 0u);          // cut short
  CHECK(first_invalid_utf8("ok\xc3") == 2u);
}

TEST_CASE("to_valid_utf8 replaces each ill-formed byte and keeps the rest") {
  CHECK(to_valid_utf8("Grüezi") == "Grüezi");
  CHECK(to_valid_utf8("a\xff" "b") == "a\xEF\xBF\xBD" "b");
  CHECK(to_valid_utf8("\xff\xfe") == "\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(is_valid_utf8(to_valid_utf8("\xc0\xaf\xed\xa0\x80\xf8")));
}
