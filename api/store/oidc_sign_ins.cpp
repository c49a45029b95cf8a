#include "api/store/oidc_sign_ins.hpp"

#include "api/store/timestamps.hpp"
#include "api/store/token_secret.hpp"
#include "api/store/transaction.hpp"

namespace jointbuy::store {

void begin_oidc_sign_in(database& db, const std::string& state, const oidc_sign_in& sign_in) {
  const auto now = std::chrono::system_clock::now();
  const std::string hash = sha256_hex(state);
  const std::string created_at = utc_timestamp(now);
  const std::string forgotten = utc_timestamp(now - std::chrono::hours{24});
  db.with_session([&](soci::session& session) {
    transaction tx{session};
    session << "DELETE FROM oidc_sign_ins WHERE created_at < :forgotten", soci::use(forgotten, "forgotten");
    session << "INSERT INTO oidc_sign_ins (state_sha256, nonce, code_verifier, return_to, created_at) "
               "VALUES (:state_sha256, :nonce, :code_verifier, :return_to, :created_at)",
        soci::use(hash, "state_sha256"), soci::use(sign_in.nonce, "nonce"), soci::use(sign_in.code_verifier, "code_verifier"),
        soci::use(sign_in.return_to, "return_to"), soci::use(created_at, "created_at");
    tx.commit();
  });
}

std::optional<oidc_sign_in> take_oidc_sign_in(database& db, const std::string& state, std::chrono::seconds valid) {
  if (state.empty() || state.size() > 256) return std::nullopt;
  const auto now = std::chrono::system_clock::now();
  const std::string hash = sha256_hex(state);
  const std::string now_text = utc_timestamp(now);
  const std::string oldest = utc_timestamp(now - valid);
  return db.with_session([&](soci::session& session) -> std::optional<oidc_sign_in> {
    transaction tx{session};
    oidc_sign_in found;
    session << "SELECT nonce, code_verifier, return_to FROM oidc_sign_ins WHERE state_sha256 = :state_sha256 AND used_at IS NULL "
               "AND created_at >= :oldest",
        soci::use(hash, "state_sha256"), soci::use(oldest, "oldest"), soci::into(found.nonce), soci::into(found.code_verifier),
        soci::into(found.return_to);
    if (!session.got_data()) return std::nullopt;
    // Of two callbacks with the same state only one marks it used.
    soci::statement use = (session.prepare << "UPDATE oidc_sign_ins SET used_at = :now WHERE state_sha256 = :state_sha256 AND used_at IS NULL",
                           soci::use(now_text, "now"), soci::use(hash, "state_sha256"));
    use.execute(true);
    if (use.get_affected_rows() == 0) return std::nullopt;
    tx.commit();
    return found;
  });
}

void use_open_invitations(database& db, const std::string& person_id) {
  const std::string now = utc_timestamp_now();
  db.with_session([&](soci::session& session) {
    session << "UPDATE invitations SET used_at = :now WHERE person_id = :person_id AND used_at IS NULL AND expires_at > :now",
        soci::use(now, "now"), soci::use(person_id, "person_id");
  });
}

}  // namespace jointbuy::store
