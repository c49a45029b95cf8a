#pragma once
// API tokens: who may call jointbuy, in which role, for which organisation. Only hashes are stored.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/store/database.hpp"

namespace jointbuy::store {

/// What a caller may do: a municipality acts for one organisation, a coordinator for all, an
/// auditor reads everything and changes nothing.
enum class role { municipality, coordinator, auditor };

/// "municipality", "coordinator" or "auditor".
std::string_view to_string(role r);

/// The role named `text`, if it names one.
std::optional<role> parse_role(std::string_view text);

/// The caller a valid token or session stands for.
struct principal {
  /// What records keep as the one who acted: the token's id when a token was used (a personal
  /// token names its person for good), else the person's id (a session).
  std::string actor;
  /// The person behind the token or session, when it is one (not a machine token).
  std::optional<std::string> person_id;
  /// The token used, when it was one.
  std::optional<std::string> token_id;
  /// The person's name, or the token's for a machine token.
  std::string name;
  store::role role = store::role::auditor;
  /// Set for municipalities: the organisation they act for.
  std::optional<std::string> organisation;
};

/// What a new token is for.
struct token_request {
  store::role role = store::role::auditor;
  std::optional<std::string> organisation;
  std::string name;
  /// A personal token: the person it acts for (their role and organisation).
  std::optional<std::string> person_id = std::nullopt;
};

/// A token just issued: `bearer` is shown once and stored nowhere, only its hash is.
struct issued_token {
  std::string id;
  std::string bearer;
};

/// A stored token as `token list` shows it (never its secret).
struct token_info {
  principal who;
  std::string created_at;
  std::optional<std::string> revoked_at;
};

/// Issues a token with a fresh random id and secret, audited under `actor`. Throws not_found for
/// an unknown organisation and configuration_error when role and organisation do not fit.
issued_token create_token(database& db, const token_request& request, const std::string& actor);

/// Gives the token `id` a fresh secret, creating it with `request` if it does not exist and
/// reinstating it if it was revoked. seed-demo keeps its fixed demo tokens this way.
issued_token rotate_token(database& db, const std::string& id, const token_request& request, const std::string& actor);

/// The caller that `bearer` stands for, or nothing for a malformed, unknown or revoked token.
/// The secret's hash is compared in constant time.
std::optional<principal> verify_token(database& db, std::string_view bearer);

/// Revokes the token `id`; false when there is no such token or it was revoked already.
bool revoke_token(database& db, const std::string& id, const std::string& actor);

/// Every token, newest first.
std::vector<token_info> list_tokens(database& db);

/// The tokens of the person `person_id`, newest first.
std::vector<token_info> list_personal_tokens(database& db, const std::string& person_id);

/// Revokes the token `id` if it is one of `person_id`'s; false otherwise.
bool revoke_personal_token(database& db, const std::string& person_id, const std::string& id, const std::string& actor);

}  // namespace jointbuy::store
