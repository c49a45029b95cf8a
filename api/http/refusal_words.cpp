#include "api/http/refusal_words.hpp"

#include <array>

namespace jointbuy::http {

namespace {

constexpr std::array<std::string_view, 6> status_en{"proposed", "approved", "rejected", "tendered", "withdrawn", "under review"};
constexpr std::array<std::string_view, 6> status_de{"vorgeschlagen", "genehmigt", "abgelehnt", "ausgeschrieben", "zurückgezogen",
                                                    "zu prüfen"};
constexpr std::array<std::string_view, 9> action_en{"approve", "reject", "mark as tendered", "withdraw", "confirm",
                                                    "decline", "move out", "merge", "put under review"};
constexpr std::array<std::string_view, 9> action_de{"genehmigen",   "ablehnen",        "als ausgeschrieben markieren",
                                                    "zurückziehen", "Teilnahme bestätigen", "absagen",
                                                    "herauslösen",  "zusammenlegen",   "zur Prüfung stellen"};

std::string list_of(const std::vector<std::string>& subjects) {
  std::string list;
  for (const auto& s : subjects) list.append(list.empty() ? "" : ", ").append(s);
  return list;
}

std::string first(const review::refusal& r) { return r.subjects.empty() ? std::string{} : r.subjects.front(); }

// The status as the pages name it ("zu prüfen").
std::string_view status_word(review::status value, engine::language lang) {
  const auto k = static_cast<std::size_t>(value);
  return lang == engine::language::de ? status_de.at(k) : status_en.at(k);
}

}  // namespace

std::string describe(const review::refusal& r, engine::language lang) {
  using why = review::refusal::reason;
  const bool de = lang == engine::language::de;
  const std::string id = std::to_string(r.tender);
  const std::string status{status_word(r.status, lang)};
  const auto k = static_cast<std::size_t>(r.action);
  const std::string action{de ? action_de.at(k) : action_en.at(k)};
  switch (r.why) {
    case why::not_allowed:
      return de ? "Bündel " + id + " ist " + status + ": «" + action + "» ist jetzt nicht möglich."
                : "Bundle " + id + " is " + status + ": it cannot be given '" + action + "' now.";
    case why::stale_version:
      return de ? "Bündel " + id + " ist inzwischen in Version " + std::to_string(r.current_version) + "; bitte neu laden."
                : "Bundle " + id + " is at version " + std::to_string(r.current_version) + " now; read it again.";
    case why::not_a_member: return de ? "Es gibt kein Bündel " + id + "." : "There is no bundle " + id + ".";
    case why::reference_missing:
      return de ? "Die Referenz der Ausschreibung (z. B. die simap-Nummer) fehlt."
                : "The tender's reference (its simap number, say) is missing.";
    case why::buyers_pending:
      return de ? "Alle Beteiligten müssen ihre Teilnahme bestätigen, bevor ausgeschrieben wird; ausstehend: " + list_of(r.subjects) + "."
                : "Every buyer must confirm before the tender is published; still to answer: " + list_of(r.subjects) + ".";
    case why::superseded:
      return de ? "Bündel " + id + " stammt aus Lauf " + first(r) +
                      ", den ein neuerer Lauf ersetzt hat; prüfen Sie die Vorschläge des neueren Laufs."
                : "Bundle " + id + " belongs to run " + first(r) + ", which a newer run has replaced; review the newer run's bundles.";
    case why::not_in_tender:
      return de ? "Die Absicht " + first(r) + " gehört nicht zu Bündel " + id + "." : "Intent " + first(r) + " is not in bundle " + id + ".";
    case why::only_intent:
      return de ? "Die Absicht " + first(r) + " ist die einzige in Bündel " + id + "; ziehen Sie das Bündel stattdessen zurück."
                : "Intent " + first(r) + " is the only one in bundle " + id + "; withdraw the bundle instead.";
    case why::no_common_date:
      if (r.action == review::action::merge) {
        return de ? "Die Absichten der Bündel " + id + " und " + first(r) + " haben kein gemeinsames Vergabedatum."
                  : "The intents of bundles " + id + " and " + first(r) + " have no award date in common.";
      }
      return de ? "Die Absichten von Bündel " + id + " haben kein gemeinsames Vergabedatum mehr; lösen Sie die geänderten zuerst heraus."
                : "The intents of bundle " + id + " no longer share an award date; move the ones that changed out first.";
    case why::all_withdrawn:
      return de ? "Alle Absichten von Bündel " + id + " wurden zurückgezogen." : "Every intent of bundle " + id + " was withdrawn.";
    case why::not_worth_joint_tender:
      return de ? "Mit seinen Absichten, wie sie jetzt sind, lohnt sich für Bündel " + id + " keine gemeinsame Ausschreibung mehr."
                : "With its intents as they are now, bundle " + id + " is no longer worth a joint tender.";
    case why::same_tender: return de ? "Ein Bündel kann nicht mit sich selbst zusammengelegt werden." : "A bundle cannot be merged with itself.";
    case why::not_mergeable:
      return de ? "Zusammengelegt werden nur Bündel desselben Laufs mit demselben Kompatibilitätsschlüssel."
                : "Only bundles of the same run and the same compatibility key are merged.";
    case why::items_changed:
      return de ? "Die Katalogartikel der Absichten von Bündel " + id + " sind nicht mehr bekannt oder nicht mehr kompatibel."
                : "The catalogue items of bundle " + id + "'s intents are no longer known or no longer compatible.";
  }
  return {};
}

}  // namespace jointbuy::http
