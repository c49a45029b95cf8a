#pragma once
// The cryptographic pieces of API tokens: random secrets, their hashes, constant-time comparison.

#include <cstddef>
#include <string>
#include <string_view>

namespace jointbuy::store {

/// `bytes` bytes from the operating system's CSPRNG, as unpadded base64url text.
std::string random_base64url(std::size_t bytes);

/// `bytes` bytes from the operating system's CSPRNG, as lowercase hex text.
std::string random_hex(std::size_t bytes);

/// The SHA-256 digest of `text` as 64 lowercase hex digits.
std::string sha256_hex(std::string_view text);

/// Compares two strings in time that depends only on their lengths, not on where they differ.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace jointbuy::store
