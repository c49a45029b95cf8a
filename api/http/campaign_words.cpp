#include "api/http/campaign_words.hpp"

#include "api/mail/campaign_mail.hpp"

namespace jointbuy::http {

std::string state_name(campaign::state value, engine::language lang) {
  const bool de = lang == engine::language::de;
  switch (value) {
    case campaign::state::draft: return de ? "Entwurf" : "draft";
    case campaign::state::open: return de ? "offen" : "open";
    case campaign::state::closed: return de ? "abgeschlossen" : "closed";
    case campaign::state::bundled: return de ? "gebündelt" : "bundled";
    case campaign::state::cancelled: return de ? "abgesagt" : "cancelled";
  }
  return std::string{campaign::to_string(value)};
}

std::string action_name(campaign::action value, engine::language lang) {
  const bool de = lang == engine::language::de;
  switch (value) {
    case campaign::action::edit: return de ? "bearbeiten" : "edit";
    case campaign::action::open: return de ? "eröffnen" : "open";
    case campaign::action::extend: return de ? "verlängern" : "extend";
    case campaign::action::close: return de ? "abschliessen" : "close";
    case campaign::action::cancel: return de ? "absagen" : "cancel";
    case campaign::action::bundle: return de ? "bündeln" : "bundle";
  }
  return std::string{campaign::to_string(value)};
}

std::string answer_state_name(campaign::answer_state value, engine::language lang) {
  const bool de = lang == engine::language::de;
  switch (value) {
    case campaign::answer_state::invited: return de ? "eingeladen, noch keine Antwort" : "invited, no answer yet";
    case campaign::answer_state::answered: return de ? "Bedarf gemeldet" : "needs declared";
    case campaign::answer_state::no_need: return de ? "kein Bedarf" : "no need";
    case campaign::answer_state::no_response: return de ? "keine Antwort" : "no response";
  }
  return std::string{campaign::to_string(value)};
}

std::string describe(const store::campaign_refused::details& r, engine::language lang) {
  const bool de = lang == engine::language::de;
  std::string text;
  const auto when = mail::swiss_time(r.closes_at);
  if (!r.facts) {
    // An answer to a campaign that takes none (any more, or not yet).
    if (r.current == campaign::state::closed || r.current == campaign::state::bundled) {
      text = de ? "Die Bedarfserhebung " : "The needs survey ";
      text.append(std::to_string(r.campaign)).append(de ? " ist seit " : " closed on ").append(when);
      text.append(de ? " abgeschlossen; Antworten sind nicht mehr möglich." : "; it takes no more answers.");
    } else if (r.current == campaign::state::cancelled) {
      text = de ? "Die Bedarfserhebung " : "The needs survey ";
      text.append(std::to_string(r.campaign)).append(de ? " wurde abgesagt." : " was cancelled.");
    } else {
      text = de ? "Die Bedarfserhebung " : "The needs survey ";
      text.append(std::to_string(r.campaign)).append(de ? " ist noch nicht eröffnet." : " has not opened yet.");
    }
    if (!r.contact_name.empty()) {
      text.append(de ? " Auskunft gibt " : " Please contact ").append(r.contact_name);
      if (!r.contact_email.empty()) text.append(" (").append(r.contact_email).append(")");
      text.append(".");
    } else {
      text.append(de ? " Auskunft gibt die Beschaffungskoordination." : " Please contact the procurement coordination.");
    }
    return text;
  }
  using why = campaign::refusal::reason;
  switch (r.facts->why) {
    case why::not_later:
      return std::string{de ? "Eine Verlängerung muss den Schluss später legen als bisher (" : "An extension must move the close later than it is ("}
          .append(when)
          .append(").");
    case why::close_passed:
      return de ? "Der Schluss muss in der Zukunft liegen." : "The close must be in the future.";
    case why::not_allowed: break;
  }
  text = de ? "Eine Bedarfserhebung im Stand «" : "A needs survey that is ";
  text.append(state_name(r.current, lang)).append(de ? "» kann man nicht " : " cannot be asked to ").append(action_name(r.facts->action, lang));
  text.append(".");
  if (r.facts->allowed.empty()) {
    text.append(de ? " Damit ist nichts mehr zu tun." : " Nothing more can be done with it.");
  } else {
    text.append(de ? " Möglich: " : " Possible: ");
    for (std::size_t i = 0; i < r.facts->allowed.size(); ++i) {
      if (i > 0) text.append(", ");
      text.append(action_name(r.facts->allowed[i], lang));
    }
    text.append(".");
  }
  return text;
}

}  // namespace jointbuy::http
