#include "api/http/rate_limiter.hpp"

#include <algorithm>
#include <cmath>

namespace jointbuy::http {

namespace {

constexpr std::size_t sweep_above = 4096;

}  // namespace

rate_limiter::rate_limiter(rate_limits limits) : limits_(limits) {}

std::optional<std::chrono::seconds> rate_limiter::admit(std::string_view caller, clock::time_point now) {
  if (limits_.per_second <= 0) return std::nullopt;
  const std::lock_guard lock{mutex_};
  if (buckets_.size() > sweep_above && now - last_sweep_ > std::chrono::seconds{1}) forget_full(now);
  auto [at, inserted] = buckets_.try_emplace(std::string{caller}, bucket{limits_.burst, now});
  auto& b = at->second;
  if (!inserted) {
    const std::chrono::duration<double> elapsed = now - b.updated;
    b.tokens = std::min(limits_.burst, b.tokens + elapsed.count() * limits_.per_second);
    b.updated = now;
  }
  if (b.tokens >= 1) {
    b.tokens -= 1;
    return std::nullopt;
  }
  const auto wait = std::ceil((1 - b.tokens) / limits_.per_second);
  return std::chrono::seconds{std::max<long long>(1, static_cast<long long>(wait))};
}

void rate_limiter::forget_full(clock::time_point now) {
  last_sweep_ = now;
  std::erase_if(buckets_, [&](const auto& entry) {
    const std::chrono::duration<double> elapsed = now - entry.second.updated;
    return entry.second.tokens + elapsed.count() * limits_.per_second >= limits_.burst;
  });
}

}  // namespace jointbuy::http
