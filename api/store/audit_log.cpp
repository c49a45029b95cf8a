#include "api/store/audit_log.hpp"

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

page<audit_entry> read_audit(database& db, const std::string& entity, const std::string& entity_id, long long after_id,
                             int limit) {
  return db.with_session([&](soci::session& session) {
    return fetch_page(limit, [&](int fetch) {
      std::vector<audit_entry> entries;
      audit_entry e;
      long long id = 0;
      soci::indicator before_null = soci::i_ok;
      soci::indicator after_null = soci::i_ok;
      std::string before;
      std::string after;
      soci::statement select =
          (session.prepare << "SELECT id, occurred_at, actor, action, entity, entity_id, before_state, after_state "
                              "FROM audit_log WHERE entity = :entity AND entity_id = :entity_id AND id > :after_id "
                              "ORDER BY id LIMIT :limit",
           soci::into(id), soci::into(e.occurred_at), soci::into(e.record.actor), soci::into(e.record.action),
           soci::into(e.record.entity), soci::into(e.record.entity_id), soci::into(before, before_null),
           soci::into(after, after_null), soci::use(entity), soci::use(entity_id), soci::use(after_id),
           soci::use(fetch));
      select.execute();
      while (select.fetch()) {
        e.id = id;
        e.record.before = before_null == soci::i_ok ? std::optional{before} : std::nullopt;
        e.record.after = after_null == soci::i_ok ? std::optional{after} : std::nullopt;
        entries.push_back(e);
      }
      return entries;
    }, [](const audit_entry& entry) { return std::to_string(entry.id); });
  });
}

}  // namespace jointbuy::store
