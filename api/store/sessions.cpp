#include "api/store/sessions.hpp"

#include <boost/json.hpp>

#include "api/store/audit_log.hpp"
#include "api/store/people.hpp"
#include "api/store/timestamps.hpp"
#include "api/store/token_secret.hpp"
#include "api/store/transaction.hpp"
#include "catalog/json_text.hpp"

namespace jointbuy::store {

namespace {

constexpr const char* select_session =
    "SELECT s.person_id, s.csrf_token, s.created_at, s.last_seen_at, p.name, p.role, p.organisation_id "
    "FROM sessions s JOIN people p ON p.id = s.person_id "
    "WHERE s.id_sha256 = :id_sha256 AND s.ended_at IS NULL AND p.deactivated_at IS NULL";

// Session ids carry 256 random bits: a fast hash suffices, as for API tokens.
bool plausible_session_id(std::string_view id) { return !id.empty() && id.size() <= 128; }

std::chrono::seconds since(const std::string& stored, std::chrono::system_clock::time_point now) {
  const auto at = parse_utc_timestamp(stored);
  if (!at) return std::chrono::seconds::max();
  return std::chrono::duration_cast<std::chrono::seconds>(now - *at);
}

}  // namespace

started_session start_session(database& db, const std::string& person_id, std::string_view method, const session_lifetimes& lifetimes) {
  return db.with_session([&](soci::session& session) {
    transaction tx{session};
    started_session started{random_base64url(32), random_base64url(24), ""};
    const std::string hash = sha256_hex(started.id);
    const auto now = std::chrono::system_clock::now();
    const std::string now_text = utc_timestamp(now);
    started.expires_at = utc_timestamp(now + lifetimes.absolute);
    const std::string method_text{method};
    session << "INSERT INTO sessions (id_sha256, person_id, csrf_token, method, created_at, last_seen_at) "
               "VALUES (:id_sha256, :person_id, :csrf_token, :method, :created_at, :last_seen_at)",
        soci::use(hash, "id_sha256"), soci::use(person_id, "person_id"), soci::use(started.csrf_token, "csrf_token"),
        soci::use(method_text, "method"), soci::use(now_text, "created_at"), soci::use(now_text, "last_seen_at");
    // The audit names the session by the first characters of its hash, never by its id.
    boost::json::object after{{"method", method_text}, {"session", hash.substr(0, 12)}};
    append_audit(session, {person_id, "sign_in", "person", person_id, std::nullopt, catalog::json_text(after)});
    tx.commit();
    return started;
  });
}

std::optional<session_caller> verify_session(database& db, std::string_view id, const session_lifetimes& lifetimes) {
  if (!plausible_session_id(id)) return std::nullopt;
  const std::string hash = sha256_hex(id);
  return db.with_session([&](soci::session& session) -> std::optional<session_caller> {
    std::string person_id, csrf, created_at, last_seen_at, name, role_text, organisation;
    soci::indicator organisation_null = soci::i_ok;
    session << select_session, soci::use(hash, "id_sha256"), soci::into(person_id), soci::into(csrf), soci::into(created_at),
        soci::into(last_seen_at), soci::into(name), soci::into(role_text), soci::into(organisation, organisation_null);
    if (!session.got_data()) return std::nullopt;
    const auto now = std::chrono::system_clock::now();
    const std::string now_text = utc_timestamp(now);
    if (since(created_at, now) >= lifetimes.absolute || since(last_seen_at, now) >= lifetimes.idle) {
      session << "UPDATE sessions SET ended_at = :now WHERE id_sha256 = :id_sha256 AND ended_at IS NULL", soci::use(now_text, "now"),
          soci::use(hash, "id_sha256");
      return std::nullopt;
    }
    // The last activity is written at most every few seconds, not on every request.
    if (since(last_seen_at, now) >= std::min(std::chrono::seconds{30}, lifetimes.idle / 10)) {
      session << "UPDATE sessions SET last_seen_at = :now WHERE id_sha256 = :id_sha256", soci::use(now_text, "now"),
          soci::use(hash, "id_sha256");
    }
    const auto role = parse_role(role_text);
    if (!role) return std::nullopt;
    principal who{person_id, person_id, std::nullopt, name, *role, std::nullopt};
    if (organisation_null == soci::i_ok) who.organisation = organisation;
    const auto created = parse_utc_timestamp(created_at).value_or(now);
    return session_caller{std::move(who), csrf, hash, utc_timestamp(created + lifetimes.absolute)};
  });
}

bool end_session(database& db, std::string_view id) {
  if (!plausible_session_id(id)) return false;
  const std::string hash = sha256_hex(id);
  return db.with_session([&](soci::session& session) {
    transaction tx{session};
    std::string person_id;
    session << "SELECT person_id FROM sessions WHERE id_sha256 = :id_sha256 AND ended_at IS NULL", soci::use(hash, "id_sha256"),
        soci::into(person_id);
    if (!session.got_data()) return false;
    const std::string now = utc_timestamp_now();
    session << "UPDATE sessions SET ended_at = :now WHERE id_sha256 = :id_sha256", soci::use(now, "now"), soci::use(hash, "id_sha256");
    boost::json::object before{{"session", hash.substr(0, 12)}};
    append_audit(session, {person_id, "sign_out", "person", person_id, catalog::json_text(before), std::nullopt});
    tx.commit();
    return true;
  });
}

std::optional<std::chrono::seconds> sign_in_locked(database& db, const std::string& email, const lockout_policy& policy) {
  const std::string key = email_key(email);
  const auto now = std::chrono::system_clock::now();
  const std::string window_start = utc_timestamp(now - policy.window);
  return db.with_session([&](soci::session& session) -> std::optional<std::chrono::seconds> {
    int count = 0;
    std::string oldest;
    soci::indicator oldest_null = soci::i_ok;
    // The failures that count are the newest `failures` within the window: the lock lasts until
    // the oldest of them leaves it.
    session << "SELECT COUNT(*), MIN(occurred_at) FROM (SELECT occurred_at FROM sign_in_failures WHERE email_key = :email_key "
               "AND occurred_at > :window_start ORDER BY occurred_at DESC LIMIT :failures) newest",
        soci::use(key, "email_key"), soci::use(window_start, "window_start"), soci::use(policy.failures, "failures"),
        soci::into(count), soci::into(oldest, oldest_null);
    if (count < policy.failures || oldest_null != soci::i_ok) return std::nullopt;
    const auto at = parse_utc_timestamp(oldest).value_or(now);
    const auto wait = std::chrono::ceil<std::chrono::seconds>(at + policy.window - now);
    return std::max(wait, std::chrono::seconds{1});
  });
}

void record_sign_in_failure(database& db, const std::string& email, const lockout_policy& policy) {
  const std::string key = email_key(email);
  db.with_session([&](soci::session& session) {
    transaction tx{session};
    const auto now = std::chrono::system_clock::now();
    const std::string now_text = utc_timestamp(now);
    const std::string window_start = utc_timestamp(now - policy.window);
    session << "INSERT INTO sign_in_failures (email_key, occurred_at) VALUES (:email_key, :occurred_at)", soci::use(key, "email_key"),
        soci::use(now_text, "occurred_at");
    int count = 0;
    session << "SELECT COUNT(*) FROM sign_in_failures WHERE email_key = :email_key AND occurred_at > :window_start",
        soci::use(key, "email_key"), soci::use(window_start, "window_start"), soci::into(count);
    if (count == policy.failures) {
      std::string person_id;
      session << "SELECT id FROM people WHERE email_key = :email_key", soci::use(key, "email_key"), soci::into(person_id);
      const bool known = session.got_data();
      boost::json::object after{{"email", key}, {"failures", count}, {"window_seconds", policy.window.count()},
                                {"locked_until", utc_timestamp(now + policy.window)}};
      append_audit(session, {"sign-in", "lockout", known ? "person" : "sign_in", known ? person_id : key, std::nullopt,
                             catalog::json_text(after)});
    }
    tx.commit();
  });
}

void clear_sign_in_failures(database& db, const std::string& email) {
  const std::string key = email_key(email);
  db.with_session([&](soci::session& session) {
    session << "DELETE FROM sign_in_failures WHERE email_key = :email_key", soci::use(key, "email_key");
  });
}

}  // namespace jointbuy::store
