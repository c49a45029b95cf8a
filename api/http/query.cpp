#include "api/http/query.hpp"

#include <charconv>

#include "api/http/problem.hpp"
#include "catalog/utf8.hpp"

namespace jointbuy::http {

namespace {

constexpr std::string_view base64url_alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr int max_page = 500;

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(std::string_view text, bool plus_is_space) {
  std::string decoded;
  decoded.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) throw bad_request("a '%' escape in the URL is cut short").with_german("Ein '%'-Zeichen der Adresse ist unvollständig.");
      const int high = hex_value(text[i + 1]);
      const int low = hex_value(text[i + 2]);
      if (high < 0 || low < 0) throw bad_request("the URL holds a malformed '%' escape").with_german("Die Adresse enthält ein ungültiges '%'-Zeichen.");
      const char byte = static_cast<char>(high * 16 + low);
      if (byte == '\0') throw bad_request("the URL holds a NUL byte").with_german("Die Adresse enthält ein NUL-Byte.");
      decoded.push_back(byte);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      decoded.push_back(' ');
    } else {
      decoded.push_back(c);
    }
  }
  // Paths and query values reach the store and every answer that names them: UTF-8 only.
  if (!catalog::is_valid_utf8(decoded)) throw bad_request("the URL is not UTF-8 text").with_german("Die Adresse ist kein UTF-8-Text.");
  return decoded;
}

std::optional<std::string> base64url_decode(std::string_view text) {
  std::string bytes;
  unsigned buffer = 0;
  int bits = 0;
  for (const char c : text) {
    const auto index = base64url_alphabet.find(c);
    if (index == std::string_view::npos) return std::nullopt;
    buffer = (buffer << 6) | static_cast<unsigned>(index);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push_back(static_cast<char>((buffer >> bits) & 0xff));
    }
  }
  return bytes;
}

}  // namespace

std::optional<std::string> target::get(const std::string& name) const {
  asked_.insert(name);
  const auto found = query.find(name);
  if (found == query.end()) return std::nullopt;
  return found->second;
}

std::vector<std::string> target::unread() const {
  std::vector<std::string> names;
  for (const auto& [name, value] : query) {
    if (asked_.count(name) == 0) names.push_back(name);
  }
  return names;
}

target parse_target(std::string_view raw) {
  if (raw.empty() || raw.front() != '/') throw bad_request("the request target must be an absolute path").with_german("Die Adresse muss ein absoluter Pfad sein.");
  target t;
  const auto question = raw.find('?');
  t.path = percent_decode(raw.substr(0, question), false);
  if (question == std::string_view::npos) return t;
  auto rest = raw.substr(question + 1);
  while (!rest.empty()) {
    const auto amp = rest.find('&');
    const auto pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    auto name = percent_decode(pair.substr(0, eq), true);
    auto value = eq == std::string_view::npos ? std::string{} : percent_decode(pair.substr(eq + 1), true);
    if (!t.query.emplace(name, std::move(value)).second) {
      throw invalid_query({query_error(name, "given more than once", "mehr als einmal angegeben")});
    }
  }
  return t;
}

page_request parse_page(const target& t) {
  page_request page;
  if (const auto limit = t.get("limit")) {
    int value = 0;
    const auto [end, ec] = std::from_chars(limit->data(), limit->data() + limit->size(), value);
    if (ec != std::errc{} || end != limit->data() + limit->size() || value < 1 || value > max_page) {
      throw invalid_query({query_error("limit", "must be a whole number from 1 to 500", "limit muss eine ganze Zahl von 1 bis 500 sein")});
    }
    page.limit = value;
  }
  if (const auto cursor = t.get("cursor"); cursor && !cursor->empty()) {
    const auto decoded = base64url_decode(*cursor);
    if (!decoded || !decoded->starts_with("k:")) {
      throw invalid_query({query_error("cursor", "not a cursor from a previous page", "ist kein Cursor einer früheren Seite")});
    }
    page.after = decoded->substr(2);
  }
  return page;
}

long long positive_id(std::string_view text) {
  long long value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc{} && end == text.data() + text.size() && value > 0 ? value : 0;
}

long long after_id(const page_request& page) {
  if (page.after.empty()) return 0;
  const auto after = positive_id(page.after);
  if (after == 0) throw invalid_query({query_error("cursor", "not a cursor of this list", "ist kein Cursor dieser Liste")});
  return after;
}

std::string encode_cursor(std::string_view key) {
  const std::string bytes = "k:" + std::string{key};
  std::string text;
  unsigned buffer = 0;
  int bits = 0;
  for (const unsigned char byte : bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      text.push_back(base64url_alphabet[(buffer >> bits) & 0x3f]);
    }
  }
  if (bits > 0) text.push_back(base64url_alphabet[(buffer << (6 - bits)) & 0x3f]);
  return text;
}

std::optional<long long> run_selector(std::string_view text) {
  if (text == "latest") return 0;
  const auto id = positive_id(text);
  if (id == 0) return std::nullopt;
  return id;
}

}  // namespace jointbuy::http
