// Which passwords a person may choose, and the hashes they are stored as.
#include <doctest/doctest.h>

#include "api/store/password_policy.hpp"
#include "api/store/passwords.hpp"

using namespace jointbuy;
using store::password_weakness;

TEST_CASE("long passwords pass; short, common, decorated common, repetitive and personal ones are refused") {
  const auto anna = store::personal_words("Anna Muster", "anna.muster@kriens.example");
  CHECK(store::weakness_of("Heuwagen-Seebucht-Laterne", anna) == std::nullopt);
  CHECK(store::weakness_of("zwölf Zeichen", anna) == std::nullopt);
  CHECK(store::weakness_of("kurz", anna) == password_weakness::too_short);
  // Characters, not bytes: eleven umlauts are 22 bytes and still too short.
  CHECK(store::weakness_of("ääääääääääb", anna) == password_weakness::too_short);
  CHECK(store::weakness_of(std::string(300, 'x'), anna) == password_weakness::too_long);
  for (const char* common : {"password1234", "Passwort1234", "1q2w3e4r5t6y", "Sommer2024!!", "!!Fussball2025"}) {
    CHECK_MESSAGE(store::weakness_of(common, anna) == password_weakness::common, common);
  }
  for (const char* repetitive : {"aaaaaaaaaaaa", "abcabcabcabc", "abcdefghijklm", "098765432109", "qwertzuiopasdf", "qwertyuiopas"}) {
    CHECK_MESSAGE(store::weakness_of(repetitive, anna) == password_weakness::repetitive, repetitive);
  }
  CHECK(store::weakness_of("Muster-Hochsommer-9", anna) == password_weakness::personal);
  CHECK(store::weakness_of("mein-jointbuy-Zugang", anna) == password_weakness::personal);
  CHECK(store::weakness_of("Kriens-Pilatus-Sonnen", anna) == password_weakness::personal);
}

TEST_CASE("passwords are stored as Argon2id with a fresh salt, and only the right one verifies") {
  const auto first = store::hash_password("Heuwagen-Seebucht-Laterne");
  const auto second = store::hash_password("Heuwagen-Seebucht-Laterne");
  CHECK(first.starts_with("$argon2id$"));
  CHECK(first != second);
  CHECK(first.find("Heuwagen") == std::string::npos);
  CHECK(store::verify_password(first, "Heuwagen-Seebucht-Laterne"));
  CHECK_FALSE(store::verify_password(first, "Heuwagen-Seebucht-Laterne "));
  CHECK_FALSE(store::verify_password_of_nobody("Heuwagen-Seebucht-Laterne"));
}
