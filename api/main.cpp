// The jointbuy command: the one place where the parts are wired together.

#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "api/cli/arguments.hpp"
#include "api/cli/commands.hpp"
#include "api/store/errors.hpp"

namespace {

constexpr const char* usage = R"(usage: jointbuy COMMAND [OPTIONS]

Coordinated IT procurement for a canton and its municipalities.

commands:
  serve                 serve the HTTP API
  migrate               create or upgrade the schema and load the reference data
  seed-demo             load demo data and print the demo tokens
  import-organisations  load buyers from a municipality list (CSV)
  import-intents        import purchase intents from a spreadsheet (CSV)
  validate-catalog      check the catalogue files (items, CPV list, thresholds, cost model)
  bundle                run the batching engine offline on a file of intents
  demo-intents          print the demo intents as a file for bundle
  export                write a run's quantity schedule (CSV) or OCDS releases into a directory
  token                 create, revoke or list API tokens
  user                  invite, list or deactivate the people who sign in

'jointbuy COMMAND --help' describes a command.
)";

}  // namespace

int main(int argc, char** argv) {
  using namespace jointbuy;
  if (argc < 2 || std::string{argv[1]} == "--help" || std::string{argv[1]} == "help") {
    std::cout << usage;
    return argc < 2 ? 2 : 0;
  }
  const std::string command = argv[1];
  const std::vector<std::string> args(argv + 2, argv + argc);
  try {
    if (command == "serve") return cli::run_serve(args);
    if (command == "migrate") return cli::run_migrate(args);
    if (command == "seed-demo") return cli::run_seed_demo(args);
    if (command == "import-organisations") return cli::run_import_organisations(args);
    if (command == "token") return cli::run_token(args);
    if (command == "user") return cli::run_user(args);
    if (command == "import-intents") return cli::run_import_intents(args);
    if (command == "validate-catalog") return cli::run_validate_catalog(args);
    if (command == "bundle") return cli::run_bundle(args);
    if (command == "demo-intents") return cli::run_demo_intents(args);
    if (command == "export") return cli::run_export(args);
    std::cerr << "jointbuy: unknown command '" << command << "'\n\n" << usage;
    return 2;
  } catch (const cli::usage_error& e) {
    std::cerr << "jointbuy " << command << ": " << e.what() << "\n";
    return 2;
  } catch (const store::error& e) {
    std::cerr << "jointbuy " << command << ": " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "jointbuy " << command << ": " << e.what() << "\n";
    return 1;
  }
}
