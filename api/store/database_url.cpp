#include "api/store/database_url.hpp"

#include "api/store/errors.hpp"

namespace jointbuy::store {

std::string_view to_string(backend kind) { return kind == backend::sqlite ? "sqlite" : "postgresql"; }

database_url parse_database_url(std::string_view url) {
  if (url.starts_with("sqlite:")) {
    auto path = url.substr(7);
    if (path.starts_with("//")) path.remove_prefix(2);  // accept sqlite://relative/path too
    if (path.empty()) throw configuration_error("database URL 'sqlite:' names no file");
    if (path == ":memory:") {
      throw configuration_error("an in-memory SQLite database is one database per connection; name a file");
    }
    return {backend::sqlite, std::string{path}};
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return {backend::postgresql, std::string{url}};
  }
  throw configuration_error("database URL '" + redact_database_url(url) +
                            "' is neither sqlite:PATH nor postgresql://…");
}

std::string redact_database_url(std::string_view url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return std::string{url};
  const auto authority_start = scheme_end + 3;
  const auto at = url.find('@', authority_start);
  const auto slash = url.find('/', authority_start);
  if (at == std::string_view::npos || (slash != std::string_view::npos && slash < at)) return std::string{url};
  const auto colon = url.find(':', authority_start);
  if (colon == std::string_view::npos || colon > at) return std::string{url};
  return std::string{url.substr(0, colon + 1)} + "***" + std::string{url.substr(at)};
}

}  // namespace jointbuy::store
