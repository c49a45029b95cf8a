#include "api/mail/campaign_mail.hpp"

#include <array>
#include <cstdio>

#include "api/store/timestamps.hpp"

namespace jointbuy::mail {

namespace {

using namespace std::chrono;

// The last Sunday of `m` in year `y`, 01:00 UTC: when Central European summer time starts (March)
// and ends (October).
sys_seconds switch_at(year y, month m) {
  const sys_days sunday{y / m / Sunday[std::chrono::last]};
  return sys_seconds{sunday} + hours{1};
}

// Switzerland's offset from UTC at `at`: +2 h in summer time, else +1 h.
hours swiss_offset(sys_seconds at) {
  const auto y = year_month_day{floor<days>(at)}.year();
  return at >= switch_at(y, March) && at < switch_at(y, October) ? hours{2} : hours{1};
}

std::string day_text(sys_seconds local) {
  const year_month_day d{floor<days>(local)};
  std::array<char, 16> text{};
  std::snprintf(text.data(), text.size(), "%02u.%02u.%04d", static_cast<unsigned>(d.day()), static_cast<unsigned>(d.month()),
                static_cast<int>(d.year()));
  return text.data();
}

std::string greeting(const store::announcement& a) {
  std::string text = "Guten Tag ";
  text.append(a.recipient_name).append("\n\n");
  return text;
}

std::string closing(const store::announcement& a, const std::string& public_url) {
  std::string text = "\nZur Bedarfserhebung: ";
  text.append(public_url).append("/#/campaigns/").append(std::to_string(a.campaign->id)).append("\n\n");
  text.append("Freundliche Grüsse\njointbuy – Beschaffungskoordination von Kanton und Gemeinden\n\n");
  text.append("Diese Nachricht wurde automatisch versandt.\n");
  return text;
}

std::string quoted_title(const store::campaign_record& c) {
  std::string text = "«";
  text.append(c.fields.title).append("»");
  return text;
}

}  // namespace

std::string swiss_time(const std::string& stored) {
  const auto at = store::parse_utc_timestamp(stored);
  if (!at) return stored;
  const auto utc = floor<seconds>(*at);
  const auto local = utc + swiss_offset(utc);
  const auto time = hh_mm_ss{local - floor<days>(local)};
  std::array<char, 32> text{};
  std::snprintf(text.data(), text.size(), ", %02d:%02d Uhr", static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()));
  return day_text(local).append(text.data());
}

store::mail_words campaign_mail(const store::announcement& a, const std::string& public_url) {
  const auto& c = *a.campaign;
  const auto title = quoted_title(c);
  const auto closes = swiss_time(c.fields.closes_at);
  store::mail_words words;
  std::string body = greeting(a);
  if (a.kind == "opened") {
    words.subject.append("Bedarfserhebung ").append(title).append(": bitte bis ").append(closes.substr(0, 10)).append(" antworten");
    body.append("die Beschaffungskoordination führt die Bedarfserhebung ").append(title).append(" durch und lädt ")
        .append(a.organisation_name).append(" ein, den Bedarf zu melden.\n\n");
    if (!c.fields.description.empty()) body.append(c.fields.description).append("\n\n");
    body.append("Bitte melden Sie Ihren Bedarf – oder dass Sie keinen haben – bis ").append(closes).append(".\n");
    body.append(c.fields.binding ? "Die Angaben werden verbindlich, sobald die gemeinsame Ausschreibung genehmigt ist.\n"
                                 : "Die Angaben sind unverbindlich.\n");
  } else if (a.kind == "reminder") {
    words.subject.append("Erinnerung: Bedarfserhebung ").append(title).append(" schliesst am ").append(closes.substr(0, 10));
    body.append("von ").append(a.organisation_name).append(" ist zur Bedarfserhebung ").append(title)
        .append(" noch keine Antwort eingegangen. Die Erhebung schliesst am ").append(closes).append(".\n\n");
    body.append("Bitte melden Sie Ihren Bedarf – oder dass Sie keinen haben. Wer nicht antwortet, nimmt an der gemeinsamen "
                "Ausschreibung nicht teil.\n");
  } else if (a.kind == "extended") {
    words.subject.append("Verlängert: Bedarfserhebung ").append(title).append(" neu bis ").append(closes.substr(0, 10));
    body.append("die Frist der Bedarfserhebung ").append(title).append(" wurde verlängert");
    if (a.previous_close) body.append(", vom ").append(swiss_time(*a.previous_close));
    body.append(" auf den ").append(closes).append(".\n\nVon ").append(a.organisation_name)
        .append(" ist noch keine Antwort eingegangen; bitte melden Sie Ihren Bedarf – oder dass Sie keinen haben.\n");
  } else if (a.kind == "closed") {
    words.subject.append("Abgeschlossen: Bedarfserhebung ").append(title);
    body.append("die Bedarfserhebung ").append(title).append(" ist am ").append(swiss_time(c.closed_at.value_or(c.fields.closes_at)))
        .append(" abgeschlossen worden. Von ").append(a.organisation_name).append(" ist keine Antwort eingegangen; ")
        .append(a.organisation_name).append(" nimmt an dieser gemeinsamen Ausschreibung deshalb nicht teil.\n\n")
        .append("Fragen beantwortet die Beschaffungskoordination.\n");
  } else {
    words.subject.append("Abgesagt: Bedarfserhebung ").append(title);
    body.append("die Bedarfserhebung ").append(title).append(" wurde abgesagt. Bereits gemeldeter Bedarf wird dafür nicht verwendet.\n");
  }
  body.append(closing(a, public_url));
  words.body = std::move(body);
  return words;
}

store::mail_composer campaign_mail_composer(std::string public_url) {
  return [url = std::move(public_url)](const store::announcement& a) { return campaign_mail(a, url); };
}

}  // namespace jointbuy::mail
