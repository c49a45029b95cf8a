#include "catalog/input_problem.hpp"

namespace jointbuy::catalog {

namespace {

bool starts(const std::string& text, const char* prefix) { return text.starts_with(prefix); }

reason classify(const std::string& description) {
  if (description == "is required") return {"is required", "ist erforderlich"};
  if (description == "is not a known field") return {"is not a known field", "ist kein bekanntes Feld"};
  if (starts(description, "Value type not permitted")) return {"has the wrong type", "hat den falschen Typ"};
  if (starts(description, "String should be a valid date")) {
    return {"must be a calendar date YYYY-MM-DD", "muss ein Kalenderdatum JJJJ-MM-TT sein"};
  }
  if (starts(description, "String should be no more than")) return {"is too long", "ist zu lang"};
  if (starts(description, "String should be no fewer than")) return {"is too short", "ist zu kurz"};
  if (starts(description, "Expected number")) return {"is out of range", "liegt ausserhalb des zulässigen Bereichs"};
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
