#include "catalog/ocds_release.hpp"

#include <map>

#include <boost/json.hpp>

namespace jointbuy::catalog {

namespace {

boost::json::object money(engine::rappen amount) { return {{"amount", engine::chf_from_rappen(amount)}, {"currency", "CHF"}}; }

std::string party_id(const std::string& organisation) {
  // BFS numbers are numeric, canton codes are letters (DOMAIN.md §3.4).
  const bool bfs = !organisation.empty() && organisation.find_first_not_of("0123456789") == std::string::npos;
  return (bfs ? "CH-BFS-" : "CH-KT-") + organisation;
}

const char* method(engine::procedure p) {
  switch (p) {
    case engine::procedure::free_hand: return "direct";
    case engine::procedure::invitation: return "limited";
    case engine::procedure::open: return "open";
  }
  return "open";
}

const char* method_details(engine::procedure p) {
  switch (p) {
    case engine::procedure::free_hand: return "Freihändiges Verfahren (IVöB 2019 Art. 21)";
    case engine::procedure::invitation: return "Einladungsverfahren (IVöB 2019 Art. 20)";
    case engine::procedure::open: return "Offenes Verfahren (IVöB 2019 Art. 18)";
  }
  return "";
}

// The state of the tender in OCDS words: the release tag and tender.status.
std::pair<const char*, const char*> stage(const std::string& status) {
  if (status == "tendered") return {"tender", "active"};
  if (status == "withdrawn" || status == "rejected") return {"tenderCancellation", "cancelled"};
  return {"planning", "planning"};
}

std::string date_time(engine::date day) { return engine::format_iso_date(day) + "T00:00:00Z"; }

}  // namespace

boost::json::object ocds_release(const ocds_tender& t) {
  const auto& b = t.tender;
  std::map<std::string, std::string> names;
  std::string lead;
  for (const auto& r : t.rows) {
    names[r.buyer] = r.buyer_name;
    if (r.lead) lead = r.buyer;
  }
  boost::json::array parties;
  for (const auto& [organisation, name] : names) {
    boost::json::array roles{"buyer"};
    if (organisation == lead) roles.push_back("procuringEntity");
    parties.push_back({{"id", party_id(organisation)}, {"name", name}, {"roles", std::move(roles)}});
  }
  boost::json::array items, related;
  for (const auto& r : t.rows) {
    boost::json::object unit{{"name", r.unit}};
    if (!r.withheld) unit["value"] = money(r.unit_price);
    items.push_back({{"id", std::to_string(r.intent)},
                     {"description", r.title + " (" + r.buyer_name + ")"},
                     {"classification", {{"scheme", "CPV"}, {"id", r.cpv}}},
                     {"quantity", r.quantity},
                     {"unit", std::move(unit)}});
    related.push_back({{"id", "intent-" + std::to_string(r.intent)},
                       {"relationship", boost::json::array{"planning"}},
                       {"title", "Purchase intent " + std::to_string(r.intent) + " of " + r.buyer_name},
                       {"scheme", "x-jointbuy-intent"},
                       {"identifier", std::to_string(r.intent)}});
  }
  const auto [tag, tender_status] = stage(t.status);
  const std::string title = t.rows.empty() ? b.compatibility_key : t.rows.front().title;
  boost::json::object tender{{"id", t.reference.value_or(b.id)},
                             {"title", title},
                             {"status", tender_status},
                             {"items", std::move(items)},
                             {"value", money(b.value)},
                             {"procurementMethod", method(b.procedure)},
                             {"procurementMethodDetails", method_details(b.procedure)},
                             {"mainProcurementCategory", b.procurement_type == engine::procurement_type::service ? "services" : "goods"},
                             {"awardPeriod", {{"startDate", date_time(b.award_from)}, {"endDate", date_time(b.award_to)}}}};
  boost::json::object release{{"ocid", std::string{ocid_prefix} + "-" + std::to_string(t.bundle)},
                              {"id", std::to_string(t.bundle) + "-" + std::to_string(t.version)},
                              {"date", t.updated_at},
                              {"tag", boost::json::array{tag}},
                              {"initiationType", "tender"},
                              {"language", "de"},
                              {"parties", std::move(parties)},
                              {"planning", {{"budget", {{"description", "Estimated contract value of the joint tender " + b.id},
                                                        {"amount", money(b.value)}}}}},
                              {"tender", std::move(tender)},
                              {"relatedProcesses", std::move(related)}};
  if (!lead.empty()) release["buyer"] = {{"id", party_id(lead)}, {"name", names[lead]}};
  return release;
}

}  // namespace jointbuy::catalog
