#include <boost/json.hpp>

#include "api/http/handlers/bundle_views.hpp"
#include "api/http/handlers/routes.hpp"
#include "api/http/json_body.hpp"
#include "api/http/problem.hpp"
#include "api/http/query.hpp"
#include "api/http/responses.hpp"
#include "api/store/tender_review.hpp"

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
  if (id == 0) throw store::not_found({store::record::bundle, ctx.param("id")});
  return id;
}

std::string comment_of(const boost::json::value& body) {
  const auto* comment = body.as_object().if_contains("comment");
  return comment != nullptr ? std::string{comment->as_string()} : std::string{};
}

// The one path of every review request: the body checked against its schema, the version from
// If-Match, the store's review, the tender as the caller sees it now.
using request_reader = void (*)(const boost::json::object& body, store::tender_request& request);

response review(request_context& ctx, store::database& db, const catalog::reference_data& reference, long long id,
                const char* schema, request_reader read) {
  const auto body = parse_json_body(ctx.req);
  require_schema(schema, body, preferred_language(ctx.req));
  store::tender_request request;
  request.comment = comment_of(body);
  read(body.as_object(), request);
  request.expected_version = required_version(ctx);
  const auto who = review_actor(ctx);
  const auto b = store::review_tender(db, {reference, who}, id, request);
  auto res = json_response(ctx.req, status::ok, bundle_view(b, preferred_language(ctx.req), who, store::read_display_names(db)));
  set_version_etag(res, b.version);
  return res;
}

void read_decision(const boost::json::object& body, store::tender_request& request) {
  const auto action = review::parse_action(body.at("decision").as_string());
  using review::action;
  if (!action || (*action != action::approve && *action != action::reject && *action != action::tendered && *action != action::withdraw)) {
    throw unprocessable({{"decision", "must be approve, reject, tendered or withdraw"}});
  }
  request.action = *action;
  if (const auto* r = body.if_contains("reference")) request.reference = std::string{r->as_string()};
  if (request.action == review::action::tendered && !request.reference) {
    throw unprocessable({{"reference", "is required when the tender is published (its simap number, say)"}});
  }
}

void read_participation(const boost::json::object& body, store::tender_request& request) {
  request.action = body.at("answer").as_string() == "confirm" ? review::action::confirm : review::action::decline;
}

void read_move_out(const boost::json::object& body, store::tender_request& request) {
  const auto* intent = body.if_contains("intent");
  if (intent == nullptr) throw unprocessable({{"intent", "is required"}});
  request.action = review::action::move_out;
  request.intent = intent->to_number<long long>();
}

void read_merge(const boost::json::object& body, store::tender_request& request) {
  const auto* other = body.if_contains("with");
  if (other == nullptr) throw unprocessable({{"with", "is required"}});
  request.action = review::action::merge;
  request.other = other->to_number<long long>();
}

}  // namespace

void add_bundle_review_routes(router& routes, store::database& db, const catalog::reference_data& reference) {
  routes.add(beast_http::verb::post, "/api/v1/bundles/{id}/decision", access::authenticated, [&db, &reference](request_context& ctx) {
    require_role(ctx, {store::role::coordinator});
    return review(ctx, db, reference, bundle_id(ctx), "bundle-decision", read_decision);
  });

  routes.add(beast_http::verb::post, "/api/v1/bundles/{id}/participation", access::authenticated,
             [&db, &reference](request_context& ctx) {
               require_role(ctx, {store::role::municipality});
               // A tender the municipality is not part of does not exist for it, whatever the body says.
               return review(ctx, db, reference, visible_bundle(ctx, db).id, "participation", read_participation);
             });

  routes.add(beast_http::verb::post, "/api/v1/bundles/{id}/move-out", access::authenticated, [&db, &reference](request_context& ctx) {
    require_role(ctx, {store::role::coordinator});
    return review(ctx, db, reference, bundle_id(ctx), "bundle-adjustment", read_move_out);
  });

  routes.add(beast_http::verb::post, "/api/v1/bundles/{id}/merge", access::authenticated, [&db, &reference](request_context& ctx) {
    require_role(ctx, {store::role::coordinator});
    return review(ctx, db, reference, bundle_id(ctx), "bundle-adjustment", read_merge);
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
      boost::json::object json{{"id", d.id},         {"decided_by", d.decided_by}, {"decision", d.action},
                               {"from_status", d.from_status}, {"to_status", d.to_status},   {"comment", d.comment},
                               {"decided_at", d.decided_at},   {"details", std::move(details)}};
      if (d.reference) json["reference"] = *d.reference;
      json["decided_by_name"] = d.decided_by_name;
      json["decided_by_organisation"] = d.decided_by_organisation ? boost::json::value(*d.decided_by_organisation) : nullptr;
      json["decided_by_organisation_name"] =
          d.decided_by_organisation_name ? boost::json::value(*d.decided_by_organisation_name) : nullptr;
      items.push_back(std::move(json));
    }
    return list_response(ctx.req, std::move(items), std::nullopt);
  });
}

}  // namespace jointbuy::http
