#include "catalog/input_problem.hpp"

namespace jointbuy::catalog {

namespace {

bool starts(const std::string& text, const char* prefix) { return text.starts_with(prefix); }

// The whole number right after `prefix` in `text` ("256" in "… no more than 256 characters"), or "".
std::string number_after(const std::string& text, const char* prefix) {
  const auto start = std::string_view{prefix}.size();
  auto end = start;
  while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
  return text.substr(start, end - start);
}

reason classify(const std::string& description) {
  if (description == "is required") return {"is required", "ist erforderlich"};
  if (description == "is not a known field") return {"is not a known field", "ist kein bekanntes Feld"};
  if (starts(description, "Value type not permitted")) return {"has the wrong type", "hat den falschen Typ"};
  if (starts(description, "String should be a valid date")) {
    return {"must be a calendar date YYYY-MM-DD", "muss ein Kalenderdatum JJJJ-MM-TT sein"};
  }
  if (const char* p = "String should be no more than "; starts(description, p)) {
    const auto n = number_after(description, p);
    if (!n.empty()) return {"must have at most " + n + " characters", "darf höchstens " + n + " Zeichen haben"};
    return {"is too long", "ist zu lang"};
  }
  if (starts(description, "String should be no fewer than 1 ")) return {"must not be empty", "darf nicht leer sein"};
  if (const char* p = "String should be no fewer than "; starts(description, p)) {
    const auto n = number_after(description, p);
    if (!n.empty()) return {"must have at least " + n + " characters", "muss mindestens " + n + " Zeichen haben"};
    return {"is too short", "ist zu kurz"};
  }
  // "Expected number greater than or equal to 1.000000": the bound, as a person writes it (1, 10'000'000, 0.5).
  const auto bound = [&](const char* prefix) {
    std::string text = description.substr(std::string_view{prefix}.size());
    text = text.substr(0, text.find_first_not_of("0123456789.-"));
    if (const auto dot = text.find('.'); dot != std::string::npos) {
      text.erase(text.find_last_not_of('0') + 1);
      if (text.back() == '.') text.pop_back();
    }
    std::string grouped;
    const auto digits = std::min(text.find('.'), text.size());
    for (std::size_t k = 0; k < text.size(); ++k) {
      if (k > 0 && k < digits && text[k - 1] != '-' && (digits - k) % 3 == 0) grouped += '\'';
      grouped += text[k];
    }
    return grouped;
  };
  if (const char* p = "Expected number greater than or equal to "; starts(description, p)) {
    return {"must be at least " + bound(p), "muss mindestens " + bound(p) + " sein"};
  }
  if (const char* p = "Expected number less than or equal to "; starts(description, p)) {
    return {"must be at most " + bound(p), "darf höchstens " + bound(p) + " sein"};
  }
  if (const char* p = "Expected number greater than "; starts(description, p)) {
    return {"must be more than " + bound(p), "muss grösser als " + bound(p) + " sein"};
  }
  if (const char* p = "Expected number less than "; starts(description, p)) {
    return {"must be less than " + bound(p), "muss kleiner als " + bound(p) + " sein"};
  }
  if (starts(description, "Failed to match against any enum")) return {"is not an allowed value", "ist kein zulässiger Wert"};
  if (starts(description, "Failed to match regex")) return {"has an invalid format", "hat ein ungültiges Format"};
  return {description, description};
}

}  // namespace

std::vector<input_problem> localise(const std::vector<json_error>& errors) {
  std::vector<input_problem> problems;
  for (const auto& e : errors) problems.push_back({e.path.empty() ? "body" : e.path.substr(1), classify(e.reason), 0});
  return problems;
}

}  // namespace jointbuy::catalog
