#pragma once
// Sign-in sessions of people: a random id in the cookie, only its hash stored; idle and absolute
// lifetimes; failed password sign-ins counted per address for the lockout.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "api/store/database.hpp"
#include "api/store/tokens.hpp"

namespace jointbuy::store {

/// How long sessions live.
struct session_lifetimes {
  /// Ended after this long without a request.
  std::chrono::seconds idle{30 * 60};
  /// Ended this long after sign-in, however busy.
  std::chrono::seconds absolute{12 * 60 * 60};
};

/// A session just started: `id` goes into the cookie and is stored nowhere.
struct started_session {
  std::string id;
  std::string csrf_token;
  std::string expires_at;
};

/// Starts a session for the person `person_id` signed in by `method` ("password" or "oidc"),
/// audited as the person; it ends `lifetimes.absolute` from now at the latest.
started_session start_session(database& db, const std::string& person_id, std::string_view method, const session_lifetimes& lifetimes);

/// The caller of a live session.
struct session_caller {
  principal who;
  std::string csrf_token;
  /// The stored form of the session's id (for ending it or keeping it on a password change).
  std::string id_hash;
  std::string expires_at;
};

/// The person whose live session `id` is; nothing for an unknown, ended, idle or expired
/// session or a deactivated person. Notes the request as the session's last activity.
std::optional<session_caller> verify_session(database& db, std::string_view id, const session_lifetimes& lifetimes);

/// Ends the session `id` (sign-out), audited as its person; false when it was not live.
bool end_session(database& db, std::string_view id);

/// The sign-in throttle: failures counted per address within `window`.
struct lockout_policy {
  int failures = 5;
  std::chrono::seconds window{15 * 60};
};

/// How long the address `email` must wait before the next try, when it has failed too often.
std::optional<std::chrono::seconds> sign_in_locked(database& db, const std::string& email, const lockout_policy& policy);

/// Records a failed sign-in with `email`; when it is the one that locks the address, the
/// lockout is written to the audit log (naming the person, if the address is theirs).
void record_sign_in_failure(database& db, const std::string& email, const lockout_policy& policy);

/// Forgets the failures of `email` after a successful sign-in.
void clear_sign_in_failures(database& db, const std::string& email);

}  // namespace jointbuy::store
