#include <algorithm>

#include <boost/json.hpp>

#include "api/http/handlers/routes.hpp"
#include "api/http/problem.hpp"
#include "api/http/responses.hpp"
#include "api/store/audit_log.hpp"
#include "api/store/paging.hpp"

namespace jointbuy::http {

namespace {

boost::json::value parsed_or_null(const std::optional<std::string>& text) {
  if (!text) return nullptr;
  boost::system::error_code ec;
  auto value = boost::json::parse(*text, ec);
  return ec ? boost::json::value(*text) : value;
}

}  // namespace

void add_audit_routes(router& routes, store::database& db) {
  routes.add(beast_http::verb::get, "/api/v1/audit", access::authenticated, [&db](request_context& ctx) {
    require_role(ctx, {store::role::coordinator, store::role::auditor});
    const auto entity = ctx.target.get("entity");
    const auto id = ctx.target.get("id");
    std::vector<field_error> errors;
    std::string entities;
    for (const auto* e : store::audited_entities) entities.append(entities.empty() ? "" : ", ").append(e);
    const bool known = entity && std::any_of(std::begin(store::audited_entities), std::end(store::audited_entities),
                                             [&](const char* e) { return *entity == e; });
    if (!entity || entity->empty()) {
      errors.push_back({"entity", "is required (" + entities + ")"});
    } else if (!known) {
      errors.push_back({"entity", "must be one of " + entities});
    }
    if (!id || id->empty()) errors.push_back({"id", "is required"});
    if (!errors.empty()) throw bad_request("entity and id name the record whose history to show.", std::move(errors));
    const auto page = parse_page(ctx.target);
    const auto entries = store::read_audit(db, *entity, *id, after_id(page), page.limit);
    boost::json::array items;
    for (const auto& e : entries.items) {
      items.push_back({{"id", e.id},
                       {"occurred_at", e.occurred_at},
                       {"actor", e.record.actor},
                       {"action", e.record.action},
                       {"entity", e.record.entity},
                       {"entity_id", e.record.entity_id},
                       {"before", parsed_or_null(e.record.before)},
                       {"after", parsed_or_null(e.record.after)}});
    }
    return list_response(ctx.req, std::move(items), entries.next_after);
  });
}

}  // namespace jointbuy::http
