#pragma once
// Signed JSON Web Tokens (RFC 7515/7519) as ID tokens come: compact form, RS256 or ES256, keys
// from a JWK Set (RFC 7517). The cryptography is OpenSSL's.

#include <optional>
#include <string>
#include <string_view>

#include <boost/json/object.hpp>

namespace jointbuy::http {

/// A compact JWS split into its parts, header and claims parsed.
struct signed_token {
  boost::json::object header;
  boost::json::object claims;
  /// "<header>.<payload>" as sent: what the signature covers.
  std::string signing_input;
  std::string signature;
};

/// The bytes of unpadded base64url `text`; nothing when it is not base64url.
std::optional<std::string> base64url_decode(std::string_view text);

/// `bytes` as unpadded base64url.
std::string base64url_encode(std::string_view bytes);

/// `compact` split and parsed; nothing when it is not three base64url parts of which the first
/// two are JSON objects.
std::optional<signed_token> parse_signed_token(std::string_view compact);

/// Whether `token`'s signature is valid under `jwk` with the algorithm its header names: RS256
/// (an RSA key of at least 2048 bits) or ES256 (an EC key on P-256). Any other algorithm, or a
/// key of another type or use, is not valid.
bool signature_valid(const signed_token& token, const boost::json::object& jwk);

}  // namespace jointbuy::http
