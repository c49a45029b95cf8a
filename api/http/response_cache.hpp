#pragma once
// Answers to reads that are costly to make (a page of tenders with every reason described), kept
// while the database holds what they were made from, with an ETag, so that a client that has the
// answer gets 304. An answer is kept per request target, language and caller (role, organisation
// and who acts: what they may do is part of it), and only as long as no transaction changed data
// since it was made (store::database::data_version, across every process on the database).

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "api/http/messages.hpp"
#include "api/http/router.hpp"
#include "api/store/database.hpp"

namespace jointbuy::http {

class response_cache {
 public:
  /// Keeps answers of at most `max_body_bytes` each, `max_total_bytes` in all: when the next would
  /// not fit, every kept answer is let go.
  explicit response_cache(store::database& db, std::size_t max_total_bytes = 64 << 20, std::size_t max_body_bytes = 4 << 20);

  /// The answer to the caller's GET: the kept one if the database has not changed since it was
  /// made, else `make()`'s (kept when it is a 200). With If-None-Match naming its ETag, 304.
  response answer(const request_context& ctx, const std::function<response()>& make);

 private:
  struct entry {
    std::string version;
    std::shared_ptr<const response> answer;
  };

  store::database& db_;
  std::size_t max_total_bytes_;
  std::size_t max_body_bytes_;
  std::size_t total_bytes_ = 0;
  std::mutex mutex_;
  std::map<std::string, entry> entries_;
};

}  // namespace jointbuy::http
