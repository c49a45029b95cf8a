#include <iostream>

#include "api/cli/commands.hpp"
#include "api/cli/configuration.hpp"
#include "api/store/tokens.hpp"

namespace jointbuy::cli {

namespace {

constexpr const char* usage = R"(usage: jointbuy token create --role municipality|coordinator|auditor [--org ID] [--name TEXT] [--db URL]
       jointbuy token revoke ID [--db URL]
       jointbuy token list [--db URL]

create  issues a token and prints it once; only its SHA-256 hash is stored. A municipality token
        needs --org, the BFS number of the organisation it acts for.
revoke  makes the token with that id (the part between "jb_" and ".") invalid at once.
list    shows every token's id, role, organisation, name and state, never a secret.
)";

int create(const arguments& args) {
  const auto role_text = args.get("role");
  if (!role_text) throw usage_error("token create needs --role\n\n" + std::string{usage});
  const auto role = store::parse_role(*role_text);
  if (!role) throw usage_error("--role must be municipality, coordinator or auditor, not '" + *role_text + "'");
  if (*role == store::role::municipality && !args.get("org")) throw usage_error("a municipality token needs --org ID");
  if (*role != store::role::municipality && args.get("org")) throw usage_error("--org is only for municipality tokens");
  auto db = open_migrated_database(args);
  const store::token_request request{*role, args.get("org"), args.get("name").value_or(std::string{*role_text}), std::nullopt};
  const auto token = store::create_token(*db, request, "cli:token-create");
  std::cerr << "token " << token.id << " created for " << request.name
            << "; it is shown once, only its hash is stored:\n";
  std::cout << token.bearer << "\n";
  return 0;
}

int revoke(const arguments& args) {
  if (args.positional.size() != 2) throw usage_error("token revoke needs the token id\n\n" + std::string{usage});
  auto db = open_migrated_database(args);
  if (!store::revoke_token(*db, args.positional[1], "cli:token-revoke")) {
    std::cerr << "no active token with id " << args.positional[1] << "\n";
    return 1;
  }
  std::cout << "token " << args.positional[1] << " revoked\n";
  return 0;
}

int list(const arguments& args) {
  auto db = open_migrated_database(args);
  for (const auto& t : store::list_tokens(*db)) {
    std::cout << t.who.actor << "\t" << store::to_string(t.who.role) << "\t" << t.who.organisation.value_or("-")
              << "\t" << t.who.name << "\t" << (t.revoked_at ? "revoked " + *t.revoked_at : "active since " + t.created_at)
              << "\n";
  }
  return 0;
}

}  // namespace

int run_token(const std::vector<std::string>& raw) {
  const auto args = parse_arguments(raw, with_database_options({{"role", "org", "name"}, {}}));
  if (args.has("help") || args.positional.empty()) {
    std::cout << usage;
    return args.has("help") ? 0 : 2;
  }
  const auto& action = args.positional[0];
  if (action == "create") return create(args);
  if (action == "revoke") return revoke(args);
  if (action == "list") return list(args);
  throw usage_error("unknown token action '" + action + "'\n\n" + std::string{usage});
}

}  // namespace jointbuy::cli
