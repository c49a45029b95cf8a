#include "api/store/people.hpp"

#include <cctype>

#include <boost/json.hpp>

#include "api/store/audit_log.hpp"
#include "api/store/row_select.hpp"
#include "api/store/timestamps.hpp"
#include "api/store/token_secret.hpp"
#include "api/store/transaction.hpp"
#include "catalog/json_text.hpp"

namespace jointbuy::store {

namespace {

// A person with their newest unused invitation's expiry, for every reader of people.
constexpr const char* person_columns =
    "SELECT p.id, p.email, p.name, p.role, p.organisation_id, CASE WHEN p.password_hash IS NULL THEN 0 ELSE 1 END, p.created_at, p.deactivated_at, "
    "(SELECT MAX(v.expires_at) FROM invitations v WHERE v.person_id = p.id AND v.used_at IS NULL) FROM people p ";

constexpr const char* insert_person =
    "INSERT INTO people (id, email, email_key, name, role, organisation_id, created_at, created_by) "
    "VALUES (:id, :email, :email_key, :name, :role, :organisation_id, :created_at, :created_by)";
constexpr const char* insert_invitation =
    "INSERT INTO invitations (token_sha256, person_id, created_at, created_by, expires_at) "
    "VALUES (:token_sha256, :person_id, :created_at, :created_by, :expires_at)";
// An invitation sent again makes the earlier links useless.
constexpr const char* retire_invitations =
    "UPDATE invitations SET expires_at = :now WHERE person_id = :person_id AND used_at IS NULL AND expires_at > :now";
constexpr const char* select_invitation =
    "SELECT person_id, expires_at, used_at FROM invitations WHERE token_sha256 = :token_sha256";

struct person_row {
  std::string id, email, name, role, organisation, created_at, deactivated_at, invitation_expires_at;
  int has_password = 0;
  soci::indicator organisation_null = soci::i_null, deactivated_null = soci::i_null, invitation_null = soci::i_null;
  void into(row_statement& s) {
    s, soci::into(id), soci::into(email), soci::into(name), soci::into(role), soci::into(organisation, organisation_null),
        soci::into(has_password), soci::into(created_at), soci::into(deactivated_at, deactivated_null),
        soci::into(invitation_expires_at, invitation_null);
  }
  person value() const {
    person p{id, email, name, parse_role(role).value_or(role::auditor), std::nullopt, has_password != 0, created_at, std::nullopt, std::nullopt};
    if (organisation_null == soci::i_ok) p.organisation = organisation;
    if (deactivated_null == soci::i_ok) p.deactivated_at = deactivated_at;
    if (invitation_null == soci::i_ok) p.invitation_expires_at = invitation_expires_at;
    return p;
  }
};

std::optional<person> select_person(soci::session& session, const std::string& where, const std::string& value) {
  std::string sql = person_columns;
  sql.append(where);
  auto rows = select_rows<person_row>(session, sql, [&](auto& s) { s, soci::use(value, "value"); });
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

// The stored audit form of a person: who they are, never a password or its hash.
std::string audit_text(const person& p) {
  boost::json::object json{{"id", p.id}, {"email", p.email}, {"name", p.name}, {"role", to_string(p.role)}};
  json["organisation"] = p.organisation ? boost::json::value(*p.organisation) : nullptr;
  json["active"] = !p.deactivated_at.has_value();
  json["has_password"] = p.has_password;
  return catalog::json_text(json);
}

void check_fit(soci::session& session, const person_request& request) {
  if ((request.role == role::municipality) != request.organisation.has_value()) {
    throw configuration_error(request.role == role::municipality ? "a person of a municipality needs their organisation"
                                                                 : "only people of a municipality belong to an organisation");
  }
  if (request.organisation) {
    int found = 0;
    session << "SELECT COUNT(*) FROM organisations WHERE id = :id", soci::use(*request.organisation), soci::into(found);
    if (found == 0) throw not_found({record::organisation, *request.organisation});
  }
}

// Stores a fresh invitation for `person_id` and returns its token (the only copy).
std::pair<std::string, std::string> new_invitation(soci::session& session, const std::string& person_id, const std::string& actor,
                                                   std::chrono::seconds valid) {
  const auto now = std::chrono::system_clock::now();
  const std::string now_text = utc_timestamp(now);
  session << retire_invitations, soci::use(now_text, "now"), soci::use(person_id, "person_id");
  const std::string token = random_base64url(32);
  const std::string hash = sha256_hex(token);
  const std::string expires_at = utc_timestamp(now + valid);
  session << insert_invitation, soci::use(hash, "token_sha256"), soci::use(person_id, "person_id"), soci::use(now_text, "created_at"),
      soci::use(actor, "created_by"), soci::use(expires_at, "expires_at");
  return {token, expires_at};
}

invitation_lookup lookup(soci::session& session, const std::string& token) {
  if (token.empty() || token.size() > 128) return {};
  const std::string hash = sha256_hex(token);
  std::string person_id, expires_at, used_at;
  soci::indicator used_null = soci::i_ok;
  session << select_invitation, soci::use(hash, "token_sha256"), soci::into(person_id), soci::into(expires_at),
      soci::into(used_at, used_null);
  if (!session.got_data()) return {};
  invitation_lookup found{invitation_state::open, select_person(session, "WHERE p.id = :value", person_id), expires_at};
  if (!found.person) return {};
  if (found.person->deactivated_at) found.state = invitation_state::deactivated;
  else if (used_null == soci::i_ok) found.state = invitation_state::used;
  else if (expires_at <= utc_timestamp_now()) found.state = invitation_state::expired;
  return found;
}

void end_sessions(soci::session& session, const std::string& person_id, const std::string& now, const std::string& keep) {
  session << "UPDATE sessions SET ended_at = :now WHERE person_id = :person_id AND ended_at IS NULL AND id_sha256 <> :keep",
      soci::use(now, "now"), soci::use(person_id, "person_id"), soci::use(keep, "keep");
}

}  // namespace

std::string email_key(std::string_view email) {
  std::string key{email};
  for (auto& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return key;
}

invitation invite_person(database& db, const person_request& request, const std::string& actor, std::chrono::seconds valid) {
  return db.with_session([&](soci::session& session) {
    transaction tx{session};
    check_fit(session, request);
    const std::string key = email_key(request.email);
    int taken = 0;
    session << "SELECT COUNT(*) FROM people WHERE email_key = :email_key", soci::use(key), soci::into(taken);
    if (taken > 0) throw conflict(conflict::reason::key_taken, record_ref{record::person, request.email}, "e-mail address taken");
    const std::string id = "p-" + random_hex(6);
    const std::string created_at = utc_timestamp_now();
    const std::string role_text{to_string(request.role)};
    const std::string organisation = request.organisation.value_or("");
    soci::indicator organisation_null = request.organisation ? soci::i_ok : soci::i_null;
    session << insert_person, soci::use(id, "id"), soci::use(request.email, "email"), soci::use(key, "email_key"),
        soci::use(request.name, "name"), soci::use(role_text, "role"), soci::use(organisation, organisation_null, "organisation_id"),
        soci::use(created_at, "created_at"), soci::use(actor, "created_by");
    auto [token, expires_at] = new_invitation(session, id, actor, valid);
    auto stored = *select_person(session, "WHERE p.id = :value", id);
    append_audit(session, {actor, "invite", "person", id, std::nullopt, audit_text(stored)});
    tx.commit();
    db.access_changed();
    return invitation{std::move(stored), std::move(token), std::move(expires_at)};
  });
}

invitation invite_again(database& db, const std::string& id, const std::string& actor, std::chrono::seconds valid) {
  return db.with_session([&](soci::session& session) {
    transaction tx{session};
    auto stored = select_person(session, "WHERE p.id = :value", id);
    if (!stored) throw not_found({record::person, id});
    if (stored->deactivated_at) throw conflict(conflict::reason::withdrawn, record_ref{record::person, id}, "person deactivated");
    auto [token, expires_at] = new_invitation(session, id, actor, valid);
    append_audit(session, {actor, "invite", "person", id, audit_text(*stored), audit_text(*stored)});
    tx.commit();
    db.access_changed();
    stored->invitation_expires_at = expires_at;
    return invitation{std::move(*stored), std::move(token), std::move(expires_at)};
  });
}

person upsert_demo_person(database& db, const std::string& id, const person_request& request, const std::string& password_hash,
                          const std::string& token_id, const std::string& actor) {
  return db.with_session([&](soci::session& session) {
    transaction tx{session};
    check_fit(session, request);
    const std::string key = email_key(request.email);
    const std::string now = utc_timestamp_now();
    const std::string role_text{to_string(request.role)};
    const std::string organisation = request.organisation.value_or("");
    soci::indicator organisation_null = request.organisation ? soci::i_ok : soci::i_null;
    const auto before = select_person(session, "WHERE p.id = :value", id);
    if (before) {
      session << "UPDATE people SET email = :email, email_key = :email_key, name = :name, role = :role, "
                 "organisation_id = :organisation_id, password_hash = :password_hash, deactivated_at = NULL WHERE id = :id",
          soci::use(request.email, "email"), soci::use(key, "email_key"), soci::use(request.name, "name"), soci::use(role_text, "role"),
          soci::use(organisation, organisation_null, "organisation_id"), soci::use(password_hash, "password_hash"), soci::use(id, "id");
    } else {
      session << insert_person, soci::use(id, "id"), soci::use(request.email, "email"), soci::use(key, "email_key"),
          soci::use(request.name, "name"), soci::use(role_text, "role"), soci::use(organisation, organisation_null, "organisation_id"),
          soci::use(now, "created_at"), soci::use(actor, "created_by");
      session << "UPDATE people SET password_hash = :password_hash WHERE id = :id", soci::use(password_hash, "password_hash"),
          soci::use(id, "id");
    }
    session << "UPDATE api_tokens SET person_id = :person_id WHERE id = :id", soci::use(id, "person_id"), soci::use(token_id, "id");
    auto after = *select_person(session, "WHERE p.id = :value", id);
    if (before) {
      append_audit(session, {actor, "update", "person", id, audit_text(*before), audit_text(after)});
    } else {
      append_audit(session, {actor, "create", "person", id, std::nullopt, audit_text(after)});
    }
    tx.commit();
    db.access_changed();
    return after;
  });
}

std::vector<person> list_people(database& db) {
  return db.with_session([&](soci::session& session) {
    std::string sql = person_columns;
    sql.append("ORDER BY p.name, p.id");
    return select_rows<person_row>(session, sql, [](auto&) {});
  });
}

std::optional<person> find_person(database& db, const std::string& id) {
  return db.with_session([&](soci::session& session) { return select_person(session, "WHERE p.id = :value", id); });
}

bool deactivate_person(database& db, const std::string& id, const std::string& actor) {
  return db.with_session([&](soci::session& session) {
    transaction tx{session};
    const auto before = select_person(session, "WHERE p.id = :value", id);
    if (!before) throw not_found({record::person, id});
    if (before->deactivated_at) return false;
    const std::string now = utc_timestamp_now();
    session << "UPDATE people SET deactivated_at = :now WHERE id = :id", soci::use(now, "now"), soci::use(id, "id");
    end_sessions(session, id, now, "");
    session << "UPDATE api_tokens SET revoked_at = :now WHERE person_id = :person_id AND revoked_at IS NULL", soci::use(now, "now"),
        soci::use(id, "person_id");
    session << "UPDATE invitations SET expires_at = :now WHERE person_id = :person_id AND used_at IS NULL AND expires_at > :now",
        soci::use(now, "now"), soci::use(id, "person_id");
    append_audit(session, {actor, "deactivate", "person", id, audit_text(*before), audit_text(*select_person(session, "WHERE p.id = :value", id))});
    tx.commit();
    db.access_changed();
    return true;
  });
}

invitation_lookup read_invitation(database& db, const std::string& token) {
  return db.with_session([&](soci::session& session) { return lookup(session, token); });
}

invitation_lookup accept_invitation(database& db, const std::string& token, const std::optional<std::string>& password_hash) {
  return db.with_session([&](soci::session& session) {
    transaction tx{session};
    auto found = lookup(session, token);
    if (found.state != invitation_state::open) return found;
    const std::string now = utc_timestamp_now();
    const std::string hash = sha256_hex(token);
    // Only one of two concurrent uses of the same link wins.
    soci::statement use_link = (session.prepare << "UPDATE invitations SET used_at = :now WHERE token_sha256 = :token_sha256 AND used_at IS NULL",
                                soci::use(now, "now"), soci::use(hash, "token_sha256"));
    use_link.execute(true);
    if (use_link.get_affected_rows() == 0) {
      found.state = invitation_state::used;
      return found;
    }
    if (password_hash) {
      session << "UPDATE people SET password_hash = :password_hash WHERE id = :id", soci::use(*password_hash, "password_hash"),
          soci::use(found.person->id, "id");
      // A new link for a forgotten password: whoever held the old one is signed out.
      end_sessions(session, found.person->id, now, "");
    }
    const auto before = *found.person;
    found.person = select_person(session, "WHERE p.id = :value", before.id);
    append_audit(session, {before.id, "accept_invitation", "person", before.id, audit_text(before), audit_text(*found.person)});
    tx.commit();
    db.access_changed();
    return found;
  });
}

void change_password(database& db, const std::string& id, const std::string& password_hash, const std::optional<std::string>& keep_session) {
  db.with_session([&](soci::session& session) {
    transaction tx{session};
    const auto before = select_person(session, "WHERE p.id = :value", id);
    if (!before) throw not_found({record::person, id});
    session << "UPDATE people SET password_hash = :password_hash WHERE id = :id", soci::use(password_hash, "password_hash"),
        soci::use(id, "id");
    end_sessions(session, id, utc_timestamp_now(), keep_session.value_or(""));
    append_audit(session, {id, "change_password", "person", id, audit_text(*before), audit_text(*select_person(session, "WHERE p.id = :value", id))});
    tx.commit();
    db.access_changed();
  });
}

std::optional<sign_in_candidate> person_by_email(database& db, const std::string& email) {
  return db.with_session([&](soci::session& session) -> std::optional<sign_in_candidate> {
    const auto found = select_person(session, "WHERE p.email_key = :value AND p.deactivated_at IS NULL", email_key(email));
    if (!found) return std::nullopt;
    std::string hash;
    soci::indicator hash_null = soci::i_ok;
    session << "SELECT password_hash FROM people WHERE id = :id", soci::use(found->id), soci::into(hash, hash_null);
    return sign_in_candidate{*found, hash_null == soci::i_ok ? std::optional{hash} : std::nullopt};
  });
}

}  // namespace jointbuy::store
