#pragma once
// What the HTTP fuzz targets run against: a migrated SQLite database in a scratch directory with
// Lucerne's organisations, the shipped catalogue, a coordinator token and the API's router.

#include <filesystem>
#include <memory>
#include <string>

#include "api/http/router.hpp"
#include "api/store/database.hpp"
#include "catalog/reference_data.hpp"

namespace jointbuy::fuzz {

/// Built once per fuzzing process; removes its directory at exit.
struct api_world {
  api_world();
  ~api_world();

  std::filesystem::path directory;
  catalog::reference_data reference;
  std::unique_ptr<store::database> db;
  std::unique_ptr<http::router> routes;
  /// A valid coordinator token.
  std::string bearer;
};

}  // namespace jointbuy::fuzz
