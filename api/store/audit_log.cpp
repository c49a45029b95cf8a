#include "api/store/audit_log.hpp"

#include <cctype>

#include "api/store/timestamps.hpp"

namespace jointbuy::store {

void append_audit(soci::session& session, const audit_record& r) {
  const std::string occurred_at = utc_timestamp_now();
  soci::indicator before_null = r.before ? soci::i_ok : soci::i_null;
  soci::indicator after_null = r.after ? soci::i_ok : soci::i_null;
  const std::string before = r.before.value_or("");
  const std::string after = r.after.value_or("");
  session << "INSERT INTO audit_log (occurred_at, actor, action, entity, entity_id, before_state, after_state) "
             "VALUES (:occurred_at, :actor, :action, :entity, :entity_id, :before_state, :after_state)",
      soci::use(occurred_at), soci::use(r.actor), soci::use(r.action), soci::use(r.entity),
      soci::use(r.entity_id), soci::use(before, before_null), soci::use(after, after_null);
}

namespace {

// The log with the actor's token and the record's organisation beside each entry. The CASE keeps
// PostgreSQL from casting ids of other records (catalogue item ids are not numbers).
constexpr const char* audit_from =
    " FROM audit_log a LEFT JOIN api_tokens t ON t.id = a.actor "
    "LEFT JOIN people ap ON ap.id = COALESCE(t.person_id, a.actor) "
    "LEFT JOIN intents i ON i.id = CASE WHEN a.entity = 'intent' THEN CAST(a.entity_id AS BIGINT) END "
    "LEFT JOIN api_tokens rt ON a.entity = 'token' AND rt.id = a.entity_id "
    "LEFT JOIN people rp ON a.entity = 'person' AND rp.id = a.entity_id "
    "LEFT JOIN organisations ao ON ao.id = COALESCE(ap.organisation_id, t.organisation_id) "
    "LEFT JOIN organisations ro ON ro.id = CASE a.entity WHEN 'intent' THEN i.organisation_id "
    "WHEN 'token' THEN rt.organisation_id WHEN 'person' THEN rp.organisation_id WHEN 'organisation' THEN a.entity_id END ";

constexpr const char* record_organisation =
    "CASE a.entity WHEN 'intent' THEN i.organisation_id WHEN 'token' THEN rt.organisation_id "
    "WHEN 'person' THEN rp.organisation_id WHEN 'organisation' THEN a.entity_id END";

// `text` lowered (ASCII) with LIKE's wildcards escaped, inside "%…%".
std::string contains_pattern(const std::string& text) {
  std::string pattern = "%";
  for (const char c : text) {
    if (c == '%' || c == '_' || c == '\\') pattern.push_back('\\');
    pattern.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  pattern.push_back('%');
  return pattern;
}

// The bound values of a search, alive as long as the statement that uses them.
struct search_values {
  explicit search_values(const audit_search& s)
      : entity(s.entity.value_or("")),
        entity_id(s.entity_id.value_or("")),
        organisation(s.organisation.value_or("")),
        person(s.person.value_or("")),
        person_pattern(contains_pattern(person)),
        from(s.from.value_or("0000")),
        to(s.to.value_or("9999")) {}

  std::string entity, entity_id, organisation, person, person_pattern, from, to;

  static std::string where() {
    std::string w = "WHERE (:any_entity = '' OR a.entity = :entity) AND (:any_entity_id = '' OR a.entity_id = :entity_id) "
                    "AND (:any_organisation = '' OR COALESCE(ap.organisation_id, t.organisation_id) = :organisation OR ";
    w.append(record_organisation)
        .append(" = :record_organisation) "
                "AND (:any_person = '' OR a.actor = :person OR ap.id = :person_id OR LOWER(COALESCE(ap.name, t.name)) LIKE :person_pattern "
                "ESCAPE '\\' OR LOWER(ap.email) LIKE :email_pattern ESCAPE '\\') "
                "AND a.occurred_at >= :from_time AND a.occurred_at < :to_time ");
    return w;
  }

  void bind(soci::details::prepare_temp_type& statement) const {
    statement, soci::use(entity, "any_entity"), soci::use(entity, "entity"), soci::use(entity_id, "any_entity_id"),
        soci::use(entity_id, "entity_id"), soci::use(organisation, "any_organisation"),
        soci::use(organisation, "organisation"), soci::use(organisation, "record_organisation"),
        soci::use(person, "any_person"), soci::use(person, "person"), soci::use(person, "person_id"), soci::use(person_pattern, "person_pattern"),
        soci::use(person_pattern, "email_pattern"),
        soci::use(from, "from_time"), soci::use(to, "to_time");
  }
};

}  // namespace

page<audit_entry> search_audit(database& db, const audit_search& search) {
  const search_values values{search};
  return db.with_session([&](soci::session& session) {
    return fetch_page(search.limit, [&](int fetch) {
      std::vector<audit_entry> entries;
      audit_entry e;
      long long id = 0;
      soci::indicator before_null = soci::i_ok, after_null = soci::i_ok;
      soci::indicator name_null = soci::i_ok, actor_org_null = soci::i_ok, org_null = soci::i_ok;
      soci::indicator actor_org_name_null = soci::i_ok, org_name_null = soci::i_ok;
      soci::indicator person_null = soci::i_ok, via_token_null = soci::i_ok;
      std::string before, after, name, actor_org, org, actor_org_name, org_name, person, via_token;
      std::string sql = "SELECT a.id, a.occurred_at, a.actor, a.action, a.entity, a.entity_id, a.before_state, "
                        "a.after_state, COALESCE(ap.name, t.name), COALESCE(ap.organisation_id, t.organisation_id), ao.name, ro.id, ro.name, "
                        "ap.id, CASE WHEN ap.id IS NOT NULL THEN t.name END";
      sql.append(audit_from).append(search_values::where());
      sql.append(search.newest_first ? "AND (:after_id = 0 OR a.id < :after_id) ORDER BY a.id DESC LIMIT :limit"
                                     : "AND a.id > :after_id ORDER BY a.id LIMIT :limit");
      auto prepared = (session.prepare << sql, soci::into(id), soci::into(e.occurred_at), soci::into(e.record.actor),
                       soci::into(e.record.action), soci::into(e.record.entity), soci::into(e.record.entity_id),
                       soci::into(before, before_null), soci::into(after, after_null), soci::into(name, name_null),
                       soci::into(actor_org, actor_org_null), soci::into(actor_org_name, actor_org_name_null),
                       soci::into(org, org_null), soci::into(org_name, org_name_null), soci::into(person, person_null),
                       soci::into(via_token, via_token_null));
      values.bind(prepared);
      prepared, soci::use(search.after, "after_id"), soci::use(fetch, "limit");
      soci::statement select{prepared};
      select.execute();
      while (select.fetch()) {
        e.id = id;
        e.record.before = before_null == soci::i_ok ? std::optional{before} : std::nullopt;
        e.record.after = after_null == soci::i_ok ? std::optional{after} : std::nullopt;
        e.actor_name = name_null == soci::i_ok ? std::optional{name} : std::nullopt;
        e.actor_organisation = actor_org_null == soci::i_ok ? std::optional{actor_org} : std::nullopt;
        e.actor_organisation_name = actor_org_name_null == soci::i_ok ? std::optional{actor_org_name} : std::nullopt;
        e.organisation = org_null == soci::i_ok ? std::optional{org} : std::nullopt;
        e.organisation_name = org_name_null == soci::i_ok ? std::optional{org_name} : std::nullopt;
        e.actor_person = person_null == soci::i_ok ? std::optional{person} : std::nullopt;
        e.actor_token_name = via_token_null == soci::i_ok ? std::optional{via_token} : std::nullopt;
        entries.push_back(e);
      }
      return entries;
    }, [](const audit_entry& entry) { return std::to_string(entry.id); });
  });
}

long long count_audit(database& db, const audit_search& search) {
  const search_values values{search};
  return db.with_session([&](soci::session& session) {
    long long count = 0;
    std::string sql = "SELECT COUNT(*)";
    sql.append(audit_from).append(search_values::where());
    auto prepared = (session.prepare << sql, soci::into(count));
    values.bind(prepared);
    soci::statement select{prepared};
    select.execute(true);
    return count;
  });
}

}  // namespace jointbuy::store
