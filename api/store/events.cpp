#include "api/store/events.hpp"

#include "api/store/row_select.hpp"
#include "api/store/timestamps.hpp"

namespace jointbuy::store {

namespace {

// Any fixed number: the lock that orders event writers on PostgreSQL.
constexpr long long event_order_lock = 0x6a6275797665;

struct event_row {
  long long id = 0, bundle = 0;
  std::string occurred_at, organisation, kind, details;
  soci::indicator organisation_null = soci::i_ok;

  void into(row_statement& s) {
    s, soci::into(id), soci::into(occurred_at), soci::into(organisation, organisation_null), soci::into(kind),
        soci::into(bundle), soci::into(details);
  }
  event_entry value() const {
    return {id, occurred_at,
            {organisation_null == soci::i_ok ? std::optional{organisation} : std::nullopt, kind, bundle, details}};
  }
};

}  // namespace

void append_event(soci::session& session, const event_record& r) {
  if (session.get_backend_name() == "postgresql") {
    long long locked = 0;
    session << "SELECT 1 FROM (SELECT pg_advisory_xact_lock(:lock)) AS l", soci::use(event_order_lock, "lock"), soci::into(locked);
  }
  const std::string occurred_at = utc_timestamp_now();
  const std::string organisation = r.organisation.value_or("");
  soci::indicator organisation_null = r.organisation ? soci::i_ok : soci::i_null;
  soci::indicator bundle_null = r.bundle != 0 ? soci::i_ok : soci::i_null;
  session << "INSERT INTO events (occurred_at, organisation_id, kind, bundle_id, details) "
             "VALUES (:occurred_at, :organisation_id, :kind, :bundle_id, :details)",
      soci::use(occurred_at, "occurred_at"), soci::use(organisation, organisation_null, "organisation_id"),
      soci::use(r.kind, "kind"), soci::use(r.bundle, bundle_null, "bundle_id"), soci::use(r.details, "details");
}

std::vector<event_entry> read_events(database& db, const std::optional<std::string>& organisation, long long since,
                                     int limit) {
  return db.with_session([&](soci::session& session) {
    const std::string columns = "SELECT id, occurred_at, organisation_id, kind, COALESCE(bundle_id, 0), details FROM events ";
    if (organisation) {
      return select_rows<event_row>(session, columns + "WHERE organisation_id = :organisation AND id > :since ORDER BY id LIMIT :limit",
                                    [&](auto& s) { s, soci::use(*organisation, "organisation"), soci::use(since, "since"), soci::use(limit, "limit"); });
    }
    return select_rows<event_row>(session, columns + "WHERE organisation_id IS NULL AND id > :since ORDER BY id LIMIT :limit",
                                  [&](auto& s) { s, soci::use(since, "since"), soci::use(limit, "limit"); });
  });
}

}  // namespace jointbuy::store
