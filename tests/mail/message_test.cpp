// A queued message as it goes over SMTP: headers, encoded words, quoted-printable, line lengths;
// and the Swiss local time the mail's words use.
#include <doctest/doctest.h>

#include <sstream>

#include "api/mail/background_jobs.hpp"
#include "api/mail/campaign_mail.hpp"
#include "api/mail/message.hpp"

using namespace jointbuy::mail;
using namespace std::chrono;

TEST_CASE("ASCII text stays as it is in a header; anything else becomes UTF-8 encoded words of bounded length") {
  CHECK(header_text("Reminder") == "Reminder");
  CHECK(header_text("Zoë") == "=?UTF-8?B?Wm/Dqw==?=");
  const auto long_subject = header_text("Erinnerung: Bedarfserhebung «Schulverwaltungssoftware Volksschule» schliesst am 15.03.2027");
  std::istringstream lines{long_subject};
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    CHECK(line.size() <= 60);
  }
  // No UTF-8 character is cut between two words: each word decodes on its own.
  CHECK(long_subject.find("\r\n =?UTF-8?B?") != std::string::npos);
}

TEST_CASE("quoted-printable keeps lines under 76 characters, CRLF line ends, and UTF-8 characters whole") {
  CHECK(quoted_printable("Grüsse") == "Gr=C3=BCsse");
  CHECK(quoted_printable("a = b") == "a =3D b");
  CHECK(quoted_printable("Zeile \nnächste") == "Zeile=20\r\nn=C3=A4chste");
  const auto long_line = quoted_printable(std::string(200, 'x') + "ä");
  std::size_t start = 0;
  while (start < long_line.size()) {
    const auto end = long_line.find("\r\n", start);
    const auto line = long_line.substr(start, end == std::string::npos ? std::string::npos : end - start);
    CHECK(line.size() <= 76);
    if (end == std::string::npos) break;
    start = end + 2;
  }
  CHECK(long_line.ends_with("=C3=A4"));
}

TEST_CASE("a message has each header once and a blank line before its body") {
  message_parts parts{{"jointbuy@lu.example", "jointbuy Beschaffungskoordination"}, "Zoë Frei", "zoe@stadtluzern.example",
                      "Bedarfserhebung «Schule»", "Guten Tag\nTschüss", "<abc@jointbuy.outbox>", sys_days{2027y / March / 1} + hours{8}};
  const auto text = rfc5322_message(parts);
  CHECK(text.starts_with("Date: Mon, 01 Mar 2027 08:00:00 +0000\r\n"));
  CHECK(text.find("From: \"jointbuy Beschaffungskoordination\" <jointbuy@lu.example>\r\n") != std::string::npos);
  CHECK(text.find("To: =?UTF-8?B?") != std::string::npos);
  CHECK(text.find("\r\n <zoe@stadtluzern.example>\r\n") != std::string::npos);
  CHECK(text.find("Message-ID: <abc@jointbuy.outbox>\r\n") != std::string::npos);
  CHECK(text.find("Content-Type: text/plain; charset=UTF-8\r\n") != std::string::npos);
  CHECK(text.find("\r\n\r\nGuten Tag\r\nTsch=C3=BCss\r\n") != std::string::npos);
  for (const char c : text) CHECK(static_cast<unsigned char>(c) < 0x80);
}

TEST_CASE("plain addresses only reach SMTP") {
  CHECK(plain_address("anna.muster@kriens.example"));
  for (const char* bad : {"anna", "a@b@c", "a b@c.ch", "<a@b.ch>", "a@b.ch\r\nRCPT TO:<x@y>", "\"a\"@b.ch"}) CHECK_FALSE(plain_address(bad));
}

TEST_CASE("the wait after failed attempts doubles up to an hour") {
  CHECK(retry_delay(seconds{30}, 1) == seconds{30});
  CHECK(retry_delay(seconds{30}, 2) == seconds{60});
  CHECK(retry_delay(seconds{30}, 4) == seconds{240});
  CHECK(retry_delay(seconds{30}, 40) == hours{1});
}

TEST_CASE("the mail says the time as people in Lucerne read it: CET in winter, CEST in summer") {
  CHECK(swiss_time("2027-01-15T16:00:00.000000Z") == "15.01.2027, 17:00 Uhr");
  CHECK(swiss_time("2027-07-15T16:00:00.000000Z") == "15.07.2027, 18:00 Uhr");
  // Summer time starts on the last Sunday of March at 01:00 UTC (28.03.2027).
  CHECK(swiss_time("2027-03-28T00:59:00.000000Z") == "28.03.2027, 01:59 Uhr");
  CHECK(swiss_time("2027-03-28T01:00:00.000000Z") == "28.03.2027, 03:00 Uhr");
  CHECK(swiss_time("2027-10-31T00:59:00.000000Z") == "31.10.2027, 02:59 Uhr");
  CHECK(swiss_time("2027-10-31T01:00:00.000000Z") == "31.10.2027, 02:00 Uhr");
  CHECK(swiss_time("2027-12-31T23:30:00.000000Z") == "01.01.2028, 00:30 Uhr");
}
