#include "api/http/audit_export.hpp"

#include <array>

namespace jointbuy::http {

namespace {

struct words {
  const char* code;
  const char* en;
  const char* de;
};

constexpr std::array action_words{
    words{"create", "created", "erfasst"},
    words{"import", "imported", "importiert"},
    words{"update", "changed", "geändert"},
    words{"withdraw", "withdrawn", "zurückgezogen"},
    words{"rotate", "key renewed", "Schlüssel erneuert"},
    words{"revoke", "revoked", "gesperrt"},
    words{"approve", "approved", "genehmigt"},
    words{"reject", "rejected", "abgelehnt"},
    words{"tendered", "marked as tendered", "als ausgeschrieben markiert"},
    words{"confirm", "participation confirmed", "Teilnahme bestätigt"},
    words{"decline", "declined", "abgesagt"},
    words{"move_out", "moved out", "herausgelöst"},
    words{"merge", "merged", "zusammengelegt"},
    words{"needs_review", "put under review", "zur Prüfung gestellt"},
    words{"invite", "invited", "eingeladen"},
    words{"accept_invitation", "invitation accepted", "Einladung angenommen"},
    words{"sign_in", "signed in", "angemeldet"},
    words{"sign_out", "signed out", "abgemeldet"},
    words{"lockout", "sign-in locked after failed attempts", "Anmeldung nach Fehlversuchen gesperrt"},
    words{"deactivate", "deactivated", "deaktiviert"},
    words{"change_password", "password changed", "Passwort geändert"},
};

constexpr std::array entity_words{
    words{"intent", "Purchase intent", "Beschaffungsabsicht"},
    words{"bundle", "Bundle", "Bündel"},
    words{"bundling_run", "Bundling run", "Bündelungslauf"},
    words{"catalog_item", "Catalogue item", "Katalogartikel"},
    words{"organisation", "Organisation", "Organisation"},
    words{"token", "Access token", "Zugangsschlüssel"},
    words{"person", "Person", "Person"},
    words{"sign_in", "Sign-in", "Anmeldung"},
};

template <std::size_t N>
std::string word_of(const std::array<words, N>& table, std::string_view code, engine::language lang) {
  for (const auto& w : table) {
    if (code == w.code) return lang == engine::language::de ? w.de : w.en;
  }
  return std::string{code};
}

// "Kriens (1059)", or the id alone when the name is unknown, or nothing.
std::string named(const std::optional<std::string>& id, const std::optional<std::string>& name) {
  if (!id) return {};
  if (!name) return *id;
  std::string text = *name;
  text.append(" (").append(*id).append(")");
  return text;
}

// A stored time ("2026-12-02T10:15:03.123456Z") as Swiss readers write it ("02.12.2026 10:15:03").
std::string swiss_time(const std::string& stored) {
  if (stored.size() < 19) return stored;
  std::string text = stored.substr(8, 2);
  text.append(".").append(stored.substr(5, 2)).append(".").append(stored.substr(0, 4)).append(" ").append(stored.substr(11, 8));
  return text;
}

}  // namespace

std::string audit_action_words(std::string_view action, engine::language lang) {
  return word_of(action_words, action, lang);
}

std::string audit_entity_words(std::string_view entity, engine::language lang) {
  return word_of(entity_words, entity, lang);
}

std::string audit_csv(const std::vector<store::audit_entry>& entries, const catalog::schedule_format& format) {
  const bool de = format.lang == engine::language::de;
  std::string out = format.bom ? "\xEF\xBB\xBF" : "";
  const auto row = [&](const std::vector<std::string>& cells) {
    for (std::size_t k = 0; k < cells.size(); ++k) {
      if (k > 0) out += format.separator;
      out += catalog::csv_cell(cells[k], format.separator);
    }
    out += "\r\n";
  };
  if (de) {
    row({"Nr.", "Zeitpunkt (UTC)", "Person", "Zugang", "Organisation der Person", "Vorgang", "Code des Vorgangs",
         "Datensatz", "Art des Datensatzes", "Nr. des Datensatzes", "Organisation des Datensatzes", "Vorher", "Nachher"});
  } else {
    row({"entry", "occurred_at_utc", "person", "actor", "person_organisation", "action_words", "action", "record",
         "entity", "entity_id", "record_organisation", "before", "after"});
  }
  for (const auto& e : entries) {
    const auto& r = e.record;
    row({std::to_string(e.id), de ? swiss_time(e.occurred_at) : e.occurred_at, e.actor_name.value_or(r.actor), r.actor,
         named(e.actor_organisation, e.actor_organisation_name), audit_action_words(r.action, format.lang), r.action,
         audit_entity_words(r.entity, format.lang), r.entity, r.entity_id, named(e.organisation, e.organisation_name),
         r.before.value_or(""), r.after.value_or("")});
  }
  return out;
}

}  // namespace jointbuy::http
