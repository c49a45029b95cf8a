#include "api/http/handlers/people_views.hpp"

#include <boost/json.hpp>

#include "api/http/cookies.hpp"
#include "api/http/responses.hpp"
#include "api/store/organisations.hpp"

namespace jointbuy::http {

namespace {

boost::json::value optional_text(const std::optional<std::string>& text) {
  return text ? boost::json::value(*text) : boost::json::value(nullptr);
}

}  // namespace

boost::json::object person_json(const store::person& p, const std::optional<std::string>& organisation_name) {
  boost::json::object json{{"id", p.id}, {"email", p.email}, {"name", p.name}, {"role", store::to_string(p.role)}};
  json["organisation"] = optional_text(p.organisation);
  json["organisation_name"] = optional_text(organisation_name);
  json["active"] = !p.deactivated_at.has_value();
  json["has_password"] = p.has_password;
  json["created_at"] = p.created_at;
  json["deactivated_at"] = optional_text(p.deactivated_at);
  json["invitation_expires_at"] = optional_text(p.invitation_expires_at);
  return json;
}

problem weak_password(store::password_weakness weakness, const std::string& field) {
  const auto min = std::to_string(store::min_password_length);
  const auto max = std::to_string(store::max_password_length);
  field_error error{field, "", 0, ""};
  switch (weakness) {
    case store::password_weakness::too_short:
      error.reason = "must have at least " + min + " characters";
      error.reason_de = "muss mindestens " + min + " Zeichen lang sein";
      break;
    case store::password_weakness::too_long:
      error.reason = "must have at most " + max + " characters";
      error.reason_de = "darf höchstens " + max + " Zeichen lang sein";
      break;
    case store::password_weakness::common:
      error.reason = "is one of the passwords many people use; choose another, e.g. several unrelated words";
      error.reason_de = "gehört zu den Passwörtern, die viele Leute verwenden; bitte ein anderes wählen, z. B. mehrere Wörter ohne Zusammenhang";
      break;
    case store::password_weakness::repetitive:
      error.reason = "repeats characters or follows the keyboard or the alphabet; choose another";
      error.reason_de = "wiederholt Zeichen oder folgt der Tastatur oder dem Alphabet; bitte ein anderes wählen";
      break;
    case store::password_weakness::personal:
      error.reason = "contains your name, your e-mail address or the name of this service; choose another";
      error.reason_de = "enthält Ihren Namen, Ihre E-Mail-Adresse oder den Namen dieses Dienstes; bitte ein anderes wählen";
      break;
  }
  return unprocessable({error});
}

std::string invitation_link(const request& req, const sign_in_settings& settings, const std::string& token) {
  std::string link = settings.public_url;
  if (link.empty()) link.append(settings.secure_cookies ? "https://" : "http://").append(req[beast_http::field::host]);
  link.append("/invitations/").append(token);
  return link;
}

boost::json::object caller_json(store::database& db, const store::principal& who, const std::optional<std::string>& csrf_token,
                                const std::optional<std::string>& session_expires_at) {
  boost::json::object body{{"actor", who.actor}, {"name", who.name}, {"role", store::to_string(who.role)}};
  body["organisation"] = optional_text(who.organisation);
  std::optional<std::string> organisation_name;
  if (who.organisation) {
    if (const auto org = store::find_organisation(db, *who.organisation)) organisation_name = org->name;
  }
  body["organisation_name"] = optional_text(organisation_name);
  const auto p = who.person_id ? store::find_person(db, *who.person_id) : std::nullopt;
  body["person"] = p ? boost::json::value(person_json(*p, organisation_name)) : boost::json::value(nullptr);
  body["token"] = optional_text(who.token_id);
  body["csrf_token"] = optional_text(csrf_token);
  body["session_expires_at"] = optional_text(session_expires_at);
  return body;
}

response signed_in(const request& req, const sign_in_settings& settings, const store::started_session& session,
                   const store::person& who, const std::optional<std::string>& organisation_name) {
  boost::json::object body{{"actor", who.id}, {"name", who.name}, {"role", store::to_string(who.role)}};
  body["organisation"] = optional_text(who.organisation);
  body["organisation_name"] = optional_text(organisation_name);
  body["person"] = person_json(who, organisation_name);
  body["token"] = nullptr;
  body["csrf_token"] = session.csrf_token;
  body["session_expires_at"] = session.expires_at;
  auto res = json_response(req, status::ok, body);
  res.set(beast_http::field::set_cookie, session_cookie(session.id, settings.secure_cookies));
  return res;
}

}  // namespace jointbuy::http
