#pragma once
// The append-only audit log: who changed which record, when, and how it looked before and after.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "api/store/database.hpp"
#include "api/store/paging.hpp"

namespace jointbuy::store {

/// One change to record. `before` and `after` are JSON texts of the record (absent on create/delete).
struct audit_record {
  std::string actor;
  std::string action;
  std::string entity;
  std::string entity_id;
  std::optional<std::string> before;
  std::optional<std::string> after;
};

/// The kinds of record the audit log holds (audit_record::entity).
inline constexpr const char* audited_entities[] = {"intent", "bundle", "bundling_run", "catalog_item", "organisation", "token"};

/// A recorded change, with its sequence number and time.
struct audit_entry {
  long long id = 0;
  std::string occurred_at;
  audit_record record;
};

/// Appends `record` inside the caller's transaction, so the change and its record commit together.
void append_audit(soci::session& session, const audit_record& record);

/// One page of the recorded changes of one record, oldest first, after sequence number `after_id`.
page<audit_entry> read_audit(database& db, const std::string& entity, const std::string& entity_id, long long after_id = 0,
                             int limit = 500);

}  // namespace jointbuy::store
