#pragma once
// The relying party of OpenID Connect (authorization code flow with PKCE, state and nonce): the
// provider's metadata discovered from its issuer, ID tokens verified against its JWK Set (RS256,
// ES256; a key id not seen before fetches the set again, so rotated keys are picked up).

#include <exception>
#include <mutex>
#include <optional>
#include <string>

#include <boost/json/array.hpp>

namespace jointbuy::http {

/// Which provider, and who jointbuy is to it.
struct oidc_settings {
  /// "https://login.lu.ch/realms/kanton" (no trailing slash): its metadata is at
  /// <issuer>/.well-known/openid-configuration.
  std::string issuer;
  std::string client_id;
  std::string client_secret;
};

/// Who the provider says signed in.
struct oidc_identity {
  std::string subject;
  std::string email;
  std::string name;
};

/// Why a sign-in through the provider failed.
enum class oidc_failure {
  /// The provider's metadata, keys or token endpoint could not be reached or made no sense.
  provider_unavailable,
  /// The token endpoint refused the code.
  code_refused,
  /// No ID token, or not a signed JWT.
  malformed_token,
  /// No key of the provider verifies the signature (or the algorithm is not RS256 or ES256).
  bad_signature,
  wrong_issuer,
  wrong_audience,
  /// Expired, or issued in the future.
  expired,
  /// Not the nonce this sign-in sent: a token of another sign-in.
  nonce_mismatch,
  /// The provider has not verified the e-mail address (or gave none).
  email_unverified,
};

/// "provider-unavailable", "code-refused", "malformed-token", "bad-signature", "wrong-issuer",
/// "wrong-audience", "expired", "nonce-mismatch", "email-unverified".
const char* to_string(oidc_failure failure);

/// A failed sign-in: the reason, and a sentence for the log (never a token or secret).
class oidc_refused : public std::exception {
 public:
  oidc_refused(oidc_failure why, std::string detail) : why_(why), detail_(std::move(detail)) {}
  oidc_failure why() const { return why_; }
  const char* what() const noexcept override { return detail_.c_str(); }

 private:
  oidc_failure why_;
  std::string detail_;
};

/// One provider; thread-safe. Nothing is fetched before the first sign-in.
class oidc_client {
 public:
  explicit oidc_client(oidc_settings settings);

  const std::string& issuer() const { return settings_.issuer; }

  /// Where to send the browser: the provider's authorization endpoint with the code flow's
  /// parameters (scope openid email profile, S256 code challenge of `code_verifier`).
  std::string authorization_url(const std::string& redirect_uri, const std::string& state, const std::string& nonce,
                                const std::string& code_verifier);

  /// Redeems `code` at the token endpoint (client_secret_basic, with the PKCE verifier) and
  /// verifies the ID token: signature, issuer, audience, expiry, `nonce`, verified e-mail.
  /// Throws oidc_refused.
  oidc_identity redeem(const std::string& code, const std::string& code_verifier, const std::string& redirect_uri,
                       const std::string& nonce);

 private:
  struct metadata {
    std::string authorization_endpoint;
    std::string token_endpoint;
    std::string jwks_uri;
    std::string userinfo_endpoint;
  };
  metadata discover();
  // The provider's keys; fetched again when `refresh` (a key id not in the cached set).
  boost::json::array keys(bool refresh);

  oidc_settings settings_;
  std::mutex mutex_;
  std::optional<metadata> metadata_;
  std::optional<boost::json::array> keys_;
};

}  // namespace jointbuy::http
