#pragma once
// Bearer tokens this process verified, kept while nothing about tokens or people changed
// (database::access_now): a request with a known token costs no look-up. A revoked token or a
// deactivated person is refused at once when this process made the change, and within about
// 100 ms when another process did (the access generation is read every 100 ms).

#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "api/store/database.hpp"
#include "api/store/tokens.hpp"

namespace jointbuy::store {

class verified_tokens {
 public:
  /// Keeps at most `max_tokens` (then every kept one is let go).
  explicit verified_tokens(database& db, std::size_t max_tokens = 10'000);

  /// verify_token, answered from what is kept when it may be.
  std::optional<principal> verify(std::string_view bearer);

 private:
  struct entry {
    principal who;
    database::access_state state;
  };

  database& db_;
  std::size_t max_tokens_;
  std::mutex mutex_;
  // By the SHA-256 of the whole bearer string: the secret itself is not kept.
  std::unordered_map<std::string, entry> kept_;
};

}  // namespace jointbuy::store
