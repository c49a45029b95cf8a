#include "api/http/handlers/routes.hpp"

#include "api/mail/campaign_mail.hpp"
#include "api/store/sessions.hpp"
#include "api/store/tokens.hpp"
#include "api/store/verified_tokens.hpp"

namespace jointbuy::http {

router make_api_router(store::database& db, const catalog::reference_data& reference, std::shared_ptr<const static_files> pages,
                       std::optional<rate_limits> limits, sign_in_settings sign_in, campaign_settings campaigns) {
  const auto lifetimes = sign_in.lifetimes;
  // Verified tokens are kept until tokens or people change (in this process or any other).
  auto tokens = std::make_shared<store::verified_tokens>(db);
  router routes{[tokens](std::string_view bearer) { return tokens->verify(bearer); },
                [&db, lifetimes](std::string_view id) { return store::verify_session(db, id, lifetimes); },
                origin_policy{sign_in.public_url, sign_in.secure_cookies}};
  if (limits) routes.limit_rate(*limits);
  if (!campaigns.words) campaigns.words = mail::campaign_mail_composer(sign_in.public_url.empty() ? "http://127.0.0.1:8080" : sign_in.public_url);
  add_health_routes(routes, db);
  add_sign_in_routes(routes, db, sign_in);
  add_oidc_sign_in_routes(routes, db, sign_in);
  add_me_routes(routes, db);
  add_people_routes(routes, db, sign_in);
  add_organisation_routes(routes, db);
  add_catalog_routes(routes, db, reference);
  add_rules_routes(routes, reference);
  add_intent_routes(routes, db);
  add_audit_routes(routes, db);
  add_bundle_routes(routes, db, reference);
  add_bundle_review_routes(routes, db, reference);
  add_export_routes(routes, db);
  add_campaign_routes(routes, db, reference, campaigns);
  add_agreement_routes(routes, db);
  add_framework_tender_routes(routes, db, reference);
  add_event_routes(routes, db);
  // An invitation link (/invitations/<token>) opens the pages, which read the token from the path.
  if (pages) {
    routes.set_fallback([pages](const request& req, std::string_view path) {
      return pages->serve(req, path.starts_with("/invitations/") ? std::string_view{"/"} : path);
    });
  }
  return routes;
}

}  // namespace jointbuy::http
