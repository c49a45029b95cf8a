#pragma once
// A call-off from a framework agreement as an OCDS 1.1 release: a contract of its own process,
// linked to the agreement's process through relatedProcesses with relationship "framework".

#include <cstdint>
#include <string>

#include <boost/json/object.hpp>

#include "catalog/framework_agreement.hpp"
#include "engine/money.hpp"

namespace jointbuy::catalog {

/// What a call-off release is made of.
struct call_off_facts {
  std::int64_t id = 0;
  std::string buyer;
  std::string buyer_name;
  std::string item;
  std::string item_name;
  std::string cpv;
  std::string unit;
  std::int64_t quantity = 0;
  engine::rappen unit_price = 0;
  engine::rappen value = 0;
  /// YYYY-MM-DD.
  std::string date;
  /// When it was ordered, ISO 8601 UTC.
  std::string created_at;
};

/// The release: the buyer and the agreement's supplier as parties, one award and one contract
/// with the item (CPV classification), quantity and value, and the agreement's process in
/// relatedProcesses (relationship "framework", scheme "ocid").
boost::json::object call_off_release(const call_off_facts& call_off, const framework_agreement& agreement);

/// The OCDS process id of an agreement ("ocds-jointbuy-lu-fa-3").
std::string agreement_ocid(std::int64_t agreement);

}  // namespace jointbuy::catalog
