#include <boost/json.hpp>

#include "api/http/cookies.hpp"
#include "api/http/handlers/people_views.hpp"
#include "api/http/handlers/routes.hpp"
#include "api/http/json_body.hpp"
#include "api/http/responses.hpp"
#include "api/store/passwords.hpp"
#include "engine/date.hpp"

namespace jointbuy::http {

namespace {

// "03.12.2026" of a stored timestamp, for sentences.
std::string swiss_day(const std::optional<std::string>& stored) {
  if (!stored || stored->size() < 10) return "?";
  const auto day = engine::parse_iso_date(stored->substr(0, 10));
  return day ? engine::format_swiss_date(*day) : "?";
}

// The answer for a link that cannot be used, saying what the person can do instead.
[[noreturn]] void refuse_invitation(const store::invitation_lookup& found) {
  using state = store::invitation_state;
  switch (found.state) {
    case state::used:
      throw problem(status::gone, "invitation-used", "The invitation was used already",
                    "This invitation link has been used. Sign in with your e-mail address, or ask the coordination office for a new invitation.")
          .with_german("Dieser Einladungslink wurde schon verwendet. Melden Sie sich mit Ihrer E-Mail-Adresse an oder bitten Sie die "
                       "Koordinationsstelle um eine neue Einladung.");
    case state::expired:
      throw problem(status::gone, "invitation-expired", "The invitation has expired",
                    "This invitation link expired on " + swiss_day(found.expires_at) +
                        " (links are valid for 7 days). Ask the coordination office to send you a new one.")
          .with_german("Dieser Einladungslink ist am " + swiss_day(found.expires_at) +
                       " abgelaufen (Links gelten 7 Tage). Bitten Sie die Koordinationsstelle, Ihnen einen neuen zu senden.");
    case state::deactivated:
      throw problem(status::forbidden, "person-deactivated", "The person is deactivated",
                    "This access has been deactivated. Ask the coordination office if you need it again.")
          .with_german("Dieser Zugang wurde deaktiviert. Wenden Sie sich an die Koordinationsstelle, wenn Sie ihn wieder brauchen.");
    case state::unknown:
    case state::open: break;
  }
  throw problem(status::not_found, "invitation-unknown", "Unknown invitation",
                "There is no invitation with this link. Check that the whole link was copied, or ask the coordination office for a new one.")
      .with_german("Zu diesem Link gibt es keine Einladung. Prüfen Sie, ob der ganze Link kopiert wurde, oder bitten Sie die "
                   "Koordinationsstelle um einen neuen.");
}

problem sign_in_failed() {
  // The same words for an unknown address, a wrong password and a deactivated person.
  return problem(status::unauthorized, "sign-in-failed", "E-mail address or password is wrong",
                 "The e-mail address or the password is wrong.")
      .with_german("E-Mail-Adresse oder Passwort ist falsch.");
}

problem sign_in_locked(std::chrono::seconds wait) {
  const auto minutes = std::to_string((wait.count() + 59) / 60);
  return problem(status::too_many_requests, "sign-in-locked", "Too many failed sign-ins",
                 "Too many failed sign-ins with this e-mail address; try again in " + minutes + " min.")
      .with_german("Zu viele fehlgeschlagene Anmeldungen mit dieser E-Mail-Adresse; bitte in " + minutes + " Min. nochmals versuchen.")
      .with_header("Retry-After", std::to_string(wait.count()));
}

std::string text_member(const boost::json::value& body, const char* name) {
  return std::string{body.as_object().at(name).as_string()};
}

}  // namespace

void add_sign_in_routes(router& routes, store::database& db, const sign_in_settings& settings) {
  routes.add(beast_http::verb::post, "/api/v1/session", access::anyone, [&db, settings](request_context& ctx) {
    const auto body = parse_json_body(ctx.req);
    require_schema("sign-in", body, preferred_language(ctx.req));
    const auto email = text_member(body, "email");
    const auto password = text_member(body, "password");
    if (const auto wait = store::sign_in_locked(db, email, settings.lockout)) throw sign_in_locked(*wait);
    const auto candidate = store::person_by_email(db, email);
    const bool valid = candidate && candidate->password_hash ? store::verify_password(*candidate->password_hash, password)
                                                             : store::verify_password_of_nobody(password);
    if (!valid) {
      store::record_sign_in_failure(db, email, settings.lockout);
      throw sign_in_failed();
    }
    store::clear_sign_in_failures(db, email);
    const auto session = store::start_session(db, candidate->person.id, "password", settings.lifetimes);
    return signed_in(ctx.req, settings, session, candidate->person, organisation_name(db, candidate->person.organisation));
  });
  // Whether this browser has a live session, answered without a 401 (which browsers log as an error).
  routes.add(beast_http::verb::get, "/api/v1/session", access::anyone, [&db, settings](request_context& ctx) {
    const auto cookie = cookie_value(ctx.req, session_cookie_name);
    const auto session = cookie ? store::verify_session(db, *cookie, settings.lifetimes) : std::nullopt;
    boost::json::object body{{"signed_in", session.has_value()}, {"oidc", settings.oidc != nullptr}};
    body["me"] = session ? boost::json::value(caller_json(db, session->who, session->csrf_token, session->expires_at)) : boost::json::value(nullptr);
    auto res = json_response(ctx.req, status::ok, body);
    if (cookie && !session) res.set(beast_http::field::set_cookie, cleared_session_cookie(settings.secure_cookies));
    return res;
  });
  routes.add(beast_http::verb::delete_, "/api/v1/session", access::anyone, [&db, settings](request_context& ctx) {
    if (const auto cookie = cookie_value(ctx.req, session_cookie_name)) store::end_session(db, *cookie);
    response res{status::no_content, ctx.req.version()};
    res.set(beast_http::field::set_cookie, cleared_session_cookie(settings.secure_cookies));
    res.set(beast_http::field::cache_control, "no-store");
    res.keep_alive(ctx.req.keep_alive());
    return res;
  });
  routes.add(beast_http::verb::get, "/api/v1/invitations/{token}", access::anyone, [&db](request_context& ctx) {
    const auto found = store::read_invitation(db, ctx.param("token"));
    if (found.state != store::invitation_state::open) refuse_invitation(found);
    boost::json::object body{{"state", "open"}, {"expires_at", *found.expires_at}};
    body["person"] = person_json(*found.person, organisation_name(db, found.person->organisation));
    return json_response(ctx.req, status::ok, body);
  });
  routes.add(beast_http::verb::post, "/api/v1/invitations/{token}", access::anyone, [&db, settings](request_context& ctx) {
    const auto& token = ctx.param("token");
    const auto body = parse_json_body(ctx.req);
    require_schema("invitation-acceptance", body, preferred_language(ctx.req));
    const auto found = store::read_invitation(db, token);
    if (found.state != store::invitation_state::open) refuse_invitation(found);
    const auto password = text_member(body, "password");
    if (const auto weakness = store::weakness_of(password, store::personal_words(found.person->name, found.person->email))) {
      throw weak_password(*weakness, "password");
    }
    const auto accepted = store::accept_invitation(db, token, store::hash_password(password));
    if (accepted.state != store::invitation_state::open) refuse_invitation(accepted);
    const auto session = store::start_session(db, accepted.person->id, "password", settings.lifetimes);
    return signed_in(ctx.req, settings, session, *accepted.person, organisation_name(db, accepted.person->organisation));
  });
}

}  // namespace jointbuy::http
