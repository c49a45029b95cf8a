#include "api/http/jws.hpp"

#include <algorithm>
#include <memory>

#include <boost/json.hpp>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

namespace jointbuy::http {

namespace {

template <class T, void (*Free)(T*)>
struct freer {
  void operator()(T* p) const { Free(p); }
};
using pkey_ptr = std::unique_ptr<EVP_PKEY, freer<EVP_PKEY, EVP_PKEY_free>>;
using pkey_ctx_ptr = std::unique_ptr<EVP_PKEY_CTX, freer<EVP_PKEY_CTX, EVP_PKEY_CTX_free>>;
using md_ctx_ptr = std::unique_ptr<EVP_MD_CTX, freer<EVP_MD_CTX, EVP_MD_CTX_free>>;
using bn_ptr = std::unique_ptr<BIGNUM, freer<BIGNUM, BN_free>>;
using param_bld_ptr = std::unique_ptr<OSSL_PARAM_BLD, freer<OSSL_PARAM_BLD, OSSL_PARAM_BLD_free>>;
using params_ptr = std::unique_ptr<OSSL_PARAM, freer<OSSL_PARAM, OSSL_PARAM_free>>;
using ecdsa_sig_ptr = std::unique_ptr<ECDSA_SIG, freer<ECDSA_SIG, ECDSA_SIG_free>>;

std::optional<std::string> member_bytes(const boost::json::object& jwk, const char* name) {
  const auto* value = jwk.if_contains(name);
  if (value == nullptr || !value->is_string()) return std::nullopt;
  return base64url_decode(value->as_string());
}

bn_ptr big_number(const std::string& bytes) {
  return bn_ptr{BN_bin2bn(reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()), nullptr)};
}

pkey_ptr from_params(const char* type, OSSL_PARAM_BLD* builder) {
  params_ptr params{OSSL_PARAM_BLD_to_param(builder)};
  pkey_ctx_ptr ctx{EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr)};
  EVP_PKEY* key = nullptr;
  if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
      EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) != 1) {
    return nullptr;
  }
  return pkey_ptr{key};
}

pkey_ptr rsa_key(const boost::json::object& jwk) {
  const auto n = member_bytes(jwk, "n");
  const auto e = member_bytes(jwk, "e");
  if (!n || !e || n->size() < 256) return nullptr;  // at least 2048 bits
  const auto modulus = big_number(*n);
  const auto exponent = big_number(*e);
  param_bld_ptr builder{OSSL_PARAM_BLD_new()};
  if (!modulus || !exponent || !builder || OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, modulus.get()) != 1 ||
      OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, exponent.get()) != 1) {
    return nullptr;
  }
  return from_params("RSA", builder.get());
}

pkey_ptr p256_key(const boost::json::object& jwk) {
  const auto* crv = jwk.if_contains("crv");
  const auto x = member_bytes(jwk, "x");
  const auto y = member_bytes(jwk, "y");
  if (crv == nullptr || *crv != "P-256" || !x || !y || x->size() != 32 || y->size() != 32) return nullptr;
  std::string point{"\x04"};
  point.append(*x).append(*y);
  param_bld_ptr builder{OSSL_PARAM_BLD_new()};
  if (!builder || OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0) != 1 ||
      OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size()) != 1) {
    return nullptr;
  }
  return from_params("EC", builder.get());
}

// ES256 signatures are r ‖ s (32 bytes each); OpenSSL verifies the DER form.
std::optional<std::string> der_of_raw_ecdsa(const std::string& raw) {
  if (raw.size() != 64) return std::nullopt;
  ecdsa_sig_ptr sig{ECDSA_SIG_new()};
  auto r = big_number(raw.substr(0, 32));
  auto s = big_number(raw.substr(32));
  if (!sig || !r || !s || ECDSA_SIG_set0(sig.get(), r.get(), s.get()) != 1) return std::nullopt;
  r.release();
  s.release();
  unsigned char* der = nullptr;
  const int length = i2d_ECDSA_SIG(sig.get(), &der);
  if (length <= 0) return std::nullopt;
  std::string text{reinterpret_cast<const char*>(der), static_cast<std::size_t>(length)};
  OPENSSL_free(der);
  return text;
}

std::optional<boost::json::object> json_object(const std::string& text) {
  boost::json::error_code ec;
  boost::json::parse_options options;
  options.max_depth = 16;
  auto value = boost::json::parse(text, ec, {}, options);
  if (ec || !value.is_object()) return std::nullopt;
  return std::move(value.as_object());
}

}  // namespace

std::optional<std::string> base64url_decode(std::string_view text) {
  std::string padded;
  padded.reserve(text.size() + 3);
  for (const char c : text) {
    if (c == '-') padded.push_back('+');
    else if (c == '_') padded.push_back('/');
    else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) padded.push_back(c);
    else return std::nullopt;
  }
  if (padded.size() % 4 == 1) return std::nullopt;
  while (padded.size() % 4 != 0) padded.push_back('=');
  std::string bytes(padded.size() / 4 * 3, '\0');
  const int length = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(bytes.data()), reinterpret_cast<const unsigned char*>(padded.data()),
                                     static_cast<int>(padded.size()));
  if (length < 0) return std::nullopt;
  // EVP_DecodeBlock counts the padding's zero bytes too.
  const auto padding = static_cast<std::size_t>(std::count(padded.end() - 2, padded.end(), '='));
  bytes.resize(static_cast<std::size_t>(length) - padding);
  return bytes;
}

std::string base64url_encode(std::string_view bytes) {
  std::string text(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int length = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(text.data()), reinterpret_cast<const unsigned char*>(bytes.data()),
                                     static_cast<int>(bytes.size()));
  text.resize(static_cast<std::size_t>(length));
  while (!text.empty() && text.back() == '=') text.pop_back();
  for (auto& c : text) {
    if (c == '+') c = '-';
    else if (c == '/') c = '_';
  }
  return text;
}

std::optional<signed_token> parse_signed_token(std::string_view compact) {
  if (compact.size() > 16 * 1024) return std::nullopt;
  const auto first = compact.find('.');
  const auto second = first == std::string_view::npos ? first : compact.find('.', first + 1);
  if (second == std::string_view::npos || compact.find('.', second + 1) != std::string_view::npos) return std::nullopt;
  const auto header_text = base64url_decode(compact.substr(0, first));
  const auto claims_text = base64url_decode(compact.substr(first + 1, second - first - 1));
  auto signature = base64url_decode(compact.substr(second + 1));
  if (!header_text || !claims_text || !signature) return std::nullopt;
  auto header = json_object(*header_text);
  auto claims = json_object(*claims_text);
  if (!header || !claims) return std::nullopt;
  return signed_token{std::move(*header), std::move(*claims), std::string{compact.substr(0, second)}, std::move(*signature)};
}

bool signature_valid(const signed_token& token, const boost::json::object& jwk) {
  const auto* alg = token.header.if_contains("alg");
  const auto* kty = jwk.if_contains("kty");
  if (alg == nullptr || !alg->is_string() || kty == nullptr || !kty->is_string()) return false;
  if (const auto* use = jwk.if_contains("use"); use != nullptr && *use != "sig") return false;
  if (const auto* key_alg = jwk.if_contains("alg"); key_alg != nullptr && *key_alg != *alg) return false;
  pkey_ptr key;
  std::string signature = token.signature;
  if (*alg == "RS256" && *kty == "RSA") {
    key = rsa_key(jwk);
  } else if (*alg == "ES256" && *kty == "EC") {
    key = p256_key(jwk);
    const auto der = der_of_raw_ecdsa(token.signature);
    if (!der) return false;
    signature = *der;
  } else {
    return false;  // "none", HS256 with a public key as secret, and everything else
  }
  if (!key) return false;
  md_ctx_ptr ctx{EVP_MD_CTX_new()};
  if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1) return false;
  return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                          reinterpret_cast<const unsigned char*>(token.signing_input.data()), token.signing_input.size()) == 1;
}

}  // namespace jointbuy::http
