#include "api/store/access_watch.hpp"

#include <memory>

namespace jointbuy::store {

access_watch::access_watch(std::function<void(soci::session&)> open, std::chrono::milliseconds every)
    : open_(std::move(open)), every_(every), thread_([this] { run(); }) {}

access_watch::~access_watch() {
  {
    const std::lock_guard guard{mutex_};
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

std::optional<long long> access_watch::generation() const {
  if (!read_once_.load(std::memory_order_acquire)) return std::nullopt;
  const auto read_at = std::chrono::steady_clock::time_point{std::chrono::steady_clock::duration{read_at_.load()}};
  if (std::chrono::steady_clock::now() - read_at > 5 * every_) return std::nullopt;
  return generation_.load(std::memory_order_acquire);
}

void access_watch::run() {
  std::unique_ptr<soci::session> session;
  std::unique_lock lock{mutex_};
  while (!stopping_) {
    lock.unlock();
    try {
      if (!session) {
        session = std::make_unique<soci::session>();
        open_(*session);
      }
      long long generation = 0;
      *session << "SELECT generation FROM access_generation WHERE id = 1", soci::into(generation);
      generation_.store(generation, std::memory_order_release);
      read_at_.store(std::chrono::steady_clock::now().time_since_epoch().count());
      read_once_.store(true, std::memory_order_release);
    } catch (...) {
      // Not read: generation() says so once the last reading is too old; the next try reconnects.
      session.reset();
    }
    lock.lock();
    wake_.wait_for(lock, every_, [this] { return stopping_; });
  }
}

}  // namespace jointbuy::store
