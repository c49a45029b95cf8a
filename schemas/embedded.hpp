#pragma once
// Files of schemas/ compiled into the binary by schemas/embed.cmake, keyed by their path below schemas/.

#include <map>
#include <string_view>

namespace jointbuy::embedded {

/// The SQL migrations: "sql/sqlite/001_initial.sql", "sql/postgresql/001_initial.sql", …
const std::map<std::string_view, std::string_view>& sql_migrations();

/// The JSON Schemas: "json/catalog-items.schema.json", …
const std::map<std::string_view, std::string_view>& json_schemas();

/// The passwords the server refuses: "passwords/common.txt", one per line, '#' starts a comment line.
const std::map<std::string_view, std::string_view>& password_lists();

}  // namespace jointbuy::embedded
