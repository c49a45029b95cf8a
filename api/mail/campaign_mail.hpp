#pragma once
// The words of the campaigns' mail (German, as the canton writes to its municipalities): the
// announcement of an opening, an extension, a reminder, the close and a cancellation, each with a
// link to the campaign's page.

#include <chrono>
#include <string>

#include "api/store/campaigns.hpp"

namespace jointbuy::mail {

/// The words of `a`; links start with `public_url` ("https://jointbuy.lu.ch").
store::mail_words campaign_mail(const store::announcement& a, const std::string& public_url);

/// A composer for the store that words with campaign_mail.
store::mail_composer campaign_mail_composer(std::string public_url);

/// A stored UTC timestamp as Swiss local time (CET/CEST): "15.03.2027, 17:00 Uhr".
std::string swiss_time(const std::string& stored);

}  // namespace jointbuy::mail
