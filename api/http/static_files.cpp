#include "api/http/static_files.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace jointbuy::http {

namespace {

std::string content_type_of(const std::filesystem::path& file) {
  static const std::map<std::string, std::string> types{
      {".html", "text/html; charset=utf-8"},  {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"}, {".json", "application/json"},
      {".svg", "image/svg+xml"},              {".png", "image/png"},
      {".ico", "image/x-icon"},               {".txt", "text/plain; charset=utf-8"},
      {".csv", "text/csv; charset=utf-8"}};
  const auto found = types.find(file.extension().string());
  return found == types.end() ? "application/octet-stream" : found->second;
}

bool is_hidden(const std::filesystem::path& relative) {
  for (const auto& part : relative) {
    if (part.string().starts_with('.')) return true;
  }
  return false;
}

// A strong validator from the content: FNV-1a, 64 bits, in hex.
std::string etag_of(const std::string& body) {
  std::uint64_t hash = 14695981039346656037ull;
  for (const unsigned char c : body) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  std::ostringstream tag;
  tag << '"' << std::hex << hash << '"';
  return tag.str();
}

bool matches(std::string_view if_none_match, const std::string& etag) {
  if (if_none_match == "*") return true;
  std::size_t start = 0;
  while (start < if_none_match.size()) {
    auto end = if_none_match.find(',', start);
    if (end == std::string_view::npos) end = if_none_match.size();
    auto tag = if_none_match.substr(start, end - start);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == etag) return true;
    start = end + 1;
  }
  return false;
}

}  // namespace

static_files::static_files(const std::filesystem::path& root) {
  if (!std::filesystem::is_directory(root)) throw std::runtime_error("web directory " + root.string() + " is not a directory");
  for (const auto& entry : std::filesystem::recursive_directory_iterator{root}) {
    if (entry.is_symlink() || !entry.is_regular_file()) continue;
    const auto relative = std::filesystem::relative(entry.path(), root);
    if (is_hidden(relative)) continue;
    std::ifstream in{entry.path(), std::ios::binary};
    std::ostringstream body;
    body << in.rdbuf();
    if (!in) throw std::runtime_error("cannot read " + entry.path().string());
    file f{body.str(), content_type_of(entry.path()), ""};
    f.etag = etag_of(f.body);
    std::string url{'/'};  // appended, not "/" + …: GCC 12 warns falsely (-Wrestrict) on the latter at -O2
    url += relative.generic_string();
    files_.emplace(url == "/index.html" ? "/" : url, std::move(f));
  }
  if (files_.count("/") == 0) throw std::runtime_error("web directory " + root.string() + " has no index.html");
}

std::optional<response> static_files::serve(const request& req, std::string_view path) const {
  const auto found = files_.find(path);
  if (found == files_.end()) return std::nullopt;
  const auto& f = found->second;
  const bool unchanged = matches(req[beast_http::field::if_none_match], f.etag);
  response res{unchanged ? status::not_modified : status::ok, req.version()};
  res.set(beast_http::field::content_type, f.content_type);
  res.set(beast_http::field::etag, f.etag);
  // Revalidated on every load: a new version of the pages is seen at once, an unchanged one costs a 304.
  res.set(beast_http::field::cache_control, "no-cache");
  res.set("X-Content-Type-Options", "nosniff");
  res.set("Referrer-Policy", "no-referrer");
  res.set("Content-Security-Policy",
          "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
          "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
  res.keep_alive(req.keep_alive());
  if (!unchanged) res.body() = f.body;
  res.prepare_payload();
  return res;
}

}  // namespace jointbuy::http
