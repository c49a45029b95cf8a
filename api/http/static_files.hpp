#pragma once
// The web pages: the files under a directory (api/web), read once at start and served from memory.
// Only the files found then exist; no request path ever reaches the file system.

#include <filesystem>
#include <map>
#include <string>

#include "api/http/messages.hpp"

namespace jointbuy::http {

/// The files of a web directory, by URL path ("/" is index.html).
class static_files {
 public:
  /// Reads every regular file below `root` (symbolic links and hidden files are skipped). Throws
  /// std::runtime_error when `root` is not a directory or has no index.html.
  explicit static_files(const std::filesystem::path& root);

  /// The file at `path` (200, or 304 when If-None-Match names its ETag), with its content type,
  /// an ETag, no-cache and the security headers; nothing when there is no such file.
  std::optional<response> serve(const request& req, std::string_view path) const;

  /// How many files there are.
  std::size_t size() const { return files_.size(); }

 private:
  struct file {
    std::string body;
    std::string content_type;
    std::string etag;
  };
  std::map<std::string, file, std::less<>> files_;
};

}  // namespace jointbuy::http
