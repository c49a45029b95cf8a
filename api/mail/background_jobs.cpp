#include "api/mail/background_jobs.hpp"

#include <condition_variable>
#include <exception>
#include <mutex>

#include "api/store/mail_outbox.hpp"
#include "api/store/timestamps.hpp"

namespace jointbuy::mail {

namespace {

// Sleeps `period` or until stop is requested; false when it was.
bool wait(std::stop_token stop, std::chrono::milliseconds period) {
  std::mutex mutex;
  std::condition_variable_any woken;
  std::unique_lock lock{mutex};
  return !woken.wait_for(lock, stop, period, [] { return false; }) && !stop.stop_requested();
}

void guarded(const error_log& log, std::string_view context, const std::function<void()>& job) {
  try {
    job();
  } catch (const std::exception& e) {
    log(context, e.what());
  } catch (...) {
    log(context, "a non-standard exception");
  }
}

}  // namespace

std::chrono::seconds retry_delay(std::chrono::seconds first_retry, int attempts) {
  auto delay = first_retry;
  for (int i = 1; i < attempts && delay < std::chrono::hours{1}; ++i) delay *= 2;
  return std::min<std::chrono::seconds>(delay, std::chrono::hours{1});
}

int send_due_mail(store::database& db, const background_settings& settings, const error_log& log) {
  if (!settings.smtp) return 0;
  // A claim outlives the longest attempt (connect and transfer timeouts), so that it runs out only
  // for a sender that died.
  const auto lease = 3 * settings.smtp->timeout + std::chrono::seconds{30};
  int sent = 0;
  for (const auto& entry : store::claim_due_mail(db, std::chrono::system_clock::now(), lease, 20)) {
    const auto& m = entry.message;
    if (!plain_address(m.recipient_email)) {
      store::mark_mail_failed(db, entry.id, "the address cannot be used in SMTP", std::nullopt);
      continue;
    }
    message_parts parts{settings.from, m.recipient_name, m.recipient_email, m.subject, m.body, entry.message_id,
                        store::parse_utc_timestamp(entry.created_at).value_or(std::chrono::system_clock::now())};
    const auto outcome = send_mail(*settings.smtp, m.recipient_email, rfc5322_message(parts));
    if (outcome.sent) {
      store::mark_mail_sent(db, entry.id);
      ++sent;
    } else if (outcome.permanent) {
      store::mark_mail_failed(db, entry.id, outcome.error, std::nullopt);
      log("mail refused", outcome.error);
    } else {
      store::mark_mail_failed(db, entry.id, outcome.error,
                              std::chrono::system_clock::now() + retry_delay(settings.first_retry, entry.attempts));
    }
  }
  return sent;
}

background_jobs::background_jobs(store::database& db, background_settings settings, store::mail_composer words, error_log log)
    : clock_([&db, tick = settings.tick, words, log](std::stop_token stop) {
        do {
          guarded(log, "campaign clock", [&] { store::advance_campaigns(db, std::chrono::system_clock::now(), words); });
        } while (wait(stop, tick));
      }),
      sender_([&db, settings, log](std::stop_token stop) {
        do {
          guarded(log, "mail sender", [&] { send_due_mail(db, settings, log); });
        } while (wait(stop, settings.tick));
      }) {}

background_jobs::~background_jobs() {
  clock_.request_stop();
  sender_.request_stop();
}

}  // namespace jointbuy::mail
