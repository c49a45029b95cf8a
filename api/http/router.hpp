#pragma once
// Routes: which handler answers which method and path, and who may call it.

#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/http/messages.hpp"
#include "api/http/query.hpp"
#include "api/http/rate_limiter.hpp"
#include "api/store/sessions.hpp"
#include "api/store/tokens.hpp"

namespace jointbuy::http {

/// Everything a handler gets: the request, its decoded target, the path parameters and, on
/// authenticated routes, the caller.
struct request_context {
  const request& req;
  http::target target;
  std::map<std::string, std::string> params;
  std::optional<store::principal> caller;
  /// Set when a session cookie authenticated the caller: the stored form of the session's id.
  std::optional<std::string> session_hash;
  /// With a session: the token the pages send in X-CSRF-Token, and when the session ends at the latest.
  std::optional<std::string> csrf_token;
  std::optional<std::string> session_expires_at;

  /// The path parameter `name` (as declared in the route pattern, "{id}").
  const std::string& param(const std::string& name) const { return params.at(name); }
  /// The caller of an authenticated route.
  const store::principal& who() const { return *caller; }
  /// Whether the caller acts for one municipality only (and so sees only its own records).
  bool is_municipality() const { return caller && caller->role == store::role::municipality; }
};

/// Throws a 403 problem unless the caller has one of `allowed` roles.
void require_role(const request_context& ctx, std::initializer_list<store::role> allowed);

/// A handler: turns a request into a response, or throws a problem (or a store error).
using handler = std::function<response(request_context&)>;

/// Finds the caller for a bearer token; nothing when the token is not valid.
using authenticator = std::function<std::optional<store::principal>(std::string_view bearer)>;

/// Finds the person of a live session (the jb_session cookie's value); nothing otherwise.
using session_authenticator = std::function<std::optional<store::session_caller>(std::string_view session_id)>;

/// What the server's own pages send as Origin: `public_origin` ("https://jointbuy.lu.ch") when it
/// is set, else the request's Host over http (https when `https`).
struct origin_policy {
  std::string public_origin;
  bool https = false;
};

/// Whether `req` comes from the server's own pages by its Origin header (false without one).
bool from_own_origin(const request& req, const origin_policy& policy);

/// Who may call a route.
enum class access { anyone, authenticated };

/// Maps method and path to handlers, authenticates, and turns every failure into problem+json.
class router {
 public:
  /// Callers prove who they are with a bearer token (`authenticate`) or, when `sessions` is set,
  /// with a session cookie; a state-changing request on a cookie must come from the server's own
  /// origin (by `origins`) or carry the session's X-CSRF-Token, and no state-changing request
  /// may come with another site's Origin.
  explicit router(authenticator authenticate, session_authenticator sessions = {}, origin_policy origins = {});

  /// Adds a route. `pattern` is a path whose segments in braces are parameters: "/api/v1/intents/{id}".
  void add(beast_http::verb method, std::string pattern, access who, handler fn);

  /// Sets what answers a GET or HEAD that no route matches, outside /api/: the web pages. It gets no
  /// caller and returns nothing when it has no such page either (then 404).
  void set_fallback(std::function<std::optional<response>(const request&, std::string_view path)> fn);

  /// Limits the requests of each authenticated caller (by token): beyond them, 429 with Retry-After.
  void limit_rate(rate_limits limits);

  /// Every route as (method, pattern), in the order added: what the OpenAPI document must describe.
  std::vector<std::pair<std::string, std::string>> describe() const;

  /// Answers `req`: routes it (404, or 405 with Allow), authenticates it (401 with a challenge),
  /// runs the handler and maps any exception to problem+json. Never throws.
  response handle(const request& req) const;

 private:
  struct route {
    beast_http::verb method;
    std::string pattern;
    std::vector<std::string> segments;
    access who;
    handler fn;
  };

  // The chosen route (405 or 404 when there is none), after authenticating the caller if it must.
  response run_route(request_context& context, const route* chosen, const std::string& allowed) const;

  // The caller by bearer token or session cookie; 401 when neither proves one.
  void authenticate(request_context& context) const;

  authenticator authenticate_;
  session_authenticator sessions_;
  origin_policy origins_;
  std::shared_ptr<rate_limiter> limiter_;
  std::vector<route> routes_;
  std::function<std::optional<response>(const request&, std::string_view path)> fallback_;
};

}  // namespace jointbuy::http
