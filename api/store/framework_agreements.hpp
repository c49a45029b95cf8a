#pragma once
// Framework agreements in the store (DOMAIN.md §4.8): created and changed by coordinators with
// version and If-Match like the catalogue, every change audited; their call-offs take the ceiling
// by one conditional update, so that concurrent call-offs never exceed it.

#include <optional>
#include <string>
#include <vector>

#include "api/store/database.hpp"
#include "catalog/framework_agreement.hpp"

namespace jointbuy::store {

/// Every agreement, in id order, read in the caller's session (and so its transaction).
std::vector<catalog::framework_agreement> all_agreements(soci::session& session);

/// The same on a pooled session.
std::vector<catalog::framework_agreement> all_agreements(database& db);

/// The agreement `id`, if there is one.
std::optional<catalog::framework_agreement> find_agreement(database& db, long long id);

/// Stores a new agreement at version 1 with nothing consumed, audited; returns it with its id.
catalog::framework_agreement create_agreement(database& db, catalog::framework_agreement value, const std::string& actor);

/// The same in the caller's session and transaction, with `value.tender` (an award's tender) stored too.
catalog::framework_agreement create_agreement(soci::session& session, const catalog::framework_agreement& value, const std::string& actor);

/// Replaces the agreement `value.id` if it is at `expected_version` (its consumption stays the
/// store's), audited with before and after. Throws not_found, stale_version, or call_off_refused
/// (ceiling_below_consumed) when the new ceiling is below what the call-offs took.
catalog::framework_agreement update_agreement(database& db, catalog::framework_agreement value, int expected_version,
                                              const std::string& actor);

/// A call-off as requested: from an intent, or an item and a quantity for an organisation.
struct call_off_request {
  long long agreement = 0;
  std::optional<long long> intent;
  std::string organisation;
  std::string item;
  long long quantity = 0;
  /// The call-off date; the price list valid on it sets the price.
  engine::date date;
};

struct call_off_record {
  long long id = 0;
  long long agreement = 0;
  std::string organisation;
  std::string item;
  long long quantity = 0;
  engine::rappen unit_price = 0;
  engine::rappen value = 0;
  std::string date;
  std::optional<long long> intent;
  std::string created_by;
  std::string created_at;
};

/// Orders a call-off in one transaction: checks validity, eligibility and the price list
/// (call_off_refused), takes the ceiling by a conditional update (call_off_refused
/// ceiling_exceeded with what is left when it does not hold it), stores the call-off, marks its
/// intent as bought this way (conflict called_off when it was already; not_found when the intent
/// is not the organisation's or withdrawn), audits it, and at 80 % of the ceiling writes the
/// coordinators' event once. An intent's quantity, organisation and item are the intent's; its
/// value is quantity × price × the intent's term factor.
call_off_record call_off(database& db, const call_off_request& request, const std::string& actor);

/// The call-offs of agreement `agreement` (or every agreement: 0), optionally of one organisation, in id order.
std::vector<call_off_record> list_call_offs(database& db, long long agreement, const std::optional<std::string>& organisation);

/// The call-off `id`, if there is one.
std::optional<call_off_record> find_call_off(database& db, long long id);

}  // namespace jointbuy::store
