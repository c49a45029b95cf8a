#include "api/http/router.hpp"

#include <algorithm>
#include <cctype>

#include "api/http/cookies.hpp"
#include "api/http/problem.hpp"
#include "api/store/token_secret.hpp"
#include "api/http/responses.hpp"

namespace jointbuy::http {

namespace {

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> segments;
  std::size_t start = 1;
  while (start <= path.size()) {
    const auto slash = path.find('/', start);
    const auto end = slash == std::string_view::npos ? path.size() : slash;
    segments.emplace_back(path.substr(start, end - start));
    start = end + 1;
  }
  return segments;
}

bool is_parameter(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

std::optional<std::map<std::string, std::string>> match(const std::vector<std::string>& pattern,
                                                        const std::vector<std::string>& path) {
  if (pattern.size() != path.size()) return std::nullopt;
  std::map<std::string, std::string> params;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (is_parameter(pattern[i])) {
      if (path[i].empty()) return std::nullopt;
      params[pattern[i].substr(1, pattern[i].size() - 2)] = path[i];
    } else if (pattern[i] != path[i]) {
      return std::nullopt;
    }
  }
  return params;
}

std::string_view bearer_token(const request& req) {
  const auto found = req.find(beast_http::field::authorization);
  const std::string_view value = found->value();
  constexpr std::string_view scheme = "Bearer ";
  if (value.size() <= scheme.size() || !std::equal(scheme.begin(), scheme.end(), value.begin(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
      })) {
    throw unauthorized("The Authorization header must use the Bearer scheme.");
  }
  return value.substr(scheme.size());
}

bool changes_state(const request& req) {
  const auto method = req.method();
  return method != beast_http::verb::get && method != beast_http::verb::head && method != beast_http::verb::options;
}

problem invalid_credentials() {
  return problem(status::unauthorized, "unauthorized", "Sign-in required", "The token is unknown, malformed or revoked.")
      .with_german("Die Anmeldung ist unbekannt, fehlerhaft oder widerrufen.")
      .with_header("WWW-Authenticate", "Bearer realm=\"jointbuy\", error=\"invalid_token\"");
}

problem cross_site(std::string detail, std::string detail_de) {
  return problem(status::forbidden, "cross-site-request", "Request from another site refused", std::move(detail)).with_german(std::move(detail_de));
}

}  // namespace

bool from_own_origin(const request& req, const origin_policy& policy) {
  const auto origin = req.find(beast_http::field::origin);
  if (origin == req.end()) return false;
  if (!policy.public_origin.empty()) return origin->value() == policy.public_origin;
  const auto host = req.find(beast_http::field::host);
  if (host == req.end() || host->value().empty()) return false;
  std::string own = policy.https ? "https://" : "http://";
  own.append(host->value());
  return origin->value() == own;
}

void require_role(const request_context& ctx, std::initializer_list<store::role> allowed) {
  for (const auto r : allowed) {
    if (ctx.who().role == r) return;
  }
  static constexpr const char* roles_de[] = {"Gemeinde", "Koordination", "Revision"};
  std::string de = "Mit der Rolle ";
  de.append(roles_de[static_cast<int>(ctx.who().role)]).append(" ist das nicht erlaubt.");
  std::string en = "The role ";
  en.append(store::to_string(ctx.who().role)).append(" may not do this.");
  throw forbidden(std::move(en), std::move(de));
}

router::router(authenticator authenticate, session_authenticator sessions, origin_policy origins)
    : authenticate_(std::move(authenticate)), sessions_(std::move(sessions)), origins_(std::move(origins)) {}

void router::authenticate(request_context& context) const {
  const auto& req = context.req;
  if (req.find(beast_http::field::authorization) != req.end()) {
    context.caller = authenticate_(bearer_token(req));
    if (!context.caller) throw invalid_credentials();
    return;
  }
  const auto cookie = sessions_ ? cookie_value(req, session_cookie_name) : std::nullopt;
  if (!cookie) {
    throw unauthorized("Sign in, or send the header 'Authorization: Bearer <token>'.")
        .with_german("Bitte anmelden oder den Header «Authorization: Bearer <Token>» senden.");
  }
  auto session = sessions_(*cookie);
  if (!session) {
    throw problem(status::unauthorized, "unauthorized", "Sign-in required", "The session has ended or expired; sign in again.")
        .with_german("Die Sitzung ist beendet oder abgelaufen; bitte neu anmelden.")
        .with_header("Set-Cookie", cleared_session_cookie(origins_.https));
  }
  // A cookie goes with every request the browser sends here, whichever site caused it: a change
  // must come from the server's own pages, or carry the token only they can read.
  if (changes_state(req) && !from_own_origin(req, origins_)) {
    const auto csrf = req.find("X-CSRF-Token");
    if (csrf == req.end() || !store::constant_time_equal(csrf->value(), session->csrf_token)) {
      throw cross_site("A change signed in by cookie must come from jointbuy's own pages (Origin) or carry X-CSRF-Token.",
                       "Eine Änderung mit Sitzungs-Cookie muss von den Seiten von jointbuy selbst kommen (Origin) oder X-CSRF-Token mitsenden.");
    }
  }
  context.caller = std::move(session->who);
  context.session_hash = std::move(session->id_hash);
  context.csrf_token = std::move(session->csrf_token);
  context.session_expires_at = std::move(session->expires_at);
}

void router::add(beast_http::verb method, std::string pattern, access who, handler fn) {
  auto segments = split_path(pattern);
  routes_.push_back({method, std::move(pattern), std::move(segments), who, std::move(fn)});
}

void router::limit_rate(rate_limits limits) { limiter_ = std::make_shared<rate_limiter>(limits); }

void router::set_fallback(std::function<std::optional<response>(const request&, std::string_view path)> fn) {
  fallback_ = std::move(fn);
}

std::vector<std::pair<std::string, std::string>> router::describe() const {
  std::vector<std::pair<std::string, std::string>> all;
  for (const auto& r : routes_) all.emplace_back(std::string{beast_http::to_string(r.method)}, r.pattern);
  return all;
}

response router::handle(const request& req) const {
  try {
    request_context context{req, parse_target(req.target()), {}, std::nullopt, std::nullopt, std::nullopt, std::nullopt};
    const auto segments = split_path(context.target.path);
    const route* chosen = nullptr;
    std::string allowed;
    for (const auto& r : routes_) {
      auto params = match(r.segments, segments);
      if (!params) continue;
      const bool head_of_get = req.method() == beast_http::verb::head && r.method == beast_http::verb::get;
      if (r.method == req.method() || head_of_get) {
        chosen = &r;
        context.params = std::move(*params);
        break;
      }
      allowed += (allowed.empty() ? "" : ", ") + std::string{beast_http::to_string(r.method)};
    }
    const bool reads = req.method() == beast_http::verb::get || req.method() == beast_http::verb::head;
    std::optional<response> res;
    if (chosen == nullptr && allowed.empty() && reads && fallback_ && !context.target.path.starts_with("/api/")) {
      res = fallback_(req, context.target.path);
    }
    if (!res) res = run_route(context, chosen, allowed);
    // The API's words (reasons, messages, headers of a German schedule) are in the language asked for.
    if (context.target.path.starts_with("/api/") && res->find(beast_http::field::content_language) == res->end()) {
      res->set(beast_http::field::content_language, preferred_language(req) == engine::language::de ? "de" : "en");
    }
    if (req.method() == beast_http::verb::head) res->body().clear();
    return std::move(*res);
  } catch (...) {
    return problem_response(std::current_exception(), req.version(), req.keep_alive(), preferred_language(req));
  }
}

response router::run_route(request_context& context, const route* chosen, const std::string& allowed) const {
  if (chosen == nullptr && !allowed.empty()) {
    throw problem(status::method_not_allowed, "method-not-allowed", "Method not allowed", "This resource allows " + allowed + ".")
        .with_german("Hier ist nur " + allowed + " möglich.")
        .with_header("Allow", allowed);
  }
  if (chosen == nullptr) {
    throw not_found("There is no resource at " + context.target.path + ".").with_german("Unter " + context.target.path + " gibt es nichts.");
  }
  // Whoever calls: a change announced as coming from another site is refused.
  if (changes_state(context.req) && context.req.find(beast_http::field::origin) != context.req.end() &&
      !from_own_origin(context.req, origins_)) {
    throw cross_site("Changes are accepted only from jointbuy's own pages; this request names another site as its origin.",
                     "Änderungen werden nur von den Seiten von jointbuy selbst angenommen; diese Anfrage kommt von einer anderen Website.");
  }
  if (chosen->who == access::authenticated) {
    authenticate(context);
    if (limiter_) {
      if (const auto wait = limiter_->admit(context.caller->actor)) {
        throw problem(status::too_many_requests, "rate-limited", "Too many requests",
                      "This token has sent more requests than the server takes from one caller; try again in " +
                          std::to_string(wait->count()) + " s.")
            .with_german("Von dieser Anmeldung kamen zu viele Anfragen; bitte in " + std::to_string(wait->count()) +
                         " s nochmals versuchen.")
            .with_header("Retry-After", std::to_string(wait->count()));
      }
    }
  }
  auto res = chosen->fn(context);
  // A read with a parameter its route does not know is refused rather than answered as if the
  // parameter were not there (before: /api/v1/bundles?status=approved listed every status).
  if (const auto unknown = context.target.unread(); !unknown.empty() && (context.req.method() == beast_http::verb::get ||
                                                                       context.req.method() == beast_http::verb::head)) {
    std::vector<field_error> errors;
    for (const auto& name : unknown) errors.push_back(query_error(name, "is not a parameter of this resource", "ist keine Angabe, die diese Adresse kennt"));
    throw invalid_query(std::move(errors));
  }
  return res;
}

}  // namespace jointbuy::http
