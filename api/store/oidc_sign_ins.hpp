#pragma once
// OpenID Connect sign-ins under way: state (hashed, usable once), nonce and PKCE verifier between
// the redirect to the provider and its callback, shared by every server process.

#include <chrono>
#include <optional>
#include <string>

#include "api/store/database.hpp"

namespace jointbuy::store {

/// What a sign-in keeps until its callback.
struct oidc_sign_in {
  std::string nonce;
  std::string code_verifier;
  std::string return_to;
};

/// Stores a sign-in under `state`; sign-ins older than a day are forgotten on the way.
void begin_oidc_sign_in(database& db, const std::string& state, const oidc_sign_in& sign_in);

/// The sign-in of `state` if it is younger than `valid` and not used yet; marks it used, so that
/// a replayed callback finds nothing.
std::optional<oidc_sign_in> take_oidc_sign_in(database& db, const std::string& state, std::chrono::seconds valid);

/// Marks the open invitations of the person `person_id` used: they signed in through the
/// provider instead.
void use_open_invitations(database& db, const std::string& person_id);

}  // namespace jointbuy::store
