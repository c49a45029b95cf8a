#include "api/store/passwords.hpp"

#include <stdexcept>

#include <sodium.h>

namespace jointbuy::store {

namespace {

void ensure_sodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium could not be initialised");
}

}  // namespace

std::string hash_password(std::string_view password) {
  ensure_sodium();
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("out of memory while hashing a password");
  }
  return hash;
}

bool verify_password(const std::string& hash, std::string_view password) {
  ensure_sodium();
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

bool verify_password_of_nobody(std::string_view password) {
  // A hash of a random password, made once with the same limits as every stored hash.
  static const std::string nobody = [] {
    ensure_sodium();
    char secret[33];
    randombytes_buf(secret, 32);
    secret[32] = '\0';
    return hash_password(std::string_view{secret, 32});
  }();
  verify_password(nobody, password);
  return false;
}

}  // namespace jointbuy::store
