#pragma once
// Password hashes: Argon2id through libsodium, never a password stored or compared as text.

#include <string>
#include <string_view>

namespace jointbuy::store {

/// `password` hashed with Argon2id, a fresh salt and libsodium's interactive limits, in the
/// self-describing "$argon2id$v=19$m=…" form.
std::string hash_password(std::string_view password);

/// Whether `password` matches `hash` (a form hash_password wrote).
bool verify_password(const std::string& hash, std::string_view password);

/// Spends the time verify_password would on a real hash and returns false: what a sign-in with
/// an unknown address does, so that its answer takes as long as a wrong password's.
bool verify_password_of_nobody(std::string_view password);

}  // namespace jointbuy::store
