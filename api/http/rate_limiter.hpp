#pragma once
// Per-token request rate limiting: a token bucket per caller, so that one token cannot take every
// worker from the others.

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace jointbuy::http {

/// How many requests one caller may make: `per_second` on average, `burst` at once. A rate of
/// 0 turns limiting off.
struct rate_limits {
  double per_second = 50;
  double burst = 100;
};

/// Token buckets by caller. Thread-safe.
class rate_limiter {
 public:
  using clock = std::chrono::steady_clock;

  explicit rate_limiter(rate_limits limits);

  /// Takes one request from `caller`'s bucket at `now`: nothing when it may go ahead, or how many
  /// whole seconds (at least 1) until it may, for Retry-After.
  std::optional<std::chrono::seconds> admit(std::string_view caller, clock::time_point now = clock::now());

 private:
  struct bucket {
    double tokens = 0;
    clock::time_point updated;
  };

  // Forgets buckets that have filled up again, so that the map does not grow with every caller.
  void forget_full(clock::time_point now);

  rate_limits limits_;
  std::mutex mutex_;
  std::unordered_map<std::string, bucket> buckets_;
  clock::time_point last_sweep_;
};

}  // namespace jointbuy::http
