#pragma once
// What the people, sign-in and own-page routes share: a person as JSON, a weak password as a
// field error, the invitation link, and the answer that signs a person in.

#include <optional>
#include <string>

#include <boost/json/object.hpp>

#include "api/http/problem.hpp"
#include "api/http/router.hpp"
#include "api/http/sign_in_settings.hpp"
#include "api/store/people.hpp"
#include "api/store/password_policy.hpp"

namespace jointbuy::http {

/// {"id", "email", "name", "role", "organisation", "organisation_name", "active", "has_password",
/// "created_at", "deactivated_at", "invitation_expires_at"}.
boost::json::object person_json(const store::person& p, const std::optional<std::string>& organisation_name);

/// The name of the organisation `id`, if there is one and it is known.
std::optional<std::string> organisation_name(store::database& db, const std::optional<std::string>& id);

/// Where people reach the pages: the configured public URL, else the request's Host (https with
/// secure cookies). Invitation links and the OpenID Connect redirect start with it.
std::string public_address(const request& req, const sign_in_settings& settings);

/// 422 on `field` saying why the password is refused, in both languages.
problem weak_password(store::password_weakness weakness, const std::string& field);

/// The link a person opens to accept their invitation: "<public address>/invitations/<token>".
std::string invitation_link(const request& req, const sign_in_settings& settings, const std::string& token);

/// The caller as GET /api/v1/me shows them: {"actor", "name", "role", "organisation",
/// "organisation_name", "person", "token", "csrf_token", "session_expires_at"}.
boost::json::object caller_json(store::database& db, const store::principal& who, const std::optional<std::string>& csrf_token,
                                const std::optional<std::string>& session_expires_at);

/// 200 with the signed-in person (as GET /api/v1/me shows them) and the session cookie.
response signed_in(const request& req, const sign_in_settings& settings, const store::started_session& session,
                   const store::person& who, const std::optional<std::string>& organisation_name);

}  // namespace jointbuy::http
