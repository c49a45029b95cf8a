#include "api/mail/message.hpp"

#include <algorithm>
#include <array>
#include <ctime>

namespace jointbuy::mail {

namespace {

constexpr std::string_view base64_alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64(std::string_view bytes) {
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned n = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
    for (int shift : {18, 12, 6, 0}) out.push_back(base64_alphabet[(n >> shift) & 63]);
  }
  if (i + 1 == bytes.size()) {
    const unsigned n = static_cast<unsigned char>(bytes[i]) << 16;
    out.push_back(base64_alphabet[(n >> 18) & 63]);
    out.push_back(base64_alphabet[(n >> 12) & 63]);
    out.append("==");
  } else if (i + 2 == bytes.size()) {
    const unsigned n = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8);
    out.push_back(base64_alphabet[(n >> 18) & 63]);
    out.push_back(base64_alphabet[(n >> 12) & 63]);
    out.push_back(base64_alphabet[(n >> 6) & 63]);
    out.push_back('=');
  }
  return out;
}

bool plain_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= ' ' && c < '\x7f'; });
}

// Where a UTF-8 sequence may be cut: not before a continuation byte.
std::size_t utf8_cut(std::string_view text, std::size_t at) {
  while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  return at;
}

// "Thu, 03 Dec 2026 14:53:05 +0000".
std::string rfc5322_date(std::chrono::system_clock::time_point at) {
  const std::time_t t = std::chrono::system_clock::to_time_t(at);
  std::tm utc{};
  ::gmtime_r(&t, &utc);
  std::array<char, 64> text{};
  static constexpr std::array<const char*, 7> days{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> months{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::snprintf(text.data(), text.size(), "%s, %02d %s %04d %02d:%02d:%02d +0000", days.at(utc.tm_wday), utc.tm_mday,
                months.at(utc.tm_mon), utc.tm_year + 1900, utc.tm_hour, utc.tm_min, utc.tm_sec);
  return text.data();
}

// A display name with its address: "=?UTF-8?B?…?= <a@b.ch>" or "\"Anna Muster\" <a@b.ch>".
std::string mailbox(std::string_view name, std::string_view address) {
  std::string out;
  const bool quotable = plain_ascii(name) && name.find_first_of("\"\\") == std::string_view::npos;
  if (quotable) {
    out.append("\"").append(name).append("\"");
  } else {
    // On a line of its own: encoded words and a long address together could pass 78 characters.
    out.append(header_text(name)).append("\r\n");
  }
  out.append(" <").append(address).append(">");
  return out;
}

}  // namespace

std::string header_text(std::string_view text) {
  if (plain_ascii(text)) return std::string{text};
  // Encoded words of 30 bytes (40 of base64, 52 in all), so that a header's first line stays under
  // 78 characters after its name; further words on folded lines.
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = utf8_cut(text, std::min(text.size(), start + 30));
    const auto cut = end > start ? end : std::min(text.size(), start + 30);
    if (!out.empty()) out.append("\r\n ");
    out.append("=?UTF-8?B?").append(base64(text.substr(start, cut - start))).append("?=");
    start = cut;
  }
  return out;
}

std::string quoted_printable(std::string_view text) {
  static constexpr std::string_view hex = "0123456789ABCDEF";
  std::string out;
  std::size_t line = 0;
  const auto soft_break = [&](std::size_t next) {
    if (line + next > 75) {
      out.append("=\r\n");
      line = 0;
    }
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      out.append("\r\n");
      line = 0;
      continue;
    }
    if (c == '\r') continue;
    const bool at_line_end = i + 1 == text.size() || text[i + 1] == '\n' || text[i + 1] == '\r';
    const bool literal = (c >= 33 && c <= 126 && c != '=') || (c == ' ' && !at_line_end) || (c == '\t' && !at_line_end);
    if (literal) {
      soft_break(1);
      out.push_back(static_cast<char>(c));
      line += 1;
    } else {
      // A UTF-8 character's bytes stay on one line, so that no reader sees half a character.
      std::size_t length = 1;
      if (c >= 0xF0) length = 4; else if (c >= 0xE0) length = 3; else if (c >= 0xC0) length = 2;
      length = std::min(length, text.size() - i);
      soft_break(3 * length);
      for (std::size_t k = 0; k < length; ++k) {
        const auto b = static_cast<unsigned char>(text[i + k]);
        out.push_back('=');
        out.push_back(hex[b >> 4]);
        out.push_back(hex[b & 15]);
      }
      line += 3 * length;
      i += length - 1;
    }
  }
  return out;
}

bool plain_address(std::string_view address) {
  if (address.size() < 3 || address.size() > 254) return false;
  if (std::count(address.begin(), address.end(), '@') != 1) return false;
  return std::none_of(address.begin(), address.end(), [](char c) {
    return static_cast<unsigned char>(c) <= ' ' || c == 0x7f || c == '<' || c == '>' || c == '"' || c == ',' || c == ';' || c == '\\' ||
           c == '(' || c == ')' || c == '[' || c == ']' || c == ':';
  });
}

std::string rfc5322_message(const message_parts& parts) {
  std::string text;
  text.append("Date: ").append(rfc5322_date(parts.date)).append("\r\n");
  text.append("From: ").append(mailbox(parts.from.name, parts.from.address)).append("\r\n");
  text.append("To: ").append(mailbox(parts.to_name, parts.to_address)).append("\r\n");
  text.append("Subject: ").append(header_text(parts.subject)).append("\r\n");
  text.append("Message-ID: ").append(parts.message_id).append("\r\n");
  text.append("MIME-Version: 1.0\r\n");
  text.append("Content-Type: text/plain; charset=UTF-8\r\n");
  text.append("Content-Transfer-Encoding: quoted-printable\r\n");
  text.append("Auto-Submitted: auto-generated\r\n");
  text.append("\r\n");
  text.append(quoted_printable(parts.body));
  if (!text.ends_with("\r\n")) text.append("\r\n");
  return text;
}

}  // namespace jointbuy::mail
