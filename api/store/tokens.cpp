#include "api/store/tokens.hpp"

#include <algorithm>

#include <boost/json.hpp>

#include "api/store/audit_log.hpp"
#include "api/store/timestamps.hpp"
#include "api/store/token_secret.hpp"
#include "api/store/transaction.hpp"
#include "catalog/json_text.hpp"

namespace jointbuy::store {

namespace {

// A bearer token reads "jb_<id>.<secret>": the id finds the row, the secret is checked against
// its SHA-256 hash. Secrets carry 256 random bits, so a fast hash is enough (no password stretching).
constexpr std::string_view bearer_prefix = "jb_";
constexpr std::size_t secret_bytes = 32;

// A personal token acts as its person: their name, and nothing once they are deactivated.
constexpr const char* select_token =
    "SELECT t.secret_sha256, t.role, t.organisation_id, COALESCE(p.name, t.name), t.revoked_at, t.person_id, "
    "p.deactivated_at FROM api_tokens t LEFT JOIN people p ON p.id = t.person_id WHERE t.id = :id";
constexpr const char* insert_token =
    "INSERT INTO api_tokens (id, secret_sha256, role, organisation_id, name, created_at, person_id) "
    "VALUES (:id, :secret_sha256, :role, :organisation_id, :name, :created_at, :person_id)";
constexpr const char* update_token_secret =
    "UPDATE api_tokens SET secret_sha256 = :secret_sha256, role = :role, organisation_id = :organisation_id, "
    "name = :name, revoked_at = NULL WHERE id = :id";
constexpr const char* revoke_token_row =
    "UPDATE api_tokens SET revoked_at = :revoked_at WHERE id = :id AND revoked_at IS NULL";
constexpr const char* revoke_personal_token_row =
    "UPDATE api_tokens SET revoked_at = :revoked_at WHERE id = :id AND person_id = :person_id AND revoked_at IS NULL";
constexpr const char* select_all_tokens =
    "SELECT id, name, role, organisation_id, created_at, revoked_at, person_id FROM api_tokens "
    "WHERE (:any_person = '' OR person_id = :person_id) ORDER BY created_at DESC, id";

// Person ids start with "p-"; token ids never do, so that an actor names one or the other.
bool is_token_id(std::string_view id) {
  return !id.empty() && id.size() <= 64 && !id.starts_with("p-") &&
         std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

std::string audit_text(const std::string& id, const token_request& request) {
  boost::json::object json{{"id", id}, {"name", request.name}, {"role", to_string(request.role)}};
  json["organisation"] = request.organisation ? boost::json::value(*request.organisation) : nullptr;
  if (request.person_id) json["person"] = *request.person_id;
  return catalog::json_text(json);
}

void check_request(soci::session& session, token_request& request) {
  if (request.person_id) {
    // A personal token has its person's role and organisation, whatever the request said.
    std::string role_text, organisation, deactivated_at;
    soci::indicator organisation_null = soci::i_ok, deactivated_null = soci::i_ok;
    session << "SELECT role, organisation_id, deactivated_at FROM people WHERE id = :id", soci::use(*request.person_id),
        soci::into(role_text), soci::into(organisation, organisation_null), soci::into(deactivated_at, deactivated_null);
    if (!session.got_data() || deactivated_null == soci::i_ok) throw not_found({record::person, *request.person_id});
    request.role = parse_role(role_text).value_or(role::auditor);
    request.organisation = organisation_null == soci::i_ok ? std::optional{organisation} : std::nullopt;
  }
  if ((request.role == role::municipality) != request.organisation.has_value()) {
    throw configuration_error(request.role == role::municipality
                                  ? "a municipality token needs the organisation it acts for"
                                  : "only municipality tokens are bound to an organisation");
  }
  if (request.organisation) {
    int found = 0;
    session << "SELECT COUNT(*) FROM organisations WHERE id = :id", soci::use(*request.organisation),
        soci::into(found);
    if (found == 0) throw not_found({record::organisation, *request.organisation});
  }
}

issued_token store_token(database& db, const std::string& id, token_request request, const std::string& actor,
                         bool replace) {
  if (!is_token_id(id)) throw configuration_error("token id '" + id + "' is not lowercase letters, digits and '-'");
  return db.with_session([&](soci::session& session) {
    transaction tx{session};
    check_request(session, request);
    const std::string secret = random_base64url(secret_bytes);
    const std::string hash = sha256_hex(secret);
    const std::string role_text{to_string(request.role)};
    const std::string organisation = request.organisation.value_or("");
    soci::indicator organisation_null = request.organisation ? soci::i_ok : soci::i_null;
    std::string existing_hash;
    if (replace) session << "SELECT secret_sha256 FROM api_tokens WHERE id = :id", soci::use(id), soci::into(existing_hash);
    if (replace && session.got_data()) {
      session << update_token_secret, soci::use(hash, "secret_sha256"), soci::use(role_text, "role"),
          soci::use(organisation, organisation_null, "organisation_id"), soci::use(request.name, "name"),
          soci::use(id, "id");
      append_audit(session, {actor, "rotate", "token", id, std::nullopt, audit_text(id, request)});
    } else {
      const std::string created_at = utc_timestamp_now();
      const std::string person = request.person_id.value_or("");
      soci::indicator person_null = request.person_id ? soci::i_ok : soci::i_null;
      session << insert_token, soci::use(id, "id"), soci::use(hash, "secret_sha256"), soci::use(role_text, "role"),
          soci::use(organisation, organisation_null, "organisation_id"), soci::use(request.name, "name"),
          soci::use(created_at, "created_at"), soci::use(person, person_null, "person_id");
      append_audit(session, {actor, "create", "token", id, std::nullopt, audit_text(id, request)});
    }
    tx.commit();
    db.access_changed();
    return issued_token{id, std::string{bearer_prefix} + id + "." + secret};
  });
}

}  // namespace

std::string_view to_string(role r) {
  switch (r) {
    case role::municipality: return "municipality";
    case role::coordinator: return "coordinator";
    case role::auditor: return "auditor";
  }
  return "auditor";
}

std::optional<role> parse_role(std::string_view text) {
  for (const role r : {role::municipality, role::coordinator, role::auditor}) {
    if (to_string(r) == text) return r;
  }
  return std::nullopt;
}

issued_token create_token(database& db, const token_request& request, const std::string& actor) {
  return store_token(db, random_hex(6), request, actor, false);
}

issued_token rotate_token(database& db, const std::string& id, const token_request& request, const std::string& actor) {
  return store_token(db, id, request, actor, true);
}

std::optional<principal> verify_token(database& db, std::string_view bearer) {
  if (!bearer.starts_with(bearer_prefix)) return std::nullopt;
  bearer.remove_prefix(bearer_prefix.size());
  const auto dot = bearer.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  const std::string id{bearer.substr(0, dot)};
  const auto secret = bearer.substr(dot + 1);
  if (!is_token_id(id) || secret.empty() || secret.size() > 256) return std::nullopt;
  const std::string presented_hash = sha256_hex(secret);

  return db.with_session([&](soci::session& session) -> std::optional<principal> {
    std::string stored_hash, role_text, organisation, name, revoked_at, person, deactivated_at;
    soci::indicator organisation_null = soci::i_ok, revoked_null = soci::i_ok, person_null = soci::i_ok, deactivated_null = soci::i_ok;
    session << select_token, soci::use(id, "id"), soci::into(stored_hash), soci::into(role_text),
        soci::into(organisation, organisation_null), soci::into(name), soci::into(revoked_at, revoked_null),
        soci::into(person, person_null), soci::into(deactivated_at, deactivated_null);
    if (!session.got_data()) return std::nullopt;
    if (!constant_time_equal(stored_hash, presented_hash)) return std::nullopt;
    if (revoked_null == soci::i_ok || deactivated_null == soci::i_ok) return std::nullopt;
    const auto parsed_role = parse_role(role_text);
    if (!parsed_role) return std::nullopt;
    principal who{id, std::nullopt, id, name, *parsed_role, std::nullopt};
    if (person_null == soci::i_ok) who.person_id = person;
    if (organisation_null == soci::i_ok) who.organisation = organisation;
    return who;
  });
}

bool revoke_token(database& db, const std::string& id, const std::string& actor) {
  return db.with_session([&](soci::session& session) {
    transaction tx{session};
    const std::string revoked_at = utc_timestamp_now();
    soci::statement revoke = (session.prepare << revoke_token_row, soci::use(revoked_at, "revoked_at"), soci::use(id, "id"));
    revoke.execute(true);
    if (revoke.get_affected_rows() == 0) return false;
    append_audit(session, {actor, "revoke", "token", id, std::nullopt, std::nullopt});
    tx.commit();
    db.access_changed();
    return true;
  });
}

namespace {

std::vector<token_info> select_tokens(database& db, const std::string& person_id) {
  return db.with_session([&](soci::session& session) {
    std::vector<token_info> tokens;
    std::string id, name, role_text, organisation, created_at, revoked_at, person;
    soci::indicator organisation_null = soci::i_ok, revoked_null = soci::i_ok, person_null = soci::i_ok;
    soci::statement select = (session.prepare << select_all_tokens, soci::use(person_id, "any_person"), soci::use(person_id, "person_id"),
                              soci::into(id), soci::into(name), soci::into(role_text), soci::into(organisation, organisation_null),
                              soci::into(created_at), soci::into(revoked_at, revoked_null), soci::into(person, person_null));
    select.execute();
    while (select.fetch()) {
      token_info info{{id, std::nullopt, id, name, parse_role(role_text).value_or(role::auditor), std::nullopt}, created_at, std::nullopt};
      if (person_null == soci::i_ok) info.who.person_id = person;
      if (organisation_null == soci::i_ok) info.who.organisation = organisation;
      if (revoked_null == soci::i_ok) info.revoked_at = revoked_at;
      tokens.push_back(std::move(info));
    }
    return tokens;
  });
}

}  // namespace

std::vector<token_info> list_tokens(database& db) { return select_tokens(db, ""); }

std::vector<token_info> list_personal_tokens(database& db, const std::string& person_id) { return select_tokens(db, person_id); }

bool revoke_personal_token(database& db, const std::string& person_id, const std::string& id, const std::string& actor) {
  return db.with_session([&](soci::session& session) {
    transaction tx{session};
    const std::string revoked_at = utc_timestamp_now();
    soci::statement revoke = (session.prepare << revoke_personal_token_row, soci::use(revoked_at, "revoked_at"), soci::use(id, "id"),
                              soci::use(person_id, "person_id"));
    revoke.execute(true);
    if (revoke.get_affected_rows() == 0) return false;
    append_audit(session, {actor, "revoke", "token", id, std::nullopt, std::nullopt});
    tx.commit();
    db.access_changed();
    return true;
  });
}

}  // namespace jointbuy::store
