#pragma once
// Sending one message to one recipient over SMTP with libcurl.

#include <chrono>
#include <string>

namespace jointbuy::mail {

/// Where mail goes: "smtp://host:port" (STARTTLS when the server offers it) or "smtps://host:port".
struct smtp_settings {
  std::string url;
  /// The envelope sender (MAIL FROM).
  std::string from;
  std::chrono::seconds timeout{30};
};

/// What one attempt came to.
struct send_outcome {
  bool sent = false;
  /// The server refused the message for good (a 5xx answer): trying again will not help.
  bool permanent = false;
  /// A short technical reason, for the coordinator's list of messages (never a secret).
  std::string error;
};

/// Sends `message` (a complete RFC 5322 text) to `recipient`.
send_outcome send_mail(const smtp_settings& settings, const std::string& recipient, const std::string& message);

}  // namespace jointbuy::mail
