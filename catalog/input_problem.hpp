#pragma once
// What is wrong with a field of an input, said in English and German.

#include <string>
#include <vector>

#include "catalog/json_schema.hpp"
#include "engine/procurement.hpp"

namespace jointbuy::catalog {

/// A reason in both languages of the programme.
struct reason {
  std::string en;
  std::string de;

  /// The reason in `lang`.
  const std::string& in(engine::language lang) const { return lang == engine::language::de ? de : en; }
};

/// The most problems one answer lists; the rest are counted, so that no answer grows with its
/// input (a file of a million bad cells gets a hundred reasons and the number of the others).
inline constexpr std::size_t max_listed_problems = 100;

/// A failing field (or CSV column) and why; `row` is the spreadsheet row for CSV input, else 0.
struct input_problem {
  std::string field;
  reason why;
  std::size_t row = 0;
};

/// Schema violations of `errors` as input problems, classified so that each can be said in German
/// too ("is required", "is not a known field", "has the wrong type"…).
std::vector<input_problem> localise(const std::vector<json_error>& errors);

}  // namespace jointbuy::catalog
