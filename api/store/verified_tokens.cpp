#include "api/store/verified_tokens.hpp"

#include "api/store/token_secret.hpp"

namespace jointbuy::store {

verified_tokens::verified_tokens(database& db, std::size_t max_tokens) : db_(db), max_tokens_(max_tokens) {}

std::optional<principal> verified_tokens::verify(std::string_view bearer) {
  // The state is read before the look-up: a change committed meanwhile makes what is kept stale.
  const auto state = db_.access_now();
  const auto key = sha256_hex(bearer);
  if (state) {
    const std::lock_guard guard{mutex_};
    const auto found = kept_.find(key);
    if (found != kept_.end() && found->second.state == *state) return found->second.who;
  }
  auto who = verify_token(db_, bearer);
  // Only valid tokens are kept: an unknown or revoked one is looked up every time.
  if (who && state) {
    const std::lock_guard guard{mutex_};
    if (kept_.size() >= max_tokens_) kept_.clear();
    kept_.insert_or_assign(key, entry{*who, *state});
  }
  return who;
}

}  // namespace jointbuy::store
