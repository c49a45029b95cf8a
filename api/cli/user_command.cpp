#include <iostream>

#include "api/cli/commands.hpp"
#include "api/cli/configuration.hpp"
#include "api/store/errors.hpp"
#include "api/store/people.hpp"

namespace jointbuy::cli {

namespace {

constexpr const char* usage = R"(usage: jointbuy user invite --email E --name N --role municipality|coordinator|auditor [--org ID] [--public-url URL] [--db URL]
       jointbuy user list [--db URL]
       jointbuy user deactivate ID [--db URL]

invite      stores the person and prints their one-time invitation link, valid 7 days; opening
            it lets them choose a password or sign in with the canton's login. A person of a
            municipality needs --org, the BFS number of their organisation. The link starts
            with --public-url (JOINTBUY_PUBLIC_URL; default http://127.0.0.1:8080).
list        shows every person's id, role, organisation, e-mail address, name and state.
deactivate  ends the person's sessions and revokes their tokens at once.
)";

int invite(const arguments& args) {
  const auto email = args.get("email");
  const auto name = args.get("name");
  const auto role_text = args.get("role");
  if (!email || !name || !role_text) throw usage_error("user invite needs --email, --name and --role\n\n" + std::string{usage});
  const auto role = store::parse_role(*role_text);
  if (!role) throw usage_error("--role must be municipality, coordinator or auditor, not '" + *role_text + "'");
  if (*role == store::role::municipality && !args.get("org")) throw usage_error("a person of a municipality needs --org ID");
  if (*role != store::role::municipality && args.get("org")) throw usage_error("--org is only for people of a municipality");
  auto db = open_migrated_database(args);
  try {
    const auto sent = store::invite_person(*db, {*email, *name, *role, args.get("org")}, "cli:user-invite");
    auto base = setting(args, "public-url", "JOINTBUY_PUBLIC_URL").value_or("http://127.0.0.1:8080");
    while (!base.empty() && base.back() == '/') base.pop_back();
    std::cerr << "invited " << sent.person.name << " <" << sent.person.email << "> as " << sent.person.id
              << "; the link is shown once and valid until " << sent.expires_at << ":\n";
    std::cout << base << "/invitations/" << sent.token << "\n";
    return 0;
  } catch (const store::conflict&) {
    std::cerr << "a person with the address " << *email << " exists already\n";
    return 1;
  }
}

int list(const arguments& args) {
  auto db = open_migrated_database(args);
  for (const auto& p : store::list_people(*db)) {
    std::cout << p.id << "\t" << store::to_string(p.role) << "\t" << p.organisation.value_or("-") << "\t" << p.email << "\t" << p.name
              << "\t" << (p.deactivated_at ? "deactivated " + *p.deactivated_at : p.has_password ? "active" : "invited") << "\n";
  }
  return 0;
}

int deactivate(const arguments& args) {
  if (args.positional.size() != 2) throw usage_error("user deactivate needs the person's id\n\n" + std::string{usage});
  auto db = open_migrated_database(args);
  if (!store::deactivate_person(*db, args.positional[1], "cli:user-deactivate")) {
    std::cerr << "person " << args.positional[1] << " is deactivated already\n";
    return 1;
  }
  std::cout << "person " << args.positional[1] << " deactivated\n";
  return 0;
}

}  // namespace

int run_user(const std::vector<std::string>& raw) {
  const auto args = parse_arguments(raw, with_database_options({{"email", "name", "role", "org", "public-url"}, {}}));
  if (args.has("help") || args.positional.empty()) {
    std::cout << usage;
    return args.has("help") ? 0 : 2;
  }
  const auto& action = args.positional[0];
  if (action == "invite") return invite(args);
  if (action == "list") return list(args);
  if (action == "deactivate") return deactivate(args);
  throw usage_error("unknown user action '" + action + "'\n\n" + std::string{usage});
}

}  // namespace jointbuy::cli
