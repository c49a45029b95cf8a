#include "api/store/password_policy.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_set>

#include "schemas/embedded.hpp"

namespace jointbuy::store {

namespace {

const std::unordered_set<std::string_view>& common_passwords() {
  static const auto list = [] {
    std::unordered_set<std::string_view> words;
    const std::string_view text = embedded::password_lists().at("passwords/common.txt");
    std::size_t start = 0;
    while (start < text.size()) {
      auto end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      const auto line = text.substr(start, end - start);
      if (!line.empty() && line.front() != '#') words.insert(line);
      start = end + 1;
    }
    return words;
  }();
  return list;
}

std::size_t characters(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string lowered(std::string_view text) {
  std::string low{text};
  for (auto& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return low;
}

bool is_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0 || (static_cast<unsigned char>(c) & 0x80) != 0; }

// "Sommer2024!" → "sommer": the common word people decorate with digits and symbols.
std::string_view core_word(std::string_view low) {
  while (!low.empty() && !is_letter(low.front())) low.remove_prefix(1);
  while (!low.empty() && !is_letter(low.back())) low.remove_suffix(1);
  return low;
}

// "abcabcabcabc", "aaaaaaaaaaaa", "121212121212": a unit of at most 4 bytes repeated.
bool repeats_a_short_unit(std::string_view low) {
  for (std::size_t unit = 1; unit <= 4 && unit < low.size(); ++unit) {
    bool repeated = true;
    for (std::size_t i = unit; i < low.size() && repeated; ++i) repeated = low[i] == low[i % unit];
    if (repeated) return true;
  }
  return false;
}

// "abcdefghijkl", "123456789012", "qwertzuiopü…": every step one forward (or back) on the
// alphabet, the digits or a keyboard row.
bool is_a_run(std::string_view low) {
  static constexpr std::string_view rows[] = {"abcdefghijklmnopqrstuvwxyzabc", "01234567890123", "qwertyuiopasdfghjklzxcvbnm",
                                              "qwertzuiopasdfghjklyxcvbnm"};
  for (const auto row : rows) {
    for (const bool forward : {true, false}) {
      std::string sequence{row};
      if (!forward) std::reverse(sequence.begin(), sequence.end());
      std::size_t i = 1;
      for (; i < low.size(); ++i) {
        const auto at = sequence.find(low[i - 1]);
        if (at == std::string::npos || at + 1 >= sequence.size() || sequence[at + 1] != low[i]) break;
      }
      if (i == low.size()) return true;
    }
  }
  return false;
}

}  // namespace

std::string_view to_string(password_weakness weakness) {
  switch (weakness) {
    case password_weakness::too_short: return "too-short";
    case password_weakness::too_long: return "too-long";
    case password_weakness::common: return "common";
    case password_weakness::repetitive: return "repetitive";
    case password_weakness::personal: return "personal";
  }
  return "common";
}

std::optional<password_weakness> weakness_of(std::string_view password, const std::vector<std::string>& personal) {
  const auto length = characters(password);
  if (length < min_password_length) return password_weakness::too_short;
  if (length > max_password_length) return password_weakness::too_long;
  const auto low = lowered(password);
  const auto& common = common_passwords();
  if (common.contains(low)) return password_weakness::common;
  if (const auto core = core_word(low); core.size() >= 4 && common.contains(core)) return password_weakness::common;
  if (repeats_a_short_unit(low) || is_a_run(low)) return password_weakness::repetitive;
  if (low.find("jointbuy") != std::string::npos) return password_weakness::personal;
  for (const auto& word : personal) {
    if (word.size() >= 3 && low.find(word) != std::string::npos) return password_weakness::personal;
  }
  return std::nullopt;
}

std::vector<std::string> personal_words(std::string_view name, std::string_view email) {
  std::vector<std::string> words;
  const auto add_parts = [&](std::string_view text) {
    std::string word;
    for (const char c : text) {
      if (is_letter(c)) {
        word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        continue;
      }
      if (word.size() >= 3) words.push_back(word);
      word.clear();
    }
    if (word.size() >= 3) words.push_back(word);
  };
  add_parts(name);
  // The local part and the domain's labels but the last: "anna.muster@kriens.lu.ch" gives
  // anna, muster, kriens.
  const auto at = email.find('@');
  add_parts(email.substr(0, at));
  if (at != std::string_view::npos) {
    const auto domain = email.substr(at + 1);
    add_parts(domain.substr(0, domain.rfind('.') == std::string_view::npos ? 0 : domain.rfind('.')));
  }
  return words;
}

}  // namespace jointbuy::store
