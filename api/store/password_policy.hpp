#pragma once
// Which new passwords are accepted (NIST SP 800-63B §3.1.1.2): long enough, not one that many
// people use, not a repetition, not the person's own name or address. No composition rules.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jointbuy::store {

/// Why a password is refused.
enum class password_weakness {
  /// Fewer than `min_password_length` characters.
  too_short,
  /// More than `max_password_length` characters.
  too_long,
  /// On the list of common passwords, or one of them with only digits or symbols around it.
  common,
  /// One character or a short run repeated, or a run of the keyboard or the alphabet.
  repetitive,
  /// Contains the person's name, the local part of their e-mail address or the service's name.
  personal,
};

inline constexpr std::size_t min_password_length = 12;
inline constexpr std::size_t max_password_length = 256;

/// "too-short", "too-long", "common", "repetitive", "personal".
std::string_view to_string(password_weakness weakness);

/// Why `password` (UTF-8) may not be chosen by the person with `personal_words` (name parts,
/// e-mail local part), or nothing when it may. Length is counted in characters, not bytes.
std::optional<password_weakness> weakness_of(std::string_view password, const std::vector<std::string>& personal_words);

/// The words of a person that their password must not contain: the parts of the name and of
/// the e-mail address (but its top-level domain) with three letters or more, lowercased.
std::vector<std::string> personal_words(std::string_view name, std::string_view email);

}  // namespace jointbuy::store
