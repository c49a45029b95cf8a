#include "api/store/token_secret.hpp"

#include <stdexcept>
#include <vector>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace jointbuy::store {

namespace {

std::vector<unsigned char> random_bytes(std::size_t bytes) {
  std::vector<unsigned char> buffer(bytes);
  if (RAND_bytes(buffer.data(), static_cast<int>(buffer.size())) != 1) {
    throw std::runtime_error("the system's random number generator failed");
  }
  return buffer;
}

std::string to_hex(const unsigned char* data, std::size_t size) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string text;
  text.reserve(size * 2);
  for (std::size_t i = 0; i < size; ++i) {
    text.push_back(digits[data[i] >> 4]);
    text.push_back(digits[data[i] & 0x0f]);
  }
  return text;
}

}  // namespace

std::string random_base64url(std::size_t bytes) {
  static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const auto data = random_bytes(bytes);
  std::string text;
  std::size_t i = 0;
  for (; i + 3 <= data.size(); i += 3) {
    const unsigned v = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
    for (int shift = 18; shift >= 0; shift -= 6) text.push_back(alphabet[(v >> shift) & 0x3f]);
  }
  if (const auto rest = data.size() - i; rest > 0) {
    const unsigned v = (data[i] << 16) | (rest == 2 ? data[i + 1] << 8 : 0);
    text.push_back(alphabet[(v >> 18) & 0x3f]);
    text.push_back(alphabet[(v >> 12) & 0x3f]);
    if (rest == 2) text.push_back(alphabet[(v >> 6) & 0x3f]);
  }
  return text;
}

std::string random_hex(std::size_t bytes) {
  const auto data = random_bytes(bytes);
  return to_hex(data.data(), data.size());
}

std::string sha256_hex(std::string_view text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("SHA-256 failed");
  }
  return to_hex(digest, length);
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace jointbuy::store
