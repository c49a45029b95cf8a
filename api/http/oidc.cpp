#include "api/http/oidc.hpp"

#include <chrono>

#include <boost/json.hpp>
#include <openssl/evp.h>

#include "api/http/jws.hpp"
#include "api/http/outbound.hpp"
#include "api/store/token_secret.hpp"

namespace jointbuy::http {

namespace {

// Clocks of two servers differ: a minute either way is tolerated.
constexpr long long clock_skew_seconds = 60;

boost::json::object json_answer(const outbound_reply& reply, const std::string& what) {
  if (reply.status != 200) throw oidc_refused(oidc_failure::provider_unavailable, what + " answered " + std::to_string(reply.status));
  boost::json::error_code ec;
  auto value = boost::json::parse(reply.body, ec);
  if (ec || !value.is_object()) throw oidc_refused(oidc_failure::provider_unavailable, what + " is not a JSON object");
  return std::move(value.as_object());
}

std::string text_member(const boost::json::object& o, const char* name) {
  const auto* value = o.if_contains(name);
  return value != nullptr && value->is_string() ? std::string{value->as_string()} : std::string{};
}

std::string code_challenge(const std::string& verifier) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(verifier.data(), verifier.size(), digest, &length, EVP_sha256(), nullptr);
  return base64url_encode(std::string_view{reinterpret_cast<const char*>(digest), length});
}

// Standard base64 with padding, as HTTP Basic credentials are written (RFC 7617).
std::string base64_standard(const std::string& bytes) {
  std::string text(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int length = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(text.data()), reinterpret_cast<const unsigned char*>(bytes.data()),
                                     static_cast<int>(bytes.size()));
  text.resize(static_cast<std::size_t>(length));
  return text;
}

bool verified_flag(const boost::json::object& claims) {
  const auto* verified = claims.if_contains("email_verified");
  return verified != nullptr && ((verified->is_bool() && verified->as_bool()) || (verified->is_string() && verified->as_string() == "true"));
}

long long now_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

bool audience_fits(const boost::json::object& claims, const std::string& client_id) {
  const auto* aud = claims.if_contains("aud");
  if (aud == nullptr) return false;
  if (aud->is_string()) return aud->as_string() == client_id;
  if (!aud->is_array()) return false;
  bool listed = false;
  for (const auto& a : aud->as_array()) listed |= a.is_string() && a.as_string() == client_id;
  // With several audiences the token must name jointbuy as the party it was issued to.
  return listed && (aud->as_array().size() == 1 || text_member(claims, "azp") == client_id);
}

std::optional<long long> number_member(const boost::json::object& o, const char* name) {
  const auto* value = o.if_contains(name);
  if (value == nullptr) return std::nullopt;
  if (value->is_int64()) return value->as_int64();
  if (value->is_uint64()) return static_cast<long long>(value->as_uint64());
  if (value->is_double()) return static_cast<long long>(value->as_double());
  return std::nullopt;
}

}  // namespace

const char* to_string(oidc_failure failure) {
  switch (failure) {
    case oidc_failure::provider_unavailable: return "provider-unavailable";
    case oidc_failure::code_refused: return "code-refused";
    case oidc_failure::malformed_token: return "malformed-token";
    case oidc_failure::bad_signature: return "bad-signature";
    case oidc_failure::wrong_issuer: return "wrong-issuer";
    case oidc_failure::wrong_audience: return "wrong-audience";
    case oidc_failure::expired: return "expired";
    case oidc_failure::nonce_mismatch: return "nonce-mismatch";
    case oidc_failure::email_unverified: return "email-unverified";
  }
  return "provider-unavailable";
}

oidc_client::oidc_client(oidc_settings settings) : settings_(std::move(settings)) {
  while (!settings_.issuer.empty() && settings_.issuer.back() == '/') settings_.issuer.pop_back();
}

oidc_client::metadata oidc_client::discover() {
  const std::lock_guard lock{mutex_};
  if (metadata_) return *metadata_;
  const auto url = settings_.issuer + "/.well-known/openid-configuration";
  boost::json::object doc;
  try {
    doc = json_answer(fetch("GET", url), "the provider's metadata");
  } catch (const outbound_error& e) {
    throw oidc_refused(oidc_failure::provider_unavailable, e.what());
  }
  // The metadata must be the issuer's own (OpenID Connect Discovery §4.3).
  if (text_member(doc, "issuer") != settings_.issuer) {
    throw oidc_refused(oidc_failure::provider_unavailable, "the metadata names issuer '" + text_member(doc, "issuer") + "'");
  }
  metadata found{text_member(doc, "authorization_endpoint"), text_member(doc, "token_endpoint"), text_member(doc, "jwks_uri"),
                 text_member(doc, "userinfo_endpoint")};
  if (found.authorization_endpoint.empty() || found.token_endpoint.empty() || found.jwks_uri.empty()) {
    throw oidc_refused(oidc_failure::provider_unavailable, "the metadata lacks an endpoint");
  }
  metadata_ = found;
  return found;
}

boost::json::array oidc_client::keys(bool refresh) {
  const auto jwks_uri = discover().jwks_uri;
  {
    const std::lock_guard lock{mutex_};
    if (keys_ && !refresh) return *keys_;
  }
  boost::json::object set;
  try {
    set = json_answer(fetch("GET", jwks_uri), "the provider's keys");
  } catch (const outbound_error& e) {
    throw oidc_refused(oidc_failure::provider_unavailable, e.what());
  }
  const auto* listed = set.if_contains("keys");
  if (listed == nullptr || !listed->is_array()) throw oidc_refused(oidc_failure::provider_unavailable, "the key set has no keys");
  const std::lock_guard lock{mutex_};
  keys_ = listed->as_array();
  return *keys_;
}

std::string oidc_client::authorization_url(const std::string& redirect_uri, const std::string& state, const std::string& nonce,
                                           const std::string& code_verifier) {
  auto url = discover().authorization_endpoint;
  url.append(url.find('?') == std::string::npos ? "?" : "&");
  url.append("response_type=code&scope=openid%20email%20profile&client_id=").append(form_encode(settings_.client_id));
  url.append("&redirect_uri=").append(form_encode(redirect_uri));
  url.append("&state=").append(form_encode(state)).append("&nonce=").append(form_encode(nonce));
  url.append("&code_challenge=").append(code_challenge(code_verifier)).append("&code_challenge_method=S256");
  return url;
}

oidc_identity oidc_client::redeem(const std::string& code, const std::string& code_verifier, const std::string& redirect_uri,
                                  const std::string& nonce) {
  const auto endpoint = discover().token_endpoint;
  std::string credentials = form_encode(settings_.client_id);
  credentials.append(":").append(form_encode(settings_.client_secret));
  std::string body = "grant_type=authorization_code&code=";
  body.append(form_encode(code)).append("&redirect_uri=").append(form_encode(redirect_uri));
  body.append("&code_verifier=").append(form_encode(code_verifier));
  outbound_reply reply;
  try {
    reply = fetch("POST", endpoint, {{"Authorization", "Basic " + base64_standard(credentials)}}, body, "application/x-www-form-urlencoded");
  } catch (const outbound_error& e) {
    throw oidc_refused(oidc_failure::provider_unavailable, e.what());
  }
  if (reply.status == 400 || reply.status == 401) throw oidc_refused(oidc_failure::code_refused, "the token endpoint refused the code");
  const auto answer = json_answer(reply, "the token endpoint");
  const auto token = parse_signed_token(text_member(answer, "id_token"));
  if (!token) throw oidc_refused(oidc_failure::malformed_token, "the answer holds no signed ID token");

  const auto kid = text_member(token->header, "kid");
  const auto verifies = [&](const boost::json::array& set) {
    for (const auto& key : set) {
      if (!key.is_object()) continue;
      if (!kid.empty() && text_member(key.as_object(), "kid") != kid) continue;
      if (signature_valid(*token, key.as_object())) return true;
    }
    return false;
  };
  // A key id the cached set does not know may be a rotated key: fetch the set once more.
  if (!verifies(keys(false)) && !verifies(keys(true))) {
    throw oidc_refused(oidc_failure::bad_signature, "no key of the provider verifies the ID token (kid '" + kid + "')");
  }
  const auto& claims = token->claims;
  if (text_member(claims, "iss") != settings_.issuer) throw oidc_refused(oidc_failure::wrong_issuer, "the ID token's issuer is not the provider");
  if (!audience_fits(claims, settings_.client_id)) throw oidc_refused(oidc_failure::wrong_audience, "the ID token is for another client");
  const auto now = now_seconds();
  const auto exp = number_member(claims, "exp");
  const auto iat = number_member(claims, "iat");
  if (!exp || *exp + clock_skew_seconds < now || (iat && *iat - clock_skew_seconds > now)) {
    throw oidc_refused(oidc_failure::expired, "the ID token has expired or is not yet valid");
  }
  if (!store::constant_time_equal(text_member(claims, "nonce"), nonce) || nonce.empty()) {
    throw oidc_refused(oidc_failure::nonce_mismatch, "the ID token carries another sign-in's nonce");
  }
  oidc_identity identity{text_member(claims, "sub"), text_member(claims, "email"), text_member(claims, "name")};
  bool verified = verified_flag(claims);
  // Providers that keep the e-mail out of the ID token give it at the userinfo endpoint, for the
  // same subject.
  if (identity.email.empty() && !discover().userinfo_endpoint.empty() && !text_member(answer, "access_token").empty()) {
    try {
      const auto info = json_answer(fetch("GET", discover().userinfo_endpoint, {{"Authorization", "Bearer " + text_member(answer, "access_token")}}),
                                    "the userinfo endpoint");
      if (text_member(info, "sub") == identity.subject) {
        identity.email = text_member(info, "email");
        verified = verified_flag(info);
        if (identity.name.empty()) identity.name = text_member(info, "name");
      }
    } catch (const outbound_error& e) {
      throw oidc_refused(oidc_failure::provider_unavailable, e.what());
    }
  }
  if (identity.email.empty() || !verified) throw oidc_refused(oidc_failure::email_unverified, "the provider has not verified the e-mail address");
  return identity;
}

}  // namespace jointbuy::http
