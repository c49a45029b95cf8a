#include "api/http/handlers/people_views.hpp"

#include <boost/json.hpp>

#include "api/http/cookies.hpp"
#include "api/http/responses.hpp"
#include "api/store/organisations.hpp"

namespace jointbuy::http {

boost::json::object person_json(const store::person& p, const std::optional<std::string>& organisation_name) {
  boost::json::object json{{"id", p.id}, {"email", p.email}, {"name", p.name}, {"role", store::to_string(p.role)}};
  json["organisation"] = text_or_null(p.organisation);
  json["organisation_name"] = text_or_null(organisation_name);
  json["active"] = !p.deactivated_at.has_value();
  json["has_password"] = p.has_password;
  json["created_at"] = p.created_at;
  json["deactivated_at"] = text_or_null(p.deactivated_at);
  json["invitation_expires_at"] = text_or_null(p.invitation_expires_at);
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
  std::string link = public_address(req, settings);
  link.append("/invitations/").append(token);
  return link;
}

std::optional<std::string> organisation_name(store::database& db, const std::optional<std::string>& id) {
  if (!id) return std::nullopt;
  const auto org = store::find_organisation(db, *id);
  return org ? std::optional{org->name} : std::nullopt;
}

std::string public_address(const request& req, const sign_in_settings& settings) {
  std::string address = settings.public_url;
  if (address.empty()) address.append(settings.secure_cookies ? "https://" : "http://").append(req[beast_http::field::host]);
  return address;
}

boost::json::object caller_json(store::database& db, const store::principal& who, const std::optional<std::string>& csrf_token,
                                const std::optional<std::string>& session_expires_at) {
  boost::json::object body{{"actor", who.actor}, {"name", who.name}, {"role", store::to_string(who.role)}};
  body["organisation"] = text_or_null(who.organisation);
  const auto organisation_name = http::organisation_name(db, who.organisation);
  body["organisation_name"] = text_or_null(organisation_name);
  const auto p = who.person_id ? store::find_person(db, *who.person_id) : std::nullopt;
  body["person"] = p ? boost::json::value(person_json(*p, organisation_name)) : boost::json::value(nullptr);
  body["token"] = text_or_null(who.token_id);
  body["csrf_token"] = text_or_null(csrf_token);
  body["session_expires_at"] = text_or_null(session_expires_at);
  return body;
}

response signed_in(const request& req, const sign_in_settings& settings, const store::started_session& session,
                   const store::person& who, const std::optional<std::string>& organisation_name) {
  boost::json::object body{{"actor", who.id}, {"name", who.name}, {"role", store::to_string(who.role)}};
  body["organisation"] = text_or_null(who.organisation);
  body["organisation_name"] = text_or_null(organisation_name);
  body["person"] = person_json(who, organisation_name);
  body["token"] = nullptr;
  body["csrf_token"] = session.csrf_token;
  body["session_expires_at"] = session.expires_at;
  auto res = json_response(req, status::ok, body);
  res.set(beast_http::field::set_cookie, session_cookie(session.id, settings.secure_cookies));
  return res;
}

}  // namespace jointbuy::http
