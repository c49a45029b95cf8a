#include "catalog/json_schema.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>

#include <boost/json.hpp>
#include <valijson/adapters/boost_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "schemas/embedded.hpp"

namespace jointbuy::catalog {

namespace {

// The longest string a "pattern" may be matched on. std::regex recurses once per character or so
// (30'000 characters overflowed a worker's stack), and valijson matches before it checks
// "maxLength"; so every pattern must have a "maxLength" of at most this, and is matched only when
// the string keeps to it (the "maxLength" error names the longer ones).
constexpr std::int64_t max_pattern_subject = 256;

// Readies a schema of ours for valijson:
// - "format" is left to the code that decodes the value (intent dates: engine::parse_iso_date,
//   with the same message). Draft 7 makes format checking optional, and valijson's costs dearly:
//   it compiles a std::regex for every date it checks, which was a third of the server's CPU time
//   under a load of intent submissions, and it aborted on an array where a string was expected.
// - {"pattern": P, "maxLength": N} becomes {"maxLength": N, "allOf": [{"if": {"maxLength": N},
//   "then": {"pattern": P}}]}: no text longer than N reaches the regular expression.
// A pattern without such a bound, or "patternProperties" (names are not bounded), is a mistake in
// the schema and refused when it is loaded.
void prepare(boost::json::value& schema, const std::string& where) {
  if (auto* array = schema.if_array()) {
    for (std::size_t i = 0; i < array->size(); ++i) prepare((*array)[i], where + "/" + std::to_string(i));
    return;
  }
  auto* object = schema.if_object();
  if (object == nullptr) return;
  if (object->contains("patternProperties")) throw std::logic_error("JSON Schema " + where + ": patternProperties cannot be bounded");
  for (auto& [keyword, member] : *object) {
    const std::string place = where + "/" + std::string{keyword};
    if (keyword == "properties" || keyword == "definitions" || keyword == "$defs") {
      // Named subschemas: a property called "pattern" is no keyword.
      if (auto* named = member.if_object()) {
        for (auto& [name, subschema] : *named) prepare(subschema, place + "/" + std::string{name});
      }
    } else if (keyword != "enum" && keyword != "const" && keyword != "default" && keyword != "examples" && keyword != "required") {
      prepare(member, place);
    }
  }
  if (const auto* format = object->if_contains("format"); format != nullptr && format->is_string()) object->erase("format");
  const auto* pattern = object->if_contains("pattern");
  if (pattern == nullptr) return;
  const auto* bound = object->if_contains("maxLength");
  if (bound == nullptr || !bound->is_int64() || bound->as_int64() > max_pattern_subject) {
    throw std::logic_error("JSON Schema " + where + ": a pattern needs a maxLength of at most " + std::to_string(max_pattern_subject));
  }
  boost::json::object guarded{{"if", {{"maxLength", *bound}}}, {"then", {{"pattern", *pattern}}}};
  object->erase("pattern");
  auto& all_of = (*object)["allOf"];
  if (!all_of.is_array()) all_of.emplace_array();
  all_of.as_array().push_back(std::move(guarded));
}

// Parsed schemas, built once each and shared: valijson schemas are immutable after parsing.
const valijson::Schema& schema_named(std::string_view name) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<valijson::Schema>, std::less<>> cache;
  const std::lock_guard lock{mutex};
  if (const auto found = cache.find(name); found != cache.end()) return *found->second;
  const auto& files = embedded::json_schemas();
  const auto file = files.find("json/" + std::string{name} + ".schema.json");
  if (file == files.end()) throw std::logic_error("no embedded JSON Schema named " + std::string{name});
  auto document = boost::json::parse(file->second);
  prepare(document, std::string{name});
  auto schema = std::make_unique<valijson::Schema>();
  valijson::SchemaParser parser{valijson::SchemaParser::kDraft7};
  parser.populateSchema(valijson::adapters::BoostJsonAdapter{document}, *schema);
  return *cache.emplace(std::string{name}, std::move(schema)).first->second;
}

// valijson names places as ["<root>", "[items]", "[3]", "[cpv]"]; a JSON Pointer reads "/items/3/cpv".
std::string to_pointer(const std::vector<std::string>& context) {
  std::string pointer;
  for (const auto& step : context) {
    if (step == "<root>") continue;
    std::string name = step;
    if (name.size() >= 2 && name.front() == '[' && name.back() == ']') name = name.substr(1, name.size() - 2);
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"') name = name.substr(1, name.size() - 2);
    pointer += "/" + name;
  }
  return pointer;
}

// valijson reports a missing or unknown property at the object that holds it; name the property
// itself, so that a client learns which field to fix.
json_error locate(std::string path, const std::string& description) {
  const auto quoted_name = [&](std::size_t from) {
    const auto start = description.find('\'', from);
    const auto end = start == std::string::npos ? start : description.find('\'', start + 1);
    return end == std::string::npos ? std::string{} : description.substr(start + 1, end - start - 1);
  };
  if (description.starts_with("Missing required property")) {
    if (auto name = quoted_name(0); !name.empty()) return {path + "/" + name, "is required"};
  }
  if (const auto at = description.find("additionalProperties' constraints:"); at != std::string::npos) {
    if (auto name = quoted_name(at + 34); !name.empty()) return {path + "/" + name, "is not a known field"};
  }
  return {std::move(path), description};
}

std::vector<json_error> validate_checked(const valijson::Schema& schema, const boost::json::value& document,
                                         const std::string& path_prefix) {
  // A validator per thread: it keeps the compiled regular expressions of "pattern" between calls.
  thread_local valijson::Validator validator;
  valijson::ValidationResults results;
  std::vector<json_error> errors;
  if (validator.validate(schema, valijson::adapters::BoostJsonAdapter{document}, &results)) return errors;
  valijson::ValidationResults::Error error;
  std::map<std::string, std::string> first_per_path;  // valijson reports the same place at several levels
  std::vector<std::string> order;
  while (results.popError(error)) {
    auto located = locate(path_prefix + to_pointer(error.context), error.description);
    if (first_per_path.emplace(located.path, located.reason).second) order.push_back(located.path);
  }
  // Keep the most specific places: drop a path when a deeper one below it is reported too. In
  // sorted order the paths below "/a" follow "/a/" at once (one look-up each, not a scan: a body
  // can hold tens of thousands of failing members).
  for (const auto& path : order) {
    const auto below = first_per_path.lower_bound(path + "/");
    const bool has_deeper = below != first_per_path.end() && below->first.starts_with(path + "/");
    if (!has_deeper) errors.push_back({path, first_per_path[path]});
  }
  return errors;
}

// valijson throws (it aborted, before VALIJSON_USE_EXCEPTIONS) on some values it cannot check, such
// as an array where a "format" expects a string (found by fuzzing: {"latest": [[]]}). Then each
// member of the object is checked alone to name the ones that do this, and the others normally.
std::vector<json_error> validate_with(const valijson::Schema& schema, const boost::json::value& document,
                                      const std::string& path_prefix) {
  try {
    return validate_checked(schema, document, path_prefix);
  } catch (const std::exception&) {
  }
  if (!document.is_object()) return {{path_prefix.empty() ? "/" : path_prefix, "has a value of a type that is not allowed here"}};
  std::vector<json_error> errors;
  boost::json::object checkable;
  for (const auto& [name, value] : document.as_object()) {
    try {
      (void)validate_checked(schema, boost::json::object{{name, value}}, path_prefix);
      checkable[name] = value;
    } catch (const std::exception&) {
      errors.push_back({path_prefix + "/" + std::string{name}, "has a value of a type that is not allowed here"});
    }
  }
  try {
    for (auto& e : validate_checked(schema, checkable, path_prefix)) {
      const bool named = std::any_of(errors.begin(), errors.end(), [&](const json_error& known) { return known.path == e.path; });
      if (!named) errors.push_back(std::move(e));
    }
  } catch (const std::exception&) {
  }
  return errors;
}

}  // namespace

std::vector<json_error> validate_against(const boost::json::value& schema, const boost::json::value& document) {
  const auto* declared = schema.is_object() ? schema.as_object().if_contains("$schema") : nullptr;
  const bool draft4 = declared != nullptr && declared->is_string() && declared->as_string().find("draft-04") != boost::json::string::npos;
  valijson::Schema parsed;
  valijson::SchemaParser parser{draft4 ? valijson::SchemaParser::kDraft4 : valijson::SchemaParser::kDraft7};
  parser.populateSchema(valijson::adapters::BoostJsonAdapter{schema}, parsed);
  return validate_with(parsed, document, "");
}

std::vector<json_error> validate_against_schema(std::string_view schema_name, const boost::json::value& document,
                                                const std::string& path_prefix) {
  return validate_with(schema_named(schema_name), document, path_prefix);
}

parsed_json parse_json_text(std::string_view text, std::size_t max_depth) {
  boost::json::parse_options options;
  options.max_depth = max_depth;
  boost::json::parser parser{{}, options};
  boost::system::error_code ec;
  const auto consumed = parser.write(text.data(), text.size(), ec);
  if (!ec) return {parser.release(), std::nullopt};
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < consumed && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  parsed_json failed;
  std::string reason = "not valid JSON at line ";
  reason.append(std::to_string(line)).append(", column ").append(std::to_string(column)).append(": ").append(ec.message());
  failed.error = json_error{"", std::move(reason)};
  failed.line = line;
  failed.column = column;
  return failed;
}

}  // namespace jointbuy::catalog
