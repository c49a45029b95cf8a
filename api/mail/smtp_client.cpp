#include "api/mail/smtp_client.hpp"

#include <curl/curl.h>

#include <cstring>
#include <memory>
#include <mutex>

namespace jointbuy::mail {

namespace {

struct upload {
  const std::string* text = nullptr;
  std::size_t sent = 0;
};

std::size_t read_chunk(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* u = static_cast<upload*>(user);
  const std::size_t room = size * count;
  const std::size_t left = u->text->size() - u->sent;
  const std::size_t n = left < room ? left : room;
  std::memcpy(buffer, u->text->data() + u->sent, n);
  u->sent += n;
  return n;
}

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

send_outcome send_mail(const smtp_settings& settings, const std::string& recipient, const std::string& message) {
  global_init();
  const std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl{curl_easy_init(), &curl_easy_cleanup};
  if (!curl) return {false, false, "libcurl could not start"};
  const std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> recipients{
      curl_slist_append(nullptr, std::string{"<"}.append(recipient).append(">").c_str()), &curl_slist_free_all};
  upload body{&message, 0};
  const std::string from = std::string{"<"}.append(settings.from).append(">");
  const long timeout = static_cast<long>(settings.timeout.count());
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, settings.url.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(c, CURLOPT_READFUNCTION, &read_chunk);
  curl_easy_setopt(c, CURLOPT_READDATA, &body);
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, timeout);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, 2 * timeout);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  const CURLcode result = curl_easy_perform(c);
  if (result == CURLE_OK) return {true, false, ""};
  long code = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
  std::string error = curl_easy_strerror(result);
  if (code > 0) error.append(" (SMTP ").append(std::to_string(code)).append(")");
  return {false, code >= 500 && code < 600, error};
}

}  // namespace jointbuy::mail
