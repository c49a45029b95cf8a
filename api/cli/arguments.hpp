#pragma once
// Command-line arguments of the jointbuy subcommands.

#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace jointbuy::cli {

/// A command line that does not fit the subcommand; main prints it with the usage and exits 2.
class usage_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// What a subcommand accepts: options that take a value ("--db URL") and switches ("--help").
struct argument_spec {
  std::set<std::string> options;
  std::set<std::string> switches;
};

/// Parsed arguments.
struct arguments {
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;
  std::set<std::string> switches;

  /// The value of `--name`, if given.
  std::optional<std::string> get(const std::string& name) const;
  /// Whether the switch `--name` is given.
  bool has(const std::string& name) const { return switches.count(name) > 0; }
};

/// Parses `args` ("--name value", "--name=value", switches, positionals). Every subcommand accepts
/// --help. Throws usage_error for unknown options and options without a value.
arguments parse_arguments(const std::vector<std::string>& args, argument_spec spec);

/// Parses a whole positive number option, or throws usage_error naming it.
int positive_number(const std::string& name, const std::string& value);

}  // namespace jointbuy::cli
