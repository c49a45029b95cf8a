#pragma once
// What runs beside the server: the campaigns' clock (opening, closing and reminders on time) and
// the outbox sender (each queued message sent once, retried with back-off while the mail server
// cannot be reached). Both poll the store once a second, so that several processes on one
// PostgreSQL database share the work safely: the store's claims and keys decide who does what.

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "api/mail/message.hpp"
#include "api/mail/smtp_client.hpp"
#include "api/store/campaigns.hpp"
#include "api/store/database.hpp"

namespace jointbuy::mail {

/// How the background jobs run.
struct background_settings {
  /// Where to send; none: mail stays in the outbox.
  std::optional<smtp_settings> smtp;
  sender_address from;
  /// The first retry after a failed attempt; each further one waits twice as long, at most an hour.
  std::chrono::seconds first_retry{30};
  std::chrono::milliseconds tick{1000};
};

/// Reports a failure of a job (context, message) without stopping it.
using error_log = std::function<void(std::string_view, std::string_view)>;

/// The wait before attempt `attempts` + 1 after `attempts` failed ones.
std::chrono::seconds retry_delay(std::chrono::seconds first_retry, int attempts);

/// Sends every message due now; returns how many went out.
int send_due_mail(store::database& db, const background_settings& settings, const error_log& log);

/// The two jobs on their own threads, until destroyed.
class background_jobs {
 public:
  background_jobs(store::database& db, background_settings settings, store::mail_composer words, error_log log);
  ~background_jobs();
  background_jobs(const background_jobs&) = delete;
  background_jobs& operator=(const background_jobs&) = delete;

 private:
  std::jthread clock_;
  std::jthread sender_;
};

}  // namespace jointbuy::mail
