#include "api/http/access_log.hpp"

#include <cstdio>
#include <mutex>

#include <boost/json.hpp>

#include "api/store/timestamps.hpp"
#include "catalog/json_text.hpp"

namespace jointbuy::http {

namespace {

std::mutex log_mutex;

void write_line(std::FILE* stream, const boost::json::object& line) {
  const std::string text = catalog::json_text(line);
  const std::lock_guard lock{log_mutex};
  std::fprintf(stream, "%s\n", text.c_str());
  std::fflush(stream);
}

}  // namespace

std::string loggable_path(std::string_view path) {
  for (const std::string_view secret_below : {"/api/v1/invitations/", "/invitations/"}) {
    if (path.starts_with(secret_below) && path.size() > secret_below.size()) {
      std::string masked{secret_below};
      masked.append("***");
      return masked;
    }
  }
  return std::string{path};
}

void log_request(std::string_view method, std::string_view path, unsigned status, std::chrono::microseconds duration) {
  write_line(stdout, {{"ts", store::utc_timestamp_now()},
                      {"level", "info"},
                      {"method", method},
                      {"path", loggable_path(path)},
                      {"status", status},
                      {"duration_us", duration.count()}});
}

void log_error(std::string_view context, std::string_view message) {
  write_line(stderr, {{"ts", store::utc_timestamp_now()}, {"level", "error"}, {"context", context}, {"message", message}});
}

void log_info(std::string_view message) {
  write_line(stdout, {{"ts", store::utc_timestamp_now()}, {"level", "info"}, {"message", message}});
}

}  // namespace jointbuy::http
