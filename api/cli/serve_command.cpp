#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>

#include "api/cli/catalog_loading.hpp"
#include "api/cli/commands.hpp"
#include "api/cli/configuration.hpp"
#include "api/http/access_log.hpp"
#include "api/http/handlers/routes.hpp"
#include "api/http/server.hpp"
#include "api/mail/background_jobs.hpp"
#include "api/mail/campaign_mail.hpp"

namespace jointbuy::cli {

namespace {

constexpr const char* usage = R"(usage: jointbuy serve [--db URL] [--catalog DIR] [--host ADDRESS] [--port N] [--io-threads N] [--workers N] [--db-pool N]
                      [--web DIR] [--max-connections N] [--rate-limit N] [--rate-burst N]
                      [--session-idle DURATION] [--session-lifetime DURATION] [--public-url URL] [--secure-cookies]
                      [--oidc-issuer URL --oidc-client-id ID]
                      [--canton XX] [--smtp URL] [--mail-from ADDRESS] [--smtp-retry DURATION]

Serves the API until SIGINT or SIGTERM, then stops accepting, lets requests in flight finish and
closes the database pool. Refuses a database whose schema is not this binary's (run migrate) and a
catalogue directory with errors; the thresholds and the cost model are read from it at start.

  --db URL          sqlite:PATH or postgresql://… (JOINTBUY_DB; default sqlite:var/jointbuy.db)
  --catalog DIR     reference data (JOINTBUY_CATALOG; default the source tree's catalog/data)
  --host ADDRESS    address to listen on (JOINTBUY_HOST; default 127.0.0.1)
  --port N          port (JOINTBUY_PORT; default 8080)
  --io-threads N    threads doing network I/O (default 2)
  --workers N       threads running handlers and database work (default 4)
  --db-pool N       database sessions (JOINTBUY_DB_POOL; default 8)
  --web DIR         the web pages, served under / (JOINTBUY_WEB; default the source tree's api/web)
  --max-connections N  open connections at most; more get 503 (default 1024, and never more than
                    the open-file limit allows beside the database's files)
  --rate-limit N    requests per second one token may make on average; more get 429 with
                    Retry-After (JOINTBUY_RATE_LIMIT; default 50; 0 turns the limit off)
  --rate-burst N    requests one token may make at once (JOINTBUY_RATE_BURST; default 100)
  --session-idle DURATION      a signed-in session ends after this long without a request
                    (JOINTBUY_SESSION_IDLE; default 30m; seconds, or with s, m or h)
  --session-lifetime DURATION  a session ends this long after sign-in, however busy
                    (JOINTBUY_SESSION_LIFETIME; default 12h)
  --public-url URL  the address people open the pages at, e.g. https://jointbuy.lu.ch: the start of
                    invitation links and the only Origin accepted for changes (JOINTBUY_PUBLIC_URL;
                    default the address each request names in its Host header)
  --secure-cookies  the session cookie gets Secure: set it when the pages are served over HTTPS
                    (implied by an https:// --public-url)
  --oidc-issuer URL the canton's identity service (OpenID Connect; JOINTBUY_OIDC_ISSUER): invited
                    people sign in there ("Mit dem Kantonslogin anmelden"); needs --public-url, and
                    the provider must know <public URL>/api/v1/session/oidc/callback
  --oidc-client-id ID  jointbuy's client id there (JOINTBUY_OIDC_CLIENT_ID); the client secret is
                    read from JOINTBUY_OIDC_CLIENT_SECRET only, never from the command line
  --canton XX       the canton whose organisations a campaign for "all" invites (JOINTBUY_CANTON;
                    default LU)
  --smtp URL        the mail server for the campaigns' announcements and reminders, e.g.
                    smtp://127.0.0.1:2525 or smtps://mail.lu.ch (JOINTBUY_SMTP); user and password, if
                    any, in the URL (smtp://user:password@host). Without it mail stays in the outbox
  --mail-from ADDRESS  the sender of that mail (JOINTBUY_MAIL_FROM; default jointbuy@localhost)
  --smtp-retry DURATION  the wait after a failed attempt, doubling up to an hour (default 30s)
)";

// "90", "90s", "30m", "12h" as seconds.
std::chrono::seconds duration_setting(const std::string& name, const std::string& text) {
  if (text.empty()) throw usage_error("--" + name + " needs a duration such as 30m");
  std::string number = text;
  long long unit = 1;
  switch (text.back()) {
    case 's': unit = 1; number.pop_back(); break;
    case 'm': unit = 60; number.pop_back(); break;
    case 'h': unit = 3600; number.pop_back(); break;
    default: break;
  }
  return std::chrono::seconds{positive_number(name, number) * unit};
}

// Raises the soft limit of open files to the hard limit (Debian's soft default of 1024 would run
// out before the connection limit) and returns the limit in force.
rlim_t raise_open_file_limit() {
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) return 1024;
  if (limit.rlim_cur < limit.rlim_max) {
    rlimit raised = limit;
    raised.rlim_cur = limit.rlim_max;
    if (::setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
  }
  return limit.rlim_cur;
}

}  // namespace

int run_serve(const std::vector<std::string>& raw) {
  const auto args = parse_arguments(raw, with_database_options({{"catalog", "host", "port", "io-threads", "workers", "web", "max-connections", "rate-limit", "rate-burst",
                                                                   "session-idle", "session-lifetime", "public-url", "oidc-issuer", "oidc-client-id",
                                                                   "canton", "smtp", "mail-from", "smtp-retry"},
                                                                  {"secure-cookies"}}));
  if (args.has("help")) {
    std::cout << usage;
    return 0;
  }
  if (!args.positional.empty()) throw usage_error(usage);
  http::server_config config;
  if (auto host = setting(args, "host", "JOINTBUY_HOST")) config.host = *host;
  if (auto port = setting(args, "port", "JOINTBUY_PORT")) {
    const int number = positive_number("port", *port);
    if (number > 65535) throw usage_error("--port must be at most 65535");
    config.port = static_cast<unsigned short>(number);
  }
  if (auto n = args.get("io-threads")) config.io_threads = positive_number("io-threads", *n);
  if (auto n = args.get("workers")) config.workers = positive_number("workers", *n);
  if (auto n = args.get("max-connections")) config.max_connections = static_cast<std::size_t>(positive_number("max-connections", *n));

  http::rate_limits limits;
  if (auto n = setting(args, "rate-limit", "JOINTBUY_RATE_LIMIT")) limits.per_second = *n == "0" ? 0 : positive_number("rate-limit", *n);
  if (auto n = setting(args, "rate-burst", "JOINTBUY_RATE_BURST")) limits.burst = positive_number("rate-burst", *n);

  http::sign_in_settings sign_in;
  if (auto d = setting(args, "session-idle", "JOINTBUY_SESSION_IDLE")) sign_in.lifetimes.idle = duration_setting("session-idle", *d);
  if (auto d = setting(args, "session-lifetime", "JOINTBUY_SESSION_LIFETIME")) sign_in.lifetimes.absolute = duration_setting("session-lifetime", *d);
  if (auto url = setting(args, "public-url", "JOINTBUY_PUBLIC_URL")) {
    while (!url->empty() && url->back() == '/') url->pop_back();
    if (!url->starts_with("http://") && !url->starts_with("https://")) throw usage_error("--public-url must start with http:// or https://");
    if (url->find('/', url->find("//") + 2) != std::string::npos) throw usage_error("--public-url is an origin: scheme, host and port, no path");
    sign_in.public_url = *url;
  }
  sign_in.secure_cookies = args.has("secure-cookies") || sign_in.public_url.starts_with("https://");
  if (auto issuer = setting(args, "oidc-issuer", "JOINTBUY_OIDC_ISSUER")) {
    const auto client_id = setting(args, "oidc-client-id", "JOINTBUY_OIDC_CLIENT_ID");
    const char* secret = std::getenv("JOINTBUY_OIDC_CLIENT_SECRET");
    if (!client_id || secret == nullptr || *secret == '\0') {
      throw usage_error("--oidc-issuer needs --oidc-client-id and the secret in JOINTBUY_OIDC_CLIENT_SECRET");
    }
    if (sign_in.public_url.empty()) throw usage_error("--oidc-issuer needs --public-url: the provider sends people back there");
    sign_in.oidc = std::make_shared<http::oidc_client>(http::oidc_settings{*issuer, *client_id, secret});
  }

  const auto reference = load_valid_reference_data(catalog_directory_setting(args));
  if (!reference) return 1;
  auto db = open_migrated_database(args);
  const auto pages = std::make_shared<const http::static_files>(setting(args, "web", "JOINTBUY_WEB").value_or(JOINTBUY_DEFAULT_WEB_DIR));
  http::campaign_settings campaigns;
  campaigns.canton = setting(args, "canton", "JOINTBUY_CANTON").value_or("LU");
  const std::string public_url = sign_in.public_url.empty() ? "http://" + config.host + ":" + std::to_string(config.port) : sign_in.public_url;
  campaigns.words = mail::campaign_mail_composer(public_url);
  mail::background_settings background;
  if (auto url = setting(args, "smtp", "JOINTBUY_SMTP")) {
    if (!url->starts_with("smtp://") && !url->starts_with("smtps://")) throw usage_error("--smtp must start with smtp:// or smtps://");
    background.smtp = mail::smtp_settings{*url, "jointbuy@localhost"};
  }
  if (auto from = setting(args, "mail-from", "JOINTBUY_MAIL_FROM")) {
    if (!mail::plain_address(*from)) throw usage_error("--mail-from must be a plain address such as jointbuy@lu.ch");
    background.from.address = *from;
  }
  if (background.smtp) background.smtp->from = background.from.address;
  if (auto d = args.get("smtp-retry")) background.first_retry = duration_setting("smtp-retry", *d);
  campaigns.mail_sending = background.smtp.has_value();
  const auto routes = http::make_api_router(*db, *reference, pages, limits, sign_in, campaigns);
  // Each connection is a file; so are the database's (a SQLite session holds the database, its
  // WAL and its shared memory) and the server's own few. Connections get what is left.
  const auto open_files = raise_open_file_limit();
  const auto reserved = static_cast<rlim_t>(32 + 3 * db->pool_size());
  const auto room = open_files > reserved ? static_cast<std::size_t>(open_files - reserved) : std::size_t{1};
  if (room < config.max_connections) {
    http::log_info("open-file limit " + std::to_string(open_files) + ": at most " + std::to_string(room) + " connections");
    config.max_connections = room;
  }
  http::server server{config, routes};
  http::log_info("jointbuy serving http://" + config.host + ":" + std::to_string(server.port()) + " with " +
                 std::string{store::to_string(db->kind())} + " (" + std::to_string(db->pool_size()) + " sessions) and " +
                 std::to_string(pages->size()) + " web files");
  // The campaigns' clock and the mail sender run while the server does, and stop before the pool closes.
  mail::background_jobs jobs{*db, background, campaigns.words,
                             [](std::string_view context, std::string_view message) { http::log_error(context, message); }};
  if (!background.smtp) http::log_info("no --smtp: the campaigns' mail stays in the outbox");
  server.run();
  http::log_info("jointbuy stopped");
  return 0;
}

}  // namespace jointbuy::cli
