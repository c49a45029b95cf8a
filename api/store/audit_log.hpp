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
inline constexpr const char* audited_entities[] = {"intent", "bundle", "bundling_run", "catalog_item", "organisation", "token", "person", "sign_in", "campaign", "framework_agreement", "call_off"};

/// A recorded change, with its sequence number and time, and what the log knows of who made it
/// and whose record it was.
struct audit_entry {
  long long id = 0;
  std::string occurred_at;
  audit_record record;
  /// The name of the person who acted (directly or with a personal token), or of the machine
  /// token that acted; nothing for a command-line tool.
  std::optional<std::string> actor_name;
  /// The person who acted, when a person did.
  std::optional<std::string> actor_person;
  /// The name of the personal token the person used, when they used one.
  std::optional<std::string> actor_token_name;
  /// The organisation of the actor (people and tokens of a municipality), and its name.
  std::optional<std::string> actor_organisation;
  std::optional<std::string> actor_organisation_name;
  /// The organisation the record belongs to: an intent's, a token's, or the organisation itself;
  /// and its name.
  std::optional<std::string> organisation;
  std::optional<std::string> organisation_name;
};

/// What to look for in the log; every field narrows the search, none means every entry.
struct audit_search {
  std::optional<std::string> entity;
  /// Only with `entity`.
  std::optional<std::string> entity_id;
  /// Entries of this organisation's records or made by its people.
  std::optional<std::string> organisation;
  /// The actor's person or token id, or a part of the name or e-mail address (case-insensitive).
  std::optional<std::string> person;
  /// occurred_at ≥ from and < to: RFC 3339 UTC timestamps ("2026-12-01T23:00:00Z").
  std::optional<std::string> from;
  std::optional<std::string> to;
  /// The newest entries first (a reader's view); then `after` is the id the page continues below.
  bool newest_first = false;
  long long after = 0;
  int limit = 500;
};

/// Appends `record` inside the caller's transaction, so the change and its record commit together.
void append_audit(soci::session& session, const audit_record& record);

/// One page of the entries `search` finds, oldest first.
page<audit_entry> search_audit(database& db, const audit_search& search);

/// How many entries `search` finds (its `after` and `limit` are ignored).
long long count_audit(database& db, const audit_search& search);

}  // namespace jointbuy::store
