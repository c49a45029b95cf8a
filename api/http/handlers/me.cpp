#include <boost/json.hpp>

#include "api/http/handlers/people_views.hpp"
#include "api/http/handlers/routes.hpp"
#include "api/http/json_body.hpp"
#include "api/http/responses.hpp"
#include "api/store/passwords.hpp"

namespace jointbuy::http {

namespace {

// The person behind the caller; 403 for a machine token, which has none.
store::person require_person(const request_context& ctx, store::database& db) {
  const auto& id = ctx.who().person_id;
  const auto p = id ? store::find_person(db, *id) : std::nullopt;
  if (!p) {
    throw forbidden("Only a person signed in as themselves has a page of their own; this token belongs to no person.",
                    "Nur eine Person, die sich selbst angemeldet hat, hat eine eigene Seite; dieses Token gehört keiner Person.");
  }
  return *p;
}

// Creating and revoking tokens asks for the person in a session, not for a token acting alone.
void require_session(const request_context& ctx) {
  if (!ctx.session_hash) {
    throw forbidden("Personal tokens are managed in a signed-in session, not with a token.",
                    "Persönliche Tokens werden in einer angemeldeten Sitzung verwaltet, nicht mit einem Token.");
  }
}

boost::json::object token_json(const store::token_info& t) {
  boost::json::object json{{"id", t.who.actor}, {"name", t.who.name}, {"created_at", t.created_at}};
  json["revoked_at"] = text_or_null(t.revoked_at);
  return json;
}

}  // namespace

void add_me_routes(router& routes, store::database& db) {
  routes.add(beast_http::verb::get, "/api/v1/me", access::authenticated, [&db](request_context& ctx) {
    return json_response(ctx.req, status::ok, caller_json(db, ctx.who(), ctx.csrf_token, ctx.session_expires_at));
  });
  routes.add(beast_http::verb::put, "/api/v1/me/password", access::authenticated, [&db](request_context& ctx) {
    const auto p = require_person(ctx, db);
    require_session(ctx);
    const auto body = parse_json_body(ctx.req);
    require_schema("password-change", body, preferred_language(ctx.req));
    const auto& o = body.as_object();
    const auto candidate = store::person_by_email(db, p.email);
    if (!candidate || !candidate->password_hash || !store::verify_password(*candidate->password_hash, o.at("current_password").as_string())) {
      throw unprocessable({{"current_password", "is not your current password", 0, "ist nicht Ihr jetziges Passwort"}});
    }
    const std::string next{o.at("new_password").as_string()};
    if (const auto weakness = store::weakness_of(next, store::personal_words(p.name, p.email))) throw weak_password(*weakness, "new_password");
    store::change_password(db, p.id, store::hash_password(next), ctx.session_hash);
    response res{status::no_content, ctx.req.version()};
    res.keep_alive(ctx.req.keep_alive());
    return res;
  });
  routes.add(beast_http::verb::get, "/api/v1/me/tokens", access::authenticated, [&db](request_context& ctx) {
    const auto p = require_person(ctx, db);
    boost::json::array items;
    for (const auto& t : store::list_personal_tokens(db, p.id)) items.push_back(token_json(t));
    return list_response(ctx.req, std::move(items), std::nullopt);
  });
  routes.add(beast_http::verb::post, "/api/v1/me/tokens", access::authenticated, [&db](request_context& ctx) {
    const auto p = require_person(ctx, db);
    require_session(ctx);
    const auto body = parse_json_body(ctx.req);
    require_schema("personal-token", body, preferred_language(ctx.req));
    store::token_request request{p.role, p.organisation, std::string{body.as_object().at("name").as_string()}, p.id};
    const auto issued = store::create_token(db, request, ctx.who().actor);
    boost::json::object json{{"id", issued.id}, {"name", request.name}, {"bearer", issued.bearer}};
    auto res = json_response(ctx.req, status::created, json);
    res.set(beast_http::field::location, "/api/v1/me/tokens/" + issued.id);
    return res;
  });
  routes.add(beast_http::verb::delete_, "/api/v1/me/tokens/{id}", access::authenticated, [&db](request_context& ctx) {
    const auto p = require_person(ctx, db);
    if (!store::revoke_personal_token(db, p.id, ctx.param("id"), ctx.who().actor)) throw store::not_found({store::record::token, ctx.param("id")});
    response res{status::no_content, ctx.req.version()};
    res.keep_alive(ctx.req.keep_alive());
    return res;
  });
}

}  // namespace jointbuy::http
