#pragma once
// Intents as the API shows them. The stored audit form is the store's own (store/intents.cpp).

#include <optional>

#include <boost/json/object.hpp>

#include "api/store/intents.hpp"
#include "api/store/tenders.hpp"

namespace jointbuy::http {

/// The intent: money in CHF, dates ISO, and `bundle` — the proposal or tender it belongs to now
/// ({"id", "status"}), or null when it is in none.
boost::json::object intent_view(const store::intent_record& record, const std::optional<store::current_tender>& tender);

}  // namespace jointbuy::http
