#include "engine/static_name.hpp"

#include <mutex>
#include <set>
#include <string>

namespace jointbuy::engine {

static_name static_name::intern(std::string_view text) {
  // A node-based set: its strings never move, so views of them stay valid.
  static std::mutex mutex;
  static std::set<std::string, std::less<>> names;
  const std::lock_guard lock{mutex};
  auto found = names.find(text);
  if (found == names.end()) found = names.emplace(text).first;
  return static_name{interned{}, *found};
}

}  // namespace jointbuy::engine
