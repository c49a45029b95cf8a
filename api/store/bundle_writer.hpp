#pragma once
// Writing the engine's tenders and flags into a run, with prepared statements reused row by row.
// SQLite commits only once its statements are finalised: destroy the writer before the commit.

#include <map>
#include <string>

#include <soci/soci.h>

#include "engine/bundling.hpp"

namespace jointbuy::store {

class bundle_writer {
 public:
  /// For run `run`; `intent_versions` gives the version each member intent had when it was read.
  bundle_writer(soci::session& session, long long run, const std::map<long long, int>& intent_versions);

  /// Stores `tender` with its members in `status`; returns the bundle's id.
  long long insert(const engine::bundle& tender, const std::string& status);

  /// Stores the members of `tender` as the members of bundle `bundle` (all pending).
  void insert_members(long long bundle, const engine::bundle& tender);

  /// Stores `flag` in the run.
  void insert(const engine::flag& flag);

 private:
  void bind_tender(const engine::bundle& tender);

  const std::map<long long, int>& intent_versions_;
  long long run_ = 0;
  long long bundle_id_ = 0, intent_id_ = 0, quantity_ = 0, value_ = 0, savings_ = 0;
  int buyers_ = 0, international_ = 0, lead_ = 0, intent_version_ = 0;
  std::string tender_, key_, category_, type_, cpv_, decision_, status_, from_, to_, procedure_, reasons_, organisation_,
      own_procedure_, now_, code_, message_, details_;
  soci::statement bundle_insert_;
  soci::statement member_insert_;
  soci::statement flag_insert_;
};

/// The tender's reasons as stored: a JSON array of {"code", "amounts", "texts"}.
std::string stored_reasons(const engine::bundle& tender);

}  // namespace jointbuy::store
