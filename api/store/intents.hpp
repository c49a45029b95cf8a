#pragma once
// Purchase intents in the store: created, read, listed, changed and withdrawn, every change audited
// in the same transaction.

#include <optional>
#include <string>
#include <vector>

#include "api/store/database.hpp"
#include "api/store/paging.hpp"
#include "catalog/intent_intake.hpp"

namespace jointbuy::store {

/// A stored intent with what the catalogue says about it.
struct intent_record {
  long long id = 0;
  catalog::intent_draft fields;
  /// "submitted" or "withdrawn".
  std::string status;
  /// The campaign whose answer the intent is part of, if any.
  std::optional<long long> campaign;
  /// The call-off that bought it from a framework agreement, if one did: later runs leave it out.
  std::optional<long long> call_off;
  int version = 0;
  std::string created_at;
  std::string updated_at;
  /// The contract value: quantity × (estimate or reference price) × term factor.
  engine::rappen value = 0;
  engine::category category = engine::category::hardware;
};

/// What create_intent did: stored a new intent, or found the one an earlier request with the
/// same Idempotency-Key created.
struct create_result {
  intent_record intent;
  bool replayed = false;
};

/// Stores a new intent (status submitted, version 1) with its audit record, atomically, audited
/// under `actor`; `terms` are its item's (as the intake checked them), for its value. On PostgreSQL
/// one statement, on SQLite one transaction. With an idempotency key the same key (per actor) and
/// the same `request_hash` return the first intent and create nothing; the same key with another
/// hash throws conflict (idempotency_key_reused).
create_result create_intent(soci::session& session, const catalog::intent_draft& fields, const catalog::item_terms& terms,
                            const std::string& actor, const std::optional<std::string>& idempotency_key,
                            const std::string& request_hash);

/// The same on a pooled session, with the item's terms read from the catalogue.
create_result create_intent(database& db, const catalog::intent_draft& fields, const std::string& actor,
                            const std::optional<std::string>& idempotency_key, const std::string& request_hash);

/// What an import stored: the intents' ids and their value; `replayed` when the import is an
/// earlier one's, found by its Idempotency-Key.
struct import_receipt {
  std::vector<long long> ids;
  engine::rappen value = 0;
  bool replayed = false;
};

/// The receipt of `actor`'s earlier import with `idempotency_key`, if there is one and its request
/// hash is `request_hash`; the same key with another hash throws conflict (idempotency_key_reused).
std::optional<import_receipt> earlier_import(soci::session& session, const std::string& actor, const std::string& idempotency_key,
                                             const std::string& request_hash);

/// Stores all `drafts` in one transaction, each audited as an import; all or nothing. With an
/// idempotency key the receipt is kept, and a concurrent import with the same key and hash gets
/// the receipt of the one that committed first.
import_receipt import_intents(soci::session& session, const std::vector<catalog::intent_draft>& drafts, const std::string& actor,
                              const std::optional<std::string>& idempotency_key = std::nullopt,
                              const std::string& request_hash = {});

/// The intake's look-ups (catalogue items, organisations) in `session`, the request's one session.
catalog::intake_lookups intake_lookups_in(soci::session& session);

/// Every submitted (not withdrawn, not called off) intent outside campaigns, read in the caller's session (and so in
/// its transaction): what a run without a campaign bundles.
std::vector<intent_record> submitted_intents(soci::session& session);

/// The submitted intents of campaign `campaign`'s answers, in the caller's session.
std::vector<intent_record> campaign_intents(soci::session& session, long long campaign);

/// Inside the caller's transaction: withdraws `organisation`'s earlier intents of campaign
/// `campaign` and stores `drafts` linked to it, each audited under `actor`. Returns the new ids.
std::vector<long long> add_answer_intents(soci::session& session, long long campaign, const std::string& organisation,
                                          const std::vector<catalog::intent_draft>& drafts, const std::string& actor);

/// The intent `id`, if there is one.
std::optional<intent_record> find_intent(database& db, long long id);

/// The same, read in the caller's session (and so in its transaction).
std::optional<intent_record> find_intent(soci::session& session, long long id);

/// Which intents to list; empty filters match all. A window overlaps [from, to] when it has a day in it.
struct intent_filter {
  std::optional<std::string> organisation;
  std::optional<std::string> item;
  std::optional<engine::category> category;
  std::optional<std::string> status;
  std::optional<engine::date> from;
  std::optional<engine::date> to;
  long long after = 0;
  int limit = 50;
};

/// One page of intents, in id order, and the id to continue after.
using intent_page = page<intent_record>;

/// Lists intents by `filter`.
intent_page list_intents(database& db, const intent_filter& filter);

/// Replaces the fields of intent `id` if its version is `expected_version`; the version rises by
/// one; audited with before and after. Returns the stored intent. Throws not_found, stale_version,
/// or conflict (withdrawn) for a withdrawn intent.
intent_record update_intent(soci::session& session, long long id, const catalog::intent_draft& fields, int expected_version,
                            const std::string& actor);

/// Withdraws intent `id` (kept for the record, status withdrawn), at `expected_version` when given,
/// and returns it. A withdrawn intent stays as it is. Throws not_found or stale_version.
intent_record withdraw_intent(soci::session& session, long long id, std::optional<int> expected_version,
                              const std::string& actor);

}  // namespace jointbuy::store
