#include <boost/json.hpp>

#include "api/http/handlers/bundle_views.hpp"
#include "api/http/handlers/routes.hpp"
#include "api/http/json_body.hpp"
#include "api/http/problem.hpp"
#include "api/http/query.hpp"
#include "api/http/responses.hpp"
#include "api/store/bundle_review.hpp"

namespace jointbuy::http {

namespace {

int required_version(const request_context& ctx) {
  const auto expected = if_match_version(ctx.req);
  if (!expected) {
    throw problem(status::precondition_required, "version-required", "If-Match is required",
                  "Send If-Match with the bundle's ETag, so that two people deciding at once cannot both win.");
  }
  return *expected;
}

long long bundle_id(const request_context& ctx) {
  const auto id = positive_id(ctx.param("id"));
  if (id == 0) throw not_found("There is no bundle " + ctx.param("id") + ".");
  return id;
}

std::string comment_of(const boost::json::value& body) {
  const auto* comment = body.as_object().if_contains("comment");
  return comment != nullptr ? std::string{comment->as_string()} : std::string{};
}

response bundle_answer(const request_context& ctx, const store::bundle_record& b) {
  auto res = json_response(ctx.req, status::ok, bundle_view(b, preferred_language(ctx.req), bundle_viewer(ctx)));
  set_version_etag(res, b.version);
  return res;
}

}  // namespace

void add_bundle_review_routes(router& routes, store::database& db, const catalog::reference_data& reference) {
  routes.add(beast_http::verb::post, "/api/v1/bundles/{id}/decision", access::authenticated, [&db, &reference](request_context& ctx) {
    require_role(ctx, {store::role::coordinator});
    const auto id = bundle_id(ctx);
    const auto body = parse_json_body(ctx.req);
    require_schema("bundle-decision", body);
    const auto action = *store::parse_review_action(body.at("decision").as_string());
    std::optional<std::string> tender_reference;
    if (const auto* r = body.as_object().if_contains("reference")) tender_reference = std::string{r->as_string()};
    if (action == store::review_action::tendered && !tender_reference) {
      throw unprocessable({{"reference", "is required when the tender is published (its simap number, say)"}});
    }
    const auto version = required_version(ctx);
    return bundle_answer(ctx, store::decide(db, {reference, ctx.who().token_id}, id, version, action, comment_of(body), tender_reference));
  });

  routes.add(beast_http::verb::post, "/api/v1/bundles/{id}/participation", access::authenticated,
             [&db, &reference](request_context& ctx) {
               require_role(ctx, {store::role::municipality});
               // A tender the municipality is not part of does not exist for it, whatever the body says.
               const auto id = visible_bundle(ctx, db).id;
               const auto body = parse_json_body(ctx.req);
               require_schema("participation", body);
               const bool confirm = body.at("answer").as_string() == "confirm";
               const auto version = required_version(ctx);
               return bundle_answer(ctx, store::answer(db, {reference, ctx.who().token_id}, id, version, ctx.who().organisation.value_or(""),
                                                       confirm, comment_of(body)));
             });

  routes.add(beast_http::verb::post, "/api/v1/bundles/{id}/move-out", access::authenticated, [&db, &reference](request_context& ctx) {
    require_role(ctx, {store::role::coordinator});
    const auto id = bundle_id(ctx);
    const auto body = parse_json_body(ctx.req);
    require_schema("bundle-adjustment", body);
    const auto* intent = body.as_object().if_contains("intent");
    if (intent == nullptr) throw unprocessable({{"intent", "is required"}});
    const auto version = required_version(ctx);
    return bundle_answer(ctx, store::move_out(db, {reference, ctx.who().token_id}, id, version, intent->to_number<long long>(),
                                              comment_of(body)));
  });

  routes.add(beast_http::verb::post, "/api/v1/bundles/{id}/merge", access::authenticated, [&db, &reference](request_context& ctx) {
    require_role(ctx, {store::role::coordinator});
    const auto id = bundle_id(ctx);
    const auto body = parse_json_body(ctx.req);
    require_schema("bundle-adjustment", body);
    const auto* other = body.as_object().if_contains("with");
    if (other == nullptr) throw unprocessable({{"with", "is required"}});
    const auto version = required_version(ctx);
    return bundle_answer(ctx, store::merge(db, {reference, ctx.who().token_id}, id, version, other->to_number<long long>(),
                                           comment_of(body)));
  });

  routes.add(beast_http::verb::get, "/api/v1/bundles/{id}/decisions", access::authenticated, [&db](request_context& ctx) {
    const auto b = visible_bundle(ctx, db);
    const auto viewer = bundle_viewer(ctx);
    boost::json::array items;
    for (const auto& d : store::decisions_of(db, b.id)) {
      auto details = boost::json::parse(d.details);
      // The states before and after a re-evaluation show the members as a bundle does.
      for (const char* side : {"before", "after"}) {
        auto* state = details.as_object().if_contains(side);
        if (viewer && state != nullptr && state->is_object()) restrict_to_viewer(state->as_object(), *viewer);
      }
      boost::json::object json{{"id", d.id},         {"decided_by", d.decided_by}, {"decision", d.decision},
                               {"from_status", d.from_status}, {"to_status", d.to_status},   {"comment", d.comment},
                               {"decided_at", d.decided_at},   {"details", std::move(details)}};
      if (d.reference) json["reference"] = *d.reference;
      items.push_back(std::move(json));
    }
    return list_response(ctx.req, std::move(items), std::nullopt);
  });
}

}  // namespace jointbuy::http
