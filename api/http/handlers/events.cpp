#include <boost/json.hpp>

#include "api/http/handlers/routes.hpp"
#include "api/http/problem.hpp"
#include "api/http/query.hpp"
#include "api/http/responses.hpp"
#include "api/store/display_names.hpp"
#include "api/store/events.hpp"

namespace jointbuy::http {

void add_event_routes(router& routes, store::database& db) {
  routes.add(beast_http::verb::get, "/api/v1/events", access::authenticated, [&db](request_context& ctx) {
    const auto page = parse_page(ctx.target);
    long long since = 0;
    if (const auto given = ctx.target.get("since"); given && *given != "0") {
      since = positive_id(*given);
      if (since == 0) throw invalid_query({query_error("since", "must be a non-negative integer (the id of the last event seen, or 0)", "since muss eine ganze Zahl ab 0 sein (die Nummer des zuletzt gesehenen Ereignisses, oder 0)")});
    }
    // A municipality reads its own feed; coordinators and auditors read the coordinators' feed.
    const std::optional<std::string> organisation =
        ctx.is_municipality() ? ctx.who().organisation : std::nullopt;
    const auto events = store::read_events(db, organisation, since, page.limit);
    boost::json::array items;
    std::optional<store::display_names> names;
    for (const auto& e : events) {
      auto details = boost::json::parse(e.record.details);
      boost::json::object item{{"id", e.id}, {"occurred_at", e.occurred_at}, {"kind", e.record.kind}, {"bundle", e.record.bundle != 0 ? boost::json::value(e.record.bundle) : boost::json::value(nullptr)}};
      // Who acted, by name: "Anna Muster (Kriens)" beside the actor's id in details.by.
      if (const auto* by = details.is_object() ? details.as_object().if_contains("by") : nullptr; by != nullptr && by->is_string()) {
        if (!names) names = store::read_display_names(db);
        item["by_name"] = names->person(std::string{by->as_string()});
      }
      item["details"] = std::move(details);
      items.push_back(std::move(item));
    }
    const long long last = events.empty() ? since : events.back().id;
    boost::json::object body{{"items", std::move(items)}, {"since", since}, {"next_since", last}};
    return json_response(ctx.req, status::ok, body);
  });
}

}  // namespace jointbuy::http
