#pragma once
// A migrated database with Lucerne's organisations, the shipped catalogue and one token per role,
// served over loopback: what the API tests start from.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "api/http/rate_limiter.hpp"
#include "api/http/server.hpp"
#include "api/store/database.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/running_server.hpp"
#include "tests/support/scratch_database.hpp"

namespace jointbuy::test {

/// Tokens: `kriens` (municipality 1059), `emmen` (municipality 1024), `coordinator`, `auditor`.
struct api_fixture {
  /// The server with `config` (loopback, a free port) and, if set, each token limited by `limits`.
  explicit api_fixture(http::server_config config = {}, std::optional<http::rate_limits> limits = std::nullopt,
                       http::sign_in_settings sign_in = {});
  ~api_fixture();

  scratch_database scratch;
  std::unique_ptr<store::database> db;
  std::string kriens, emmen, coordinator, auditor;
  std::unique_ptr<running_server> server;

  unsigned short port() const { return server->port(); }
  /// Authorization header for `bearer`, plus `extra` headers.
  static header_list auth(const std::string& bearer, header_list extra = {});
  /// Stores an intent of `organisation` directly (not over HTTP) for `quantity` of `item`, its window
  /// from day `from` to day `to` counted from 2027-01-01, with the buyer's `unit_price` estimate if
  /// given; returns its id.
  long long add_intent(const std::string& organisation, const std::string& item, std::int64_t quantity, int from, int to,
                       const std::string& note = "", std::optional<std::int64_t> unit_price = std::nullopt);
  /// Rows in `table`.
  long long rows(const std::string& table) const;
};

}  // namespace jointbuy::test
