#include "api/cli/arguments.hpp"

#include <charconv>

namespace jointbuy::cli {

std::optional<std::string> arguments::get(const std::string& name) const {
  const auto found = options.find(name);
  if (found == options.end()) return std::nullopt;
  return found->second;
}

arguments parse_arguments(const std::vector<std::string>& args, argument_spec spec) {
  spec.switches.insert("help");
  arguments parsed;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (!arg.starts_with("--")) {
      parsed.positional.push_back(arg);
      continue;
    }
    std::string name = arg.substr(2);
    std::optional<std::string> value;
    if (const auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name.resize(eq);
    }
    if (spec.switches.count(name) > 0 && !value) {
      parsed.switches.insert(name);
    } else if (spec.options.count(name) > 0) {
      if (!value) {
        if (i + 1 >= args.size()) throw usage_error("option --" + name + " needs a value");
        value = args[++i];
      }
      parsed.options[name] = *value;
    } else {
      throw usage_error("unknown option --" + name);
    }
  }
  return parsed;
}

int positive_number(const std::string& name, const std::string& value) {
  int number = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (ec != std::errc{} || end != value.data() + value.size() || number <= 0) {
    throw usage_error("--" + name + " must be a positive whole number, not '" + value + "'");
  }
  return number;
}

}  // namespace jointbuy::cli
