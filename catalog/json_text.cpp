#include "catalog/json_text.hpp"

#include <charconv>
#include <cmath>

#include "catalog/utf8.hpp"

namespace jointbuy::catalog {

namespace {

constexpr char hex_digits[] = "0123456789abcdef";

void write_string(std::string& out, std::string_view text) {
  const std::string valid = is_valid_utf8(text) ? std::string{} : to_valid_utf8(text);
  if (!valid.empty()) text = valid;
  out += '"';
  for (const char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += "\\u00";
          out += hex_digits[(c >> 4) & 0xf];
          out += hex_digits[c & 0xf];
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

template <class Number>
void write_number(std::string& out, Number number) {
  char digits[32];
  const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, number);
  out.append(digits, end);
}

void write_double(std::string& out, double number) {
  // JSON has no NaN or infinity; Boost.JSON writes them as null too.
  if (!std::isfinite(number)) {
    out += "null";
    return;
  }
  // The shortest fixed-point text that reads back as `number`: at most 309 digits before the point.
  char digits[400];
  const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, number, std::chars_format::fixed);
  out.append(digits, end);
}

void write(std::string& out, const boost::json::value& value) {
  switch (value.kind()) {
    case boost::json::kind::null: out += "null"; break;
    case boost::json::kind::bool_: out += value.get_bool() ? "true" : "false"; break;
    case boost::json::kind::int64: write_number(out, value.get_int64()); break;
    case boost::json::kind::uint64: write_number(out, value.get_uint64()); break;
    case boost::json::kind::double_: write_double(out, value.get_double()); break;
    case boost::json::kind::string: write_string(out, value.get_string()); break;
    case boost::json::kind::array: {
      out += '[';
      bool first = true;
      for (const auto& element : value.get_array()) {
        if (!first) out += ',';
        first = false;
        write(out, element);
      }
      out += ']';
      break;
    }
    case boost::json::kind::object: {
      out += '{';
      bool first = true;
      for (const auto& [key, member] : value.get_object()) {
        if (!first) out += ',';
        first = false;
        write_string(out, key);
        out += ':';
        write(out, member);
      }
      out += '}';
      break;
    }
  }
}

}  // namespace

std::string json_text(const boost::json::value& value) {
  std::string out;
  write(out, value);
  return out;
}

}  // namespace jointbuy::catalog
