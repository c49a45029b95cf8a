#include "api/http/handlers/intent_views.hpp"

#include <boost/json.hpp>

namespace jointbuy::http {

boost::json::object intent_view(const store::intent_record& record, const std::optional<store::current_tender>& tender) {
  const auto& f = record.fields;
  boost::json::object object{{"id", record.id},
                             {"organisation", f.organisation},
                             {"item", f.item},
                             {"category", engine::to_string(record.category)},
                             {"quantity", f.quantity},
                             {"earliest", engine::format_iso_date(f.earliest)},
                             {"latest", engine::format_iso_date(f.latest)},
                             {"note", f.note},
                             {"status", record.status},
                             {"value_chf", engine::chf_from_rappen(record.value)},
                             {"version", record.version},
                             {"created_at", record.created_at},
                             {"updated_at", record.updated_at}};
  object["unit_price_chf"] = f.unit_price ? boost::json::value(engine::chf_from_rappen(*f.unit_price)) : nullptr;
  object["contract_years"] = f.contract_years ? boost::json::value(*f.contract_years) : nullptr;
  object["call_off"] = record.call_off ? boost::json::value(*record.call_off) : nullptr;
  object["bundle"] = tender ? boost::json::value(boost::json::object{{"id", tender->id}, {"status", review::to_string(tender->status)}})
                            : boost::json::value(nullptr);
  return object;
}

}  // namespace jointbuy::http
