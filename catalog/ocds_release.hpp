#pragma once
// A joint tender as an OCDS 1.1 release (DOMAIN.md §5), for publication and for other systems.

#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "catalog/tender_schedule.hpp"
#include "engine/bundling.hpp"

namespace jointbuy::catalog {

/// What a release is made of: the stored tender, its schedule rows and its state.
struct ocds_tender {
  long long bundle = 0;
  int version = 1;
  /// proposed, approved, rejected, tendered, withdrawn or needs_review.
  std::string status;
  /// The tender's reference once tendered (its simap number).
  std::optional<std::string> reference;
  /// When the tender last changed, ISO 8601 UTC.
  std::string updated_at;
  engine::bundle tender;
  std::vector<schedule_row> rows;
};

/// The OCDS prefix of jointbuy's contracting process ids. Not registered with OCDS: a publisher
/// that registers one replaces it.
inline constexpr const char* ocid_prefix = "ocds-jointbuy-lu";

/// The release: parties (every buyer with role buyer; the lead buyer also procuringEntity and
/// the release's buyer), planning.budget, the tender with one item per member (CPV
/// classification), its value and the procurement method mapped from the procedure (free_hand →
/// direct, invitation → limited, open → open), and relatedProcesses naming each intent.
boost::json::object ocds_release(const ocds_tender& t);

}  // namespace jointbuy::catalog
