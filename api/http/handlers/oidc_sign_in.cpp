#include <boost/json.hpp>

#include "api/http/access_log.hpp"
#include "api/http/cookies.hpp"
#include "api/http/handlers/people_views.hpp"
#include "api/http/handlers/routes.hpp"
#include "api/http/problem.hpp"
#include "api/store/oidc_sign_ins.hpp"
#include "api/store/people.hpp"
#include "api/store/token_secret.hpp"

namespace jointbuy::http {

namespace {

// How long a person may take on the provider's pages.
constexpr std::chrono::minutes sign_in_window{10};

std::string redirect_uri(const request& req, const sign_in_settings& settings) {
  std::string uri = public_address(req, settings);
  uri.append("/api/v1/session/oidc/callback");
  return uri;
}

// Only a route of the pages ("#/bundles/12"), never another site.
std::string safe_return(const std::optional<std::string>& wanted) {
  if (!wanted || wanted->size() > 200 || !wanted->starts_with("#/")) return "#/home";
  for (const char c : *wanted) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       std::string_view{"#/_-.?=&%"}.find(c) != std::string_view::npos;
    if (!plain) return "#/home";
  }
  return *wanted;
}

response see_other(const request& req, const std::string& location) {
  response res{status::see_other, req.version()};
  res.set(beast_http::field::location, location);
  res.set(beast_http::field::cache_control, "no-store");
  res.keep_alive(req.keep_alive());
  return res;
}

// Back to the sign-in page, which says in words what `reason` means.
response refused(const request& req, const char* reason, const std::string& detail) {
  log_info(std::string{"OpenID Connect sign-in refused ("} + reason + "): " + detail);
  std::string location = "/?sign_in_error=";
  location.append(reason);
  return see_other(req, location);
}

}  // namespace

void add_oidc_sign_in_routes(router& routes, store::database& db, const sign_in_settings& settings) {
  routes.add(beast_http::verb::get, "/api/v1/session/oidc", access::anyone, [&db, settings](request_context& ctx) {
    if (!settings.oidc) {
      throw problem(status::not_found, "not-found", "Not found", "This installation signs in with passwords only; it has no identity service.")
          .with_german("Diese Installation kennt nur die Anmeldung mit Passwort; sie ist an keinen Anmeldedienst angeschlossen.");
    }
    const auto state = store::random_base64url(32);
    const store::oidc_sign_in pending{store::random_base64url(32), store::random_base64url(32), safe_return(ctx.target.get("return_to"))};
    try {
      const auto url = settings.oidc->authorization_url(redirect_uri(ctx.req, settings), state, pending.nonce, pending.code_verifier);
      store::begin_oidc_sign_in(db, state, pending);
      return see_other(ctx.req, url);
    } catch (const oidc_refused& e) {
      return refused(ctx.req, to_string(e.why()), e.what());
    }
  });
  routes.add(beast_http::verb::get, "/api/v1/session/oidc/callback", access::anyone, [&db, settings](request_context& ctx) {
    if (!settings.oidc) throw problem(status::not_found, "not-found", "Not found", "There is no identity service.");
    // A provider may add parameters of its own (session_state, …): all are read, none refused.
    for (const auto& [name, value] : ctx.target.query) ctx.target.get(name);
    const auto pending = store::take_oidc_sign_in(db, ctx.target.get("state").value_or(""), sign_in_window);
    if (!pending) return refused(ctx.req, "state", "unknown, used or expired state");
    if (const auto error = ctx.target.get("error")) return refused(ctx.req, "provider-refused", "the provider answered " + *error);
    // RFC 9207: the answer names its issuer; another one's is a mix-up.
    if (const auto iss = ctx.target.get("iss"); iss && *iss != settings.oidc->issuer()) {
      return refused(ctx.req, "wrong-issuer", "the callback names another issuer");
    }
    const auto code = ctx.target.get("code");
    if (!code || code->empty()) return refused(ctx.req, "code-refused", "the callback has no code");
    oidc_identity identity;
    try {
      identity = settings.oidc->redeem(*code, pending->code_verifier, redirect_uri(ctx.req, settings), pending->nonce);
    } catch (const oidc_refused& e) {
      return refused(ctx.req, to_string(e.why()), e.what());
    }
    // Only a person the coordination office invited gets in; nobody gets an account by signing in.
    const auto candidate = store::person_by_email(db, identity.email);
    if (!candidate) return refused(ctx.req, "not-invited", "no active person has the provider's verified address");
    store::use_open_invitations(db, candidate->person.id);
    const auto session = store::start_session(db, candidate->person.id, "oidc", settings.lifetimes);
    auto res = see_other(ctx.req, "/" + pending->return_to);
    res.set(beast_http::field::set_cookie, session_cookie(session.id, settings.secure_cookies));
    return res;
  });
}

}  // namespace jointbuy::http
