#include "api/http/response_cache.hpp"

#include "api/http/responses.hpp"
#include "api/store/token_secret.hpp"

namespace jointbuy::http {

namespace {

// Whose answer it is: the target with its query, the language, and the caller.
std::string key_of(const request_context& ctx) {
  const auto& who = ctx.who();
  std::string key{ctx.req.target()};
  key.append("\n").append(preferred_language(ctx.req) == engine::language::de ? "de" : "en");
  key.append("\n").append(store::to_string(who.role));
  key.append("\n").append(who.organisation.value_or(""));
  key.append("\n").append(who.actor);
  return key;
}

bool names_etag(const request& req, const std::string& etag) {
  const auto found = req.find(beast_http::field::if_none_match);
  if (found == req.end()) return false;
  std::string_view tags = found->value();
  // A list of tags ("a", W/"b") or *: any that is this one (weak comparison).
  while (!tags.empty()) {
    const auto comma = tags.find(',');
    auto tag = tags.substr(0, comma);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == "*" || tag == etag) return true;
    if (comma == std::string_view::npos) break;
    tags.remove_prefix(comma + 1);
  }
  return false;
}

// The answer for this request: its HTTP version and keep-alive; 304 without the body when the
// client has it.
response for_request(const request& req, const response& kept) {
  const std::string etag{kept[beast_http::field::etag]};
  if (names_etag(req, etag)) {
    response not_modified{status::not_modified, req.version()};
    not_modified.set(beast_http::field::etag, etag);
    not_modified.set(beast_http::field::cache_control, kept[beast_http::field::cache_control]);
    not_modified.set(beast_http::field::vary, kept[beast_http::field::vary]);
    not_modified.keep_alive(req.keep_alive());
    return not_modified;
  }
  response res = kept;
  res.version(req.version());
  res.keep_alive(req.keep_alive());
  return res;
}

}  // namespace

response_cache::response_cache(store::database& db, std::size_t max_total_bytes, std::size_t max_body_bytes)
    : db_(db), max_total_bytes_(max_total_bytes), max_body_bytes_(max_body_bytes) {}

response response_cache::answer(const request_context& ctx, const std::function<response()>& make) {
  const auto key = key_of(ctx);
  // Read before the answer is made: a change committed while it is made moves the version on.
  const auto version = db_.data_version();
  std::shared_ptr<const response> kept;
  {
    const std::lock_guard guard{mutex_};
    const auto found = entries_.find(key);
    if (found != entries_.end() && found->second.version == version) kept = found->second.answer;
  }
  if (kept) {
    // Kept only when its route read every parameter of this same target: so they are known here too.
    for (const auto& parameter : ctx.target.query) ctx.target.get(parameter.first);
    return for_request(ctx.req, *kept);
  }
  auto made = make();
  if (made.result() != status::ok) return made;
  // The ETag names the bytes, so that equal answers keep their tag across versions and processes.
  std::string etag{'"'};
  etag.append(store::sha256_hex(made.body()).substr(0, 32)).append("\"");
  made.set(beast_http::field::etag, etag);
  // Private: a municipality's answer holds its own records; revalidated on every use.
  made.set(beast_http::field::cache_control, "private, no-cache");
  made.set(beast_http::field::vary, "Accept-Language, Authorization, Cookie");
  // An answer whose target has a parameter the route does not know is refused after it (400): not kept.
  if (made.body().size() <= max_body_bytes_ && ctx.target.unread().empty()) {
    const std::lock_guard guard{mutex_};
    if (const auto earlier = entries_.find(key); earlier != entries_.end()) {
      total_bytes_ -= earlier->second.answer->body().size();
      entries_.erase(earlier);
    }
    if (total_bytes_ + made.body().size() > max_total_bytes_) {
      entries_.clear();
      total_bytes_ = 0;
    }
    total_bytes_ += made.body().size();
    entries_.emplace(key, entry{version, std::make_shared<const response>(made)});
  }
  return for_request(ctx.req, made);
}

}  // namespace jointbuy::http
