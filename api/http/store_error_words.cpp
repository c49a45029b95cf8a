#include "api/http/store_error_words.hpp"

namespace jointbuy::http {

namespace {

struct record_words {
  // "intent"; "die Beschaffungsabsicht"; "keine Beschaffungsabsicht" (after "Es gibt").
  const char* noun_en;
  const char* the_de;
  const char* none_de;
};

record_words words_of(store::record kind) {
  switch (kind) {
    case store::record::intent: return {"intent", "die Beschaffungsabsicht", "keine Beschaffungsabsicht"};
    case store::record::catalogue_item: return {"catalogue item", "der Katalogartikel", "keinen Katalogartikel"};
    case store::record::organisation: return {"organisation", "die Organisation", "keine Organisation"};
    case store::record::bundle: return {"bundle", "das Bündel", "kein Bündel"};
    case store::record::bundling_run: return {"bundling run", "der Bündelungslauf", "keinen Bündelungslauf"};
    case store::record::token: return {"token", "das Token", "kein Token"};
    case store::record::person: return {"person", "die Person", "keine Person"};
    case store::record::campaign: return {"campaign", "die Bedarfserhebung", "keine Bedarfserhebung"};
    case store::record::framework_agreement: return {"framework agreement", "der Rahmenvertrag", "keinen Rahmenvertrag"};
    case store::record::opportunity:
      return {"agreement opportunity", "die Chance für einen Rahmenvertrag", "keine Chance für einen Rahmenvertrag"};
  }
  return {"record", "der Eintrag", "keinen Eintrag"};
}

// "12" for numbered records, "'monitor-24'" for named ones.
std::string shown_id(const store::record_ref& subject) {
  const bool numbered = subject.kind == store::record::intent || subject.kind == store::record::bundle ||
                        subject.kind == store::record::bundling_run || subject.kind == store::record::campaign ||
                        subject.kind == store::record::framework_agreement;
  if (numbered) return subject.id;
  std::string quoted{'\''};
  quoted.append(subject.id).append("'");
  return quoted;
}

// "The intent 12" / "Die Beschaffungsabsicht 12": the record as a sentence starts with it.
std::string sentence_start(const store::record_ref& subject, bool de) {
  const auto w = words_of(subject.kind);
  std::string text = de ? w.the_de : std::string{"the "}.append(w.noun_en);
  text[0] = static_cast<char>(text[0] - 'a' + 'A');
  text.append(" ").append(shown_id(subject));
  return text;
}

}  // namespace

std::string describe(const store::not_found& missing, engine::language lang) {
  const auto w = words_of(missing.subject().kind);
  std::string text;
  if (lang == engine::language::de) {
    text.append("Es gibt ").append(w.none_de).append(" ").append(shown_id(missing.subject())).append(".");
  } else {
    text.append("There is no ").append(w.noun_en).append(" ").append(shown_id(missing.subject())).append(".");
  }
  return text;
}

std::string describe(const store::stale_version& stale, engine::language lang) {
  const bool de = lang == engine::language::de;
  std::string text = sentence_start(stale.subject(), de);
  if (stale.current() > 0) {
    text.append(de ? " ist inzwischen in Version " : " is at version ").append(std::to_string(stale.current()));
    text.append(de ? ", nicht mehr in Version " : ", not ").append(std::to_string(stale.expected())).append(".");
  } else {
    text.append(de ? " wurde seit Version " : " has changed since version ").append(std::to_string(stale.expected()));
    text.append(de ? " geändert." : ".");
  }
  text.append(de ? " Bitte neu laden und die Änderung nochmals anbringen." : " Reload it and apply your change again.");
  return text;
}

std::string describe(const store::conflict& conflict, engine::language lang) {
  const bool de = lang == engine::language::de;
  using why = store::conflict::reason;
  switch (conflict.why()) {
    case why::idempotency_key_reused:
      return de ? "Dieser Idempotency-Key wurde schon für eine andere Anfrage verwendet; für eine neue Anfrage einen neuen wählen."
                : "This Idempotency-Key was used for a different request; choose a new key for a new request.";
    case why::withdrawn:
      if (conflict.subject()) {
        return sentence_start(*conflict.subject(), de)
            .append(de ? " ist zurückgezogen und kann nicht mehr geändert werden." : " is withdrawn and cannot be changed any more.");
      }
      break;
    case why::campaign_answer:
      if (conflict.subject()) {
        return sentence_start(*conflict.subject(), de)
            .append(de ? " gehört zur Antwort auf eine Bedarfserhebung; sie ändert sich nur mit der Antwort (auf der Seite der Erhebung)."
                       : " is part of the answer to a needs survey; it changes with that answer only (on the survey's page).");
      }
      break;
    case why::called_off:
      if (conflict.subject()) {
        return sentence_start(*conflict.subject(), de)
            .append(de ? " wurde schon aus einem Rahmenvertrag abgerufen und kann nicht mehr geändert werden."
                       : " was bought by a call-off from a framework agreement and cannot change any more.");
      }
      break;
    case why::in_tender:
      if (conflict.subject()) {
        return sentence_start(*conflict.subject(), de)
            .append(de ? " gehört schon zu einer Ausschreibung, über die entschieden ist: Sie wird dort beschafft, nicht ein zweites Mal."
                       : " belongs to a tender a coordinator decided on already: it is bought there, not a second time.");
      }
      break;
    case why::framework_tender_started:
      if (conflict.subject()) {
        return std::string{de ? "Für diese Chance läuft schon eine Rahmenvertragsausschreibung: das Bündel "
                              : "A framework tender on this opportunity exists already: bundle "}
            .append(conflict.subject()->id)
            .append(".");
      }
      break;
    case why::not_tendered:
      if (conflict.subject()) {
        return sentence_start(*conflict.subject(), de)
            .append(de ? " ist keine ausgeschriebene Rahmenvertragsausschreibung: Zuschlag erst, wenn sie als ausgeschrieben gilt."
                       : " is not a tendered framework tender: it is awarded once it is marked tendered.");
      }
      break;
    case why::awarded:
      if (conflict.subject()) {
        return sentence_start(*conflict.subject(), de)
            .append(de ? " hat den Zuschlag schon: ihr Rahmenvertrag besteht." : " was awarded already: its framework agreement exists.");
      }
      break;
    case why::key_taken:
      if (conflict.subject()) return sentence_start(*conflict.subject(), de).append(de ? " gibt es schon." : " exists already.");
      return de ? "Ein Eintrag mit demselben Schlüssel besteht schon." : "A record with the same key exists already.";
  }
  return de ? "Die Änderung widerspricht gespeicherten Daten." : "The change conflicts with stored data.";
}

}  // namespace jointbuy::http
