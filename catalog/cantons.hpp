#pragma once
// The 26 Swiss cantons, which are buyers themselves.

#include <optional>
#include <string>
#include <string_view>

namespace jointbuy::catalog {

/// The German name of the canton with the two-letter code `code` ("LU" → "Kanton Luzern").
std::optional<std::string> canton_name(std::string_view code);

}  // namespace jointbuy::catalog
