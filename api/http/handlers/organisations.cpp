#include <boost/json.hpp>

#include "api/http/handlers/routes.hpp"
#include "api/http/problem.hpp"
#include "api/http/responses.hpp"
#include "api/store/organisations.hpp"
#include "api/store/tokens.hpp"

namespace jointbuy::http {

void add_organisation_routes(router& routes, store::database& db) {
  // Organisations are reference data: every authenticated caller may read all of them.
  routes.add(beast_http::verb::get, "/api/v1/organisations", access::authenticated, [&db](request_context& ctx) {
    const auto page = parse_page(ctx.target);
    store::organisation_query query{ctx.target.get("canton"), std::nullopt, page.after, page.limit};
    if (const auto kind = ctx.target.get("kind")) {
      query.kind = catalog::parse_organisation_kind(*kind);
      if (!query.kind) throw invalid_query({query_error("kind", "must be canton or municipality", "Art muss canton (Kanton) oder municipality (Gemeinde) sein")});
    }
    const auto result = store::list_organisations(db, query);
    boost::json::array items;
    for (const auto& org : result.items) items.push_back(boost::json::value_from(org));
    return list_response(ctx.req, std::move(items), result.next_after);
  });
  routes.add(beast_http::verb::get, "/api/v1/organisations/{id}", access::authenticated, [&db](request_context& ctx) {
    const auto org = store::find_organisation(db, ctx.param("id"));
    if (!org) throw store::not_found({store::record::organisation, ctx.param("id")});
    return json_response(ctx.req, status::ok, boost::json::value_from(*org));
  });
}

}  // namespace jointbuy::http
