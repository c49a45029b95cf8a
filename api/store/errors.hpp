#pragma once
// The store's errors: a small exception hierarchy whose members carry the facts (which record,
// which versions, which rule). The HTTP layer turns them into statuses and words in one place;
// what() is an English sentence for logs and the command line, never shown to an API client.

#include <exception>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "engine/campaign/lifecycle.hpp"
#include "engine/review/actions.hpp"

namespace jointbuy::store {

/// The kinds of record the store keeps, as its errors name them.
enum class record { intent, catalogue_item, organisation, bundle, bundling_run, token, person, campaign, framework_agreement, opportunity };

/// "intent", "catalogue item", "organisation", "bundle", "bundling run", "token", "person", "campaign", "framework agreement",
/// "agreement opportunity" (a horizon, "laptop-standard/2027-01-04").
std::string_view to_string(record kind);

/// One record: its kind and its id as the caller named it.
struct record_ref {
  store::record kind = store::record::intent;
  std::string id;
};

/// Base of every error the store throws.
class error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The database cannot be reached, or stayed busy past the timeouts. Retrying later may work (503).
class unavailable : public error {
 public:
  using error::error;
};

/// A write collides with what is stored.
class conflict : public error {
 public:
  enum class reason {
    /// A unique key is taken: the record `subject` exists already (or, from the database, some key).
    key_taken,
    /// An Idempotency-Key was used before for a different request.
    idempotency_key_reused,
    /// The record `subject` is withdrawn and cannot change any more.
    withdrawn,
    /// The intent `subject` is part of a campaign's answer: it changes with the answer only.
    campaign_answer,
    /// The intent `subject` was bought by a call-off from a framework agreement.
    called_off,
    /// The intent `subject` belongs to a tender a coordinator acted on (approved, tendered, under
    /// review): it cannot join a framework tender, nor be called off (but from the agreement its
    /// own framework tender was awarded into).
    in_tender,
    /// A framework tender on this opportunity exists already: the bundle `subject`.
    framework_tender_started,
    /// The framework tender `subject` is not tendered (yet): only a tendered one is awarded.
    not_tendered,
    /// The framework tender `subject` was awarded already: it has its agreement.
    awarded,
  };
  conflict(reason why, std::optional<record_ref> subject, const std::string& internal);
  reason why() const { return why_; }
  const std::optional<record_ref>& subject() const { return subject_; }

 private:
  reason why_;
  std::optional<record_ref> subject_;
};

/// A request that the review's rules refuse, with the facts: which rule, the tender's status and
/// version, the actions allowed instead. The words are the HTTP layer's.
class refused : public error {
 public:
  explicit refused(review::refusal facts)
      : error("refused: " + std::string{review::to_string(facts.action)} + " on tender " + std::to_string(facts.tender)),
        facts_(std::move(facts)) {}
  const review::refusal& facts() const { return facts_; }

 private:
  review::refusal facts_;
};

/// A campaign request that the campaign's state refuses: a coordinator's action (`facts`), or an
/// answer while the campaign does not take answers (`facts` empty). The words are the HTTP layer's.
class campaign_refused : public error {
 public:
  struct details {
    long long campaign = 0;
    campaign::state current = campaign::state::draft;
    /// A coordinator's action that was refused; none for an answer.
    std::optional<campaign::refusal> facts;
    /// When the campaign closed (or closes), as stored.
    std::string closes_at;
    /// The coordinator in charge, to contact: name and e-mail address (empty when unknown).
    std::string contact_name, contact_email;
  };
  explicit campaign_refused(details facts)
      : error(std::string{"refused on campaign "}.append(std::to_string(facts.campaign))), details_(std::move(facts)) {}
  const details& facts() const { return details_; }

 private:
  details details_;
};

/// A call-off that the agreement refuses (DOMAIN.md §4.8): the facts, the words are the HTTP layer's.
class call_off_refused : public error {
 public:
  enum class reason {
    /// The call-off date lies outside the agreement's validity.
    not_valid,
    /// The buyer may not call off from this agreement.
    not_eligible,
    /// The item is not in the price list (or no price is in force on the date).
    not_listed,
    /// What is left of the ceiling does not hold the call-off (409).
    ceiling_exceeded,
    /// The ceiling changed below what the call-offs have taken (an update of the agreement, 409).
    ceiling_below_consumed,
  };
  struct details {
    reason why = reason::not_valid;
    long long agreement = 0;
    std::string valid_from, valid_to, date, organisation, item;
    long long value = 0, remaining = 0, quantity = 0;
    std::optional<long long> remaining_quantity;
  };
  explicit call_off_refused(details facts)
      : error(std::string{"call-off refused by agreement "}.append(std::to_string(facts.agreement))), details_(std::move(facts)) {}
  const details& facts() const { return details_; }

 private:
  details details_;
};

/// The caller's copy is out of date: the record is at version `current`, not `expected` (412).
/// `current` is 0 when a concurrent writer changed it and its new version is not known.
class stale_version : public error {
 public:
  stale_version(record_ref subject, int expected, int current);
  const record_ref& subject() const { return subject_; }
  int expected() const { return expected_; }
  int current() const { return current_; }

 private:
  record_ref subject_;
  int expected_;
  int current_;
};

/// A record that a request names does not exist (or the caller may not know that it does).
class not_found : public error {
 public:
  explicit not_found(record_ref subject);
  const record_ref& subject() const { return subject_; }

 private:
  record_ref subject_;
};

/// The database cannot be used with this binary: a bad URL, or a schema newer than the binary.
class configuration_error : public error {
 public:
  using error::error;
};

/// True when `error` is a taken unique key, as any backend reports it (store::conflict key_taken
/// once translated): the race an idempotent write loses to a concurrent one with the same key.
bool key_taken(std::exception_ptr error);

/// Rethrows the exception in flight as a store error: SOCI and backend errors are translated
/// (lost connection or lock timeout → unavailable, unique violation → conflict), store errors
/// pass through. With `connection_lost` (the session's connection is known to be gone), any
/// other failure is unavailable, whatever the driver called it. Call only inside a catch block.
[[noreturn]] void rethrow_as_store_error(bool connection_lost = false);

}  // namespace jointbuy::store
