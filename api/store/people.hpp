#pragma once
// People who sign in as themselves (DOMAIN.md §7): invited by a coordinator, with a password or
// through OpenID Connect; deactivating one ends their sessions and revokes their tokens at once.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "api/store/database.hpp"
#include "api/store/tokens.hpp"

namespace jointbuy::store {

/// A person as the people page shows them (never a password hash).
struct person {
  std::string id;
  std::string email;
  std::string name;
  store::role role = store::role::municipality;
  std::optional<std::string> organisation;
  bool has_password = false;
  std::string created_at;
  std::optional<std::string> deactivated_at;
  /// When the newest unused invitation runs out, if there is one.
  std::optional<std::string> invitation_expires_at;
};

/// Who to invite.
struct person_request {
  std::string email;
  std::string name;
  store::role role = store::role::municipality;
  std::optional<std::string> organisation;
};

/// A person just invited (or invited again): `token` is shown once, in the link, and only its
/// hash is stored.
struct invitation {
  store::person person;
  std::string token;
  std::string expires_at;
};

/// How long an invitation link stays valid.
inline constexpr std::chrono::hours invitation_lifetime{24 * 7};

/// `email` lowercased: the key that makes addresses unique regardless of case.
std::string email_key(std::string_view email);

/// Stores a new person and an invitation for them, audited under `actor`. Throws conflict
/// (key_taken, person) for an address that is taken, not_found for an unknown organisation and
/// configuration_error when role and organisation do not fit.
invitation invite_person(database& db, const person_request& request, const std::string& actor,
                         std::chrono::seconds valid = invitation_lifetime);

/// A fresh invitation for the person `id`; their earlier unused links stop working. Throws
/// not_found for an unknown person and conflict (withdrawn) for a deactivated one.
invitation invite_again(database& db, const std::string& id, const std::string& actor,
                        std::chrono::seconds valid = invitation_lifetime);

/// Seeds a demo person with a fixed id and a password (seed-demo): created, or updated and
/// reactivated. Their demo token `token_id` is marked as theirs.
person upsert_demo_person(database& db, const std::string& id, const person_request& request, const std::string& password_hash,
                          const std::string& token_id, const std::string& actor);

/// Every person, by name.
std::vector<person> list_people(database& db);

/// The person `id`, if there is one.
std::optional<person> find_person(database& db, const std::string& id);

/// Deactivates the person `id`: ends every session and revokes every token of theirs in the
/// same transaction. False when they were deactivated already; not_found when unknown.
bool deactivate_person(database& db, const std::string& id, const std::string& actor);

/// What an invitation link is.
enum class invitation_state { open, used, expired, unknown, deactivated };

/// The invitation behind `token` and its person (for open, used and expired ones).
struct invitation_lookup {
  invitation_state state = invitation_state::unknown;
  std::optional<store::person> person;
  std::optional<std::string> expires_at;
};

/// What the link with `token` is, without using it.
invitation_lookup read_invitation(database& db, const std::string& token);

/// Uses the open invitation `token`: sets the person's password hash (unless null: OpenID
/// Connect), ends the person's sessions (a new link is how a forgotten password is replaced) and
/// marks the link used, in one transaction, audited as the person. Returns the
/// state the link had: only `open` changed anything.
invitation_lookup accept_invitation(database& db, const std::string& token, const std::optional<std::string>& password_hash);

/// Changes the password hash of the person `id` (their own page), audited as them; their other
/// sessions end, `keep_session` (the hash of the one in use) stays.
void change_password(database& db, const std::string& id, const std::string& password_hash,
                     const std::optional<std::string>& keep_session);

/// The password hash and the person of an active person with this address, for a sign-in.
struct sign_in_candidate {
  store::person person;
  std::optional<std::string> password_hash;
};

/// The active person with the address `email` (any case), if there is one.
std::optional<sign_in_candidate> person_by_email(database& db, const std::string& email);

}  // namespace jointbuy::store
