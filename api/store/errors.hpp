#pragma once
// The store's errors: a small exception hierarchy that the HTTP layer maps to statuses in one place.

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "engine/review/actions.hpp"

namespace jointbuy::store {

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

/// A write collides with data that exists: a unique key is taken (409).
class conflict : public error {
 public:
  using error::error;
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

/// The caller's copy is out of date: the record's version is not the one it named (412).
class precondition_failed : public error {
 public:
  using error::error;
};

/// A record that a write refers to does not exist.
class not_found : public error {
 public:
  using error::error;
};

/// The database cannot be used with this binary: a bad URL, or a schema newer than the binary.
class configuration_error : public error {
 public:
  using error::error;
};

/// Rethrows the exception in flight as a store error: SOCI and backend errors are translated
/// (lost connection or lock timeout → unavailable, unique violation → conflict), store errors
/// pass through. With `connection_lost` (the session's connection is known to be gone), any
/// other failure is unavailable, whatever the driver called it. Call only inside a catch block.
[[noreturn]] void rethrow_as_store_error(bool connection_lost = false);

}  // namespace jointbuy::store
