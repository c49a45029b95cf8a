#include <boost/json.hpp>

#include "api/http/handlers/people_views.hpp"
#include "api/http/handlers/routes.hpp"
#include "api/http/json_body.hpp"
#include "api/http/responses.hpp"
#include "api/store/display_names.hpp"

namespace jointbuy::http {

namespace {

// An address people can receive mail at: one "@", something before it, a domain with a dot
// after it, no spaces or control characters. Whether it exists only a mail can tell.
bool plausible_email(std::string_view email) {
  const auto at = email.find('@');
  if (at == 0 || at == std::string_view::npos || email.find('@', at + 1) != std::string_view::npos) return false;
  const auto domain = email.substr(at + 1);
  const auto dot = domain.find('.');
  if (dot == 0 || dot == std::string_view::npos || domain.back() == '.') return false;
  return std::none_of(email.begin(), email.end(), [](char c) { return static_cast<unsigned char>(c) <= ' ' || c == 0x7f; });
}

store::person_request read_invitation_request(const request_context& ctx) {
  const auto body = parse_json_body(ctx.req);
  require_schema("person-invitation", body, preferred_language(ctx.req));
  const auto& o = body.as_object();
  store::person_request request;
  request.email = std::string{o.at("email").as_string()};
  request.name = std::string{o.at("name").as_string()};
  request.role = *store::parse_role(o.at("role").as_string());
  if (const auto* org = o.if_contains("organisation"); org != nullptr && org->is_string()) request.organisation = std::string{org->as_string()};
  std::vector<field_error> errors;
  if (!plausible_email(request.email)) errors.push_back({"email", "must be an e-mail address (name@example.ch)", 0, "muss eine E-Mail-Adresse sein (name@beispiel.ch)"});
  if (request.name.find_first_not_of(" \t") == std::string::npos) errors.push_back({"name", "must not be blank", 0, "darf nicht leer sein"});
  if (request.role == store::role::municipality && !request.organisation) {
    errors.push_back({"organisation", "is required for a person of a municipality", 0, "ist für eine Person einer Gemeinde nötig"});
  }
  if (request.role != store::role::municipality && request.organisation) {
    errors.push_back({"organisation", "is only for people of a municipality", 0, "gibt es nur für Personen einer Gemeinde"});
  }
  if (!errors.empty()) throw unprocessable(std::move(errors));
  return request;
}

boost::json::object with_link(boost::json::object person, const request& req, const sign_in_settings& settings,
                              const store::invitation& sent) {
  person["invitation_url"] = invitation_link(req, settings, sent.token);
  person["invitation_expires_at"] = sent.expires_at;
  return person;
}

std::optional<std::string> name_of_organisation(const store::display_names& names, const store::person& p) {
  if (!p.organisation) return std::nullopt;
  const auto found = names.organisations.find(*p.organisation);
  return found == names.organisations.end() ? std::nullopt : std::optional{found->second};
}

}  // namespace

void add_people_routes(router& routes, store::database& db, const sign_in_settings& settings) {
  routes.add(beast_http::verb::get, "/api/v1/people", access::authenticated, [&db](request_context& ctx) {
    require_role(ctx, {store::role::coordinator, store::role::auditor});
    const auto names = store::read_display_names(db);
    boost::json::array items;
    for (const auto& p : store::list_people(db)) items.push_back(person_json(p, name_of_organisation(names, p)));
    return list_response(ctx.req, std::move(items), std::nullopt);
  });
  routes.add(beast_http::verb::post, "/api/v1/people", access::authenticated, [&db, settings](request_context& ctx) {
    require_role(ctx, {store::role::coordinator});
    const auto sent = store::invite_person(db, read_invitation_request(ctx), ctx.who().actor);
    const auto names = store::read_display_names(db);
    auto res = json_response(ctx.req, status::created, with_link(person_json(sent.person, name_of_organisation(names, sent.person)), ctx.req, settings, sent));
    res.set(beast_http::field::location, "/api/v1/people/" + sent.person.id);
    return res;
  });
  routes.add(beast_http::verb::get, "/api/v1/people/{id}", access::authenticated, [&db](request_context& ctx) {
    require_role(ctx, {store::role::coordinator, store::role::auditor});
    const auto p = store::find_person(db, ctx.param("id"));
    if (!p) throw store::not_found({store::record::person, ctx.param("id")});
    return json_response(ctx.req, status::ok, person_json(*p, name_of_organisation(store::read_display_names(db), *p)));
  });
  routes.add(beast_http::verb::post, "/api/v1/people/{id}/deactivate", access::authenticated, [&db](request_context& ctx) {
    require_role(ctx, {store::role::coordinator});
    const auto& id = ctx.param("id");
    if (ctx.who().person_id == id) {
      throw unprocessable({{"id", "is you: another coordinator must deactivate your access", 0,
                            "sind Sie selbst: Ihren Zugang muss eine andere Person der Koordination deaktivieren"}});
    }
    store::deactivate_person(db, id, ctx.who().actor);
    const auto p = store::find_person(db, id);
    return json_response(ctx.req, status::ok, person_json(*p, name_of_organisation(store::read_display_names(db), *p)));
  });
  routes.add(beast_http::verb::post, "/api/v1/people/{id}/invitation", access::authenticated, [&db, settings](request_context& ctx) {
    require_role(ctx, {store::role::coordinator});
    const auto& id = ctx.param("id");
    const auto current = store::find_person(db, id);
    if (!current) throw store::not_found({store::record::person, id});
    if (current->deactivated_at) {
      throw problem(status::conflict, "person-deactivated", "The person is deactivated",
                    current->name + " is deactivated; a deactivated person gets no invitation.")
          .with_german(current->name + " ist deaktiviert; eine deaktivierte Person erhält keine Einladung.");
    }
    const auto sent = store::invite_again(db, id, ctx.who().actor);
    const auto names = store::read_display_names(db);
    return json_response(ctx.req, status::ok, with_link(person_json(sent.person, name_of_organisation(names, sent.person)), ctx.req, settings, sent));
  });
}

}  // namespace jointbuy::http
