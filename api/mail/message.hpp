#pragma once
// A queued message as it goes over SMTP: RFC 5322 headers (UTF-8 names and subject as RFC 2047
// encoded words) and a UTF-8 body in quoted-printable, lines ending in CRLF.

#include <chrono>
#include <string>
#include <string_view>

namespace jointbuy::mail {

/// Who a message is from: an address and the name shown beside it.
struct sender_address {
  std::string address = "jointbuy@localhost";
  std::string name = "jointbuy Beschaffungskoordination";
};

/// The parts of one message.
struct message_parts {
  sender_address from;
  std::string to_name, to_address;
  std::string subject;
  std::string body;
  std::string message_id;
  std::chrono::system_clock::time_point date;
};

/// The message text: Date, From, To, Subject, Message-ID, MIME-Version, Content-Type and
/// Content-Transfer-Encoding, a blank line and the body.
std::string rfc5322_message(const message_parts& parts);

/// `text` as one or more RFC 2047 encoded words ("=?UTF-8?B?…?=") when it is not plain printable
/// ASCII, else as it is.
std::string header_text(std::string_view text);

/// `text` in quoted-printable (RFC 2045), with CRLF line ends and no line over 76 characters.
std::string quoted_printable(std::string_view text);

/// True when `address` can stand in a header and an SMTP command as it is: no spaces, angle
/// brackets, quotes or control characters, one "@".
bool plain_address(std::string_view address);

}  // namespace jointbuy::mail
