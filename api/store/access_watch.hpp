#pragma once
// The access generation (schemas/sql/*/012_access_generation.sql) as this process last read it:
// a thread of its own reads it every `every` on a connection of its own.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

#include <soci/soci.h>

namespace jointbuy::store {

class access_watch {
 public:
  /// Starts reading; `open` opens a connection on the database.
  access_watch(std::function<void(soci::session&)> open, std::chrono::milliseconds every);
  ~access_watch();
  access_watch(const access_watch&) = delete;
  access_watch& operator=(const access_watch&) = delete;

  /// The generation last read, if it was read within the last five intervals: else nothing (the
  /// database does not answer, or the schema has no generation yet), and nothing may be kept.
  std::optional<long long> generation() const;

 private:
  void run();

  std::function<void(soci::session&)> open_;
  std::chrono::milliseconds every_;
  std::atomic<long long> generation_{0};
  std::atomic<std::chrono::steady_clock::rep> read_at_{0};
  std::atomic<bool> read_once_{false};
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace jointbuy::store
