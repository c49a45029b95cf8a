#include "engine/money.hpp"

#include <cmath>
#include <cstdio>

namespace jointbuy::engine {

namespace {

// Skips a Swiss thousands separator at `pos`: the ASCII apostrophe or U+2019 (as Excel writes it).
std::size_t separator_length(std::string_view text, std::size_t pos) {
  if (text[pos] == '\'') return 1;
  if (text.substr(pos, 3) == "\xE2\x80\x99") return 3;
  return 0;
}

}  // namespace

std::optional<rappen> parse_chf(std::string_view text) {
  if (text.empty()) return std::nullopt;
  bool negative = false;
  std::size_t pos = 0;
  if (text[0] == '-') {
    negative = true;
    pos = 1;
  }
  rappen francs = 0;
  int integer_digits = 0;
  bool last_was_separator = false;
  while (pos < text.size() && text[pos] != '.') {
    if (const auto sep = separator_length(text, pos); sep > 0) {
      if (integer_digits == 0 || last_was_separator) return std::nullopt;
      last_was_separator = true;
      pos += sep;
      continue;
    }
    const char c = text[pos];
    if (c < '0' || c > '9') return std::nullopt;
    francs = francs * 10 + (c - '0');
    if (francs > max_amount / 100) return std::nullopt;
    ++integer_digits;
    last_was_separator = false;
    ++pos;
  }
  if (integer_digits == 0 || last_was_separator) return std::nullopt;
  rappen cents = 0;
  if (pos < text.size()) {
    ++pos;  // the '.'
    const auto decimals = text.size() - pos;
    if (decimals == 0 || decimals > 2) return std::nullopt;
    for (std::size_t i = 0; i < decimals; ++i) {
      const char c = text[pos + i];
      if (c < '0' || c > '9') return std::nullopt;
      cents = cents * 10 + (c - '0');
    }
    if (decimals == 1) cents *= 10;
  }
  const rappen amount = francs * 100 + cents;
  if (amount > max_amount) return std::nullopt;
  return negative ? -amount : amount;
}

std::optional<rappen> rappen_from_chf(double chf) {
  if (!std::isfinite(chf)) return std::nullopt;
  const double scaled = chf * 100.0;
  if (std::fabs(scaled) > static_cast<double>(max_amount)) return std::nullopt;
  const double rounded = std::round(scaled);
  // Within max_amount a double resolves far below a thousandth of a Rappen, so a
  // remainder above this tolerance means the number had a third decimal.
  if (std::fabs(scaled - rounded) > 1e-3) return std::nullopt;
  return static_cast<rappen>(rounded);
}

double chf_from_rappen(rappen amount) { return static_cast<double>(amount) / 100.0; }

std::string format_chf(rappen amount) {
  const bool negative = amount < 0;
  const auto magnitude = static_cast<unsigned long long>(negative ? -amount : amount);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%s%llu.%02llu", negative ? "-" : "", magnitude / 100, magnitude % 100);
  return buffer;
}

std::string format_chf_grouped(rappen amount) {
  const std::string plain = format_chf(amount);
  const std::size_t start = plain[0] == '-' ? 1 : 0;
  const std::size_t point = plain.find('.');
  std::string grouped(plain, 0, start);
  for (std::size_t i = start; i < point; ++i) {
    if (i > start && (point - i) % 3 == 0) grouped.push_back('\'');
    grouped.push_back(plain[i]);
  }
  grouped.append(plain, point);
  return grouped;
}

}  // namespace jointbuy::engine
