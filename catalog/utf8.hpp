#pragma once
// UTF-8 as RFC 3629 defines it: what may enter the store, and what the server writes out.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace jointbuy::catalog {

/// The offset of the first byte of `text` that does not begin a well-formed UTF-8 sequence (an
/// overlong form, a surrogate, a code point above U+10FFFF or a cut sequence); nothing when all is.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

/// Whether `text` is well-formed UTF-8.
inline bool is_valid_utf8(std::string_view text) { return !first_invalid_utf8(text).has_value(); }

/// `text` with each ill-formed sequence replaced by U+FFFD, for text that must be written out
/// whatever it holds (log lines, the last guard of a response).
std::string to_valid_utf8(std::string_view text);

}  // namespace jointbuy::catalog
