#include "catalog/call_off_release.hpp"

#include <boost/json.hpp>

#include "catalog/ocds_release.hpp"

namespace jointbuy::catalog {

namespace {

boost::json::object money(engine::rappen amount) { return {{"amount", engine::chf_from_rappen(amount)}, {"currency", "CHF"}}; }

std::string party_id(const std::string& organisation) {
  const bool bfs = !organisation.empty() && organisation.find_first_not_of("0123456789") == std::string::npos;
  return (bfs ? "CH-BFS-" : "CH-KT-") + organisation;
}

}  // namespace

std::string agreement_ocid(std::int64_t agreement) {
  std::string id{ocid_prefix};
  return id.append("-fa-").append(std::to_string(agreement));
}

boost::json::object call_off_release(const call_off_facts& c, const framework_agreement& agreement) {
  const std::string number = std::to_string(c.id);
  const std::string supplier_id = "supplier-fa-" + std::to_string(agreement.id);
  boost::json::array parties{
      boost::json::object{{"id", party_id(c.buyer)}, {"name", c.buyer_name}, {"roles", boost::json::array{"buyer"}}},
      boost::json::object{{"id", supplier_id}, {"name", agreement.supplier}, {"roles", boost::json::array{"supplier"}}}};
  boost::json::object item{{"id", "1"},
                           {"description", c.item_name},
                           {"classification", {{"scheme", "CPV"}, {"id", c.cpv}}},
                           {"quantity", c.quantity},
                           {"unit", {{"name", c.unit}, {"value", money(c.unit_price)}}}};
  const std::string when = c.date + "T00:00:00Z";
  std::string ocid{ocid_prefix};
  ocid.append("-co-").append(number);
  boost::json::object release{
      {"ocid", ocid},
      {"id", number + "-1"},
      {"date", c.created_at},
      {"tag", boost::json::array{"award", "contract"}},
      {"initiationType", "tender"},
      {"language", "de"},
      {"parties", std::move(parties)},
      {"buyer", {{"id", party_id(c.buyer)}, {"name", c.buyer_name}}},
      {"awards", boost::json::array{boost::json::object{{"id", "award-" + number},
                                                        {"title", "Abruf aus " + agreement.title},
                                                        {"status", "active"},
                                                        {"date", when},
                                                        {"value", money(c.value)},
                                                        {"suppliers", boost::json::array{{{"id", supplier_id}, {"name", agreement.supplier}}}},
                                                        {"items", boost::json::array{item}}}}},
      {"contracts", boost::json::array{boost::json::object{{"id", "contract-" + number},
                                                           {"awardID", "award-" + number},
                                                           {"title", "Abruf aus " + agreement.title},
                                                           {"status", "active"},
                                                           {"value", money(c.value)},
                                                           {"dateSigned", when},
                                                           {"items", boost::json::array{item}}}}},
      {"relatedProcesses", boost::json::array{boost::json::object{{"id", "framework-" + std::to_string(agreement.id)},
                                                                  {"relationship", boost::json::array{"framework"}},
                                                                  {"title", agreement.title},
                                                                  {"scheme", "ocid"},
                                                                  {"identifier", agreement_ocid(agreement.id)}}}}};
  return release;
}

}  // namespace jointbuy::catalog
