#include "engine/bundling.hpp"

namespace jointbuy::engine {

namespace {

std::int64_t amount(const reason& r, const char* name) {
  const auto* found = r.amounts.find(name);
  return found ? found->second : 0;
}

std::string text(const reason& r, const char* name) {
  const auto* found = r.texts.find(name);
  return found ? found->second : std::string{};
}

std::string chf(const reason& r, const char* name) { return "CHF " + format_chf_grouped(amount(r, name)); }

std::string chf_abs(const reason& r, const char* name) {
  const auto value = amount(r, name);
  return "CHF " + format_chf_grouped(value < 0 ? -value : value);
}

// "11'904": a count as Swiss readers group it (built by appending: GCC 12 warns on insert, -Wrestrict).
std::string count(const reason& r, const char* name) {
  const auto value = amount(r, name);
  const std::string digits = std::to_string(value < 0 ? -value : value);
  std::string grouped = value < 0 ? "-" : "";
  for (std::size_t k = 0; k < digits.size(); ++k) {
    if (k > 0 && (digits.size() - k) % 3 == 0) grouped.push_back('\'');
    grouped.push_back(digits[k]);
  }
  return grouped;
}

std::string named(const std::function<std::string(const std::string&)>& by, const std::string& id) { return by ? by(id) : id; }

std::string procedure_text(const std::string& name, language lang) {
  const auto p = parse_procedure(name);
  return p ? std::string{procedure_name(*p, lang)} : name;
}

std::string date_text(const std::string& iso, language lang) {
  const auto day = parse_iso_date(iso);
  return day && lang == language::de ? format_swiss_date(*day) : iso;
}

// "; alone: free-hand procedure for CHF 46'000.00" — only on flags, which know the member.
std::string own_part(const reason& r, language lang) {
  if (r.texts.count("own_procedure") == 0) return "";
  return lang == language::de ? " (einzeln: " + procedure_text(text(r, "own_procedure"), lang) + " für " + chf(r, "own_value") + ")"
                              : " (alone: " + procedure_text(text(r, "own_procedure"), lang) + " for " + chf(r, "own_value") + ")";
}

std::string costs_part(const reason& r, language lang) {
  // The costs after volume discounts and with the procedures' own costs, not the value at the
  // estimated prices: the savings are their difference.
  return lang == language::de ? " (Kosten nach Mengenrabatt und mit Verfahrensaufwand: jede einzeln zusammen " + chf(r, "standalone") +
                                    ", gemeinsam " + chf(r, "joint") + ")"
                              : " (cost after volume discounts and with procedure overheads: each alone " + chf(r, "standalone") +
                                    " in all, together " + chf(r, "joint") + ")";
}

}  // namespace

std::string describe(const reason& r, language lang, const reason_names& names) {
  const bool de = lang == language::de;
  const auto& code = r.code;
  if (code == codes::joint_tender) {
    return de ? std::to_string(amount(r, "buyers")) + " Auftraggeberinnen benötigen " + count(r, "quantity") +
                    " Einheiten im Wert von " + chf(r, "value") + " mit einem gemeinsamen Vergabetermin: gemeinsame Beschaffung (" +
                    procedure_text(text(r, "procedure"), lang) + "), geschätzte Einsparung " + chf(r, "savings") + costs_part(r, lang) +
                    "; federführend: " + named(names.organisation, text(r, "lead")) + "."
              : std::to_string(amount(r, "buyers")) + " buyers need " + count(r, "quantity") + " units worth " +
                    chf(r, "value") + " with a common award date: joint tender by " + procedure_text(text(r, "procedure"), lang) +
                    ", estimated savings " + chf(r, "savings") + costs_part(r, lang) + "; lead buyer: " + named(names.organisation, text(r, "lead")) + ".";
  }
  if (code == codes::single_buyer) {
    return de ? "Nur eine Auftraggeberin benötigt dies in diesem Zeitfenster (" + chf(r, "value") + "): Einzelbeschaffung" +
                    own_part(r, lang) + "."
              : "Only one buyer needs this in this window (" + chf(r, "value") + "): bought individually" + own_part(r, lang) + ".";
  }
  if (code == codes::not_worth) {
    return de ? std::to_string(amount(r, "buyers")) + " Auftraggeberinnen könnten " + chf(r, "value") +
                    " gemeinsam beschaffen, die geschätzte Einsparung beträgt aber " + chf(r, "savings") + costs_part(r, lang) +
                    ": jede beschafft einzeln" + own_part(r, lang) + "."
              : std::to_string(amount(r, "buyers")) + " buyers could tender " + chf(r, "value") +
                    " together, but the estimated savings are " + chf(r, "savings") + costs_part(r, lang) +
                    ": each buys individually" + own_part(r, lang) + ".";
  }
  if (code == codes::hardware_too_small) {
    return de ? "Hardware im Gesamtwert von " + chf(r, "value") + " bleibt " + chf(r, "shortfall") + " unter dem Schwellenwert von " +
                    chf(r, "open_threshold") + " für das offene Verfahren: eine öffentliche Ausschreibung lohnt sich nicht, " +
                    "jede Auftraggeberin beschafft einzeln" + own_part(r, lang) + "."
              : "Hardware worth " + chf(r, "value") + " in all stays " + chf(r, "shortfall") + " below the threshold of " +
                    chf(r, "open_threshold") + " for an open procedure: a public tender is not worth it, each buyer buys " +
                    "individually" + own_part(r, lang) + ".";
  }
  if (code == codes::procedure_required) {
    threshold_period period{parse_iso_date(text(r, "valid_from")).value_or(date{}), std::nullopt, {}, text(r, "source")};
    procedure_ruling ruling{parse_procedure(text(r, "procedure")).value_or(procedure::open), amount(r, "international") == 1,
                            {amount(r, "free_hand_below"), amount(r, "invitation_below"), amount(r, "treaty")}, &period};
    return explain(ruling, amount(r, "value"),
                   parse_procurement_type(text(r, "procurement_type")).value_or(procurement_type::supply), lang);
  }
  if (code == codes::splitting_risk) {
    return de ? std::to_string(amount(r, "purchases")) + " Einzelbeschaffungen von " + text(r, "key") +
                    " derselben Auftraggeberin beginnen innerhalb von 365 Tagen und haben zusammen einen Wert von " +
                    chf(r, "sum") + "; dieser Wert verlangt: " + procedure_text(text(r, "procedure"), lang) +
                    ". Ein Auftrag darf nicht aufgeteilt werden, um Schwellenwerte zu umgehen (IVöB Art. 15 Abs. 2)."
              : std::to_string(amount(r, "purchases")) + " individual purchases of " + text(r, "key") +
                    " by this buyer begin within 365 days and together are worth " + chf(r, "sum") + ", which requires the " +
                    procedure_text(text(r, "procedure"), lang) +
                    ": a contract must not be split to stay below a threshold (IVöB Art. 15 para. 2).";
  }
  if (code == codes::window_shift) {
    const auto days = amount(r, "shift_days");
    const auto magnitude = std::to_string(days < 0 ? -days : days);
    const bool one = days == 1 || days == -1;
    return de ? "Das Vergabefenster " + magnitude + (one ? " Tag " : " Tage ") + (days < 0 ? "früher" : "später") +
                    " anzusetzen, damit es den Vergabetermin " + date_text(text(r, "award_from"), lang) + " bis " +
                    date_text(text(r, "award_to"), lang) + " trifft, liesse diese Beschaffung an der gemeinsamen Beschaffung " +
                    text(r, "bundle") + " teilnehmen und erhöhte deren geschätzte Einsparung um " + chf(r, "savings_change") + "."
              : "Moving the award window " + magnitude + (one ? " day " : " days ") + (days < 0 ? "earlier" : "later") + ", to meet the award window " +
                    text(r, "award_from") + " to " + text(r, "award_to") + ", would let this purchase join the joint tender " +
                    text(r, "bundle") + " and raise its estimated savings by " + chf(r, "savings_change") + ".";
  }
  if (code == codes::no_thresholds) {
    return de ? "Am " + date_text(text(r, "date"), lang) + " sind keine Schwellenwerte in Kraft: keine Verfahrensbestimmung möglich."
              : "No procurement thresholds are in force on " + text(r, "date") + ": no procedure can be determined.";
  }
  if (code == codes::unpriceable) {
    return de ? "Der Wert dieser Beschaffung von " + text(r, "item") + " übersteigt CHF 10 Milliarden: nicht gruppiert."
              : "The value of this purchase of " + text(r, "item") + " exceeds CHF 10 billion: not grouped.";
  }
  if (code == codes::call_off_available) {
    const auto agreement = named(names.agreement, text(r, "agreement"));
    const bool cheaper = amount(r, "saving") >= 0;
    return de ? "Abruf aus dem Rahmenvertrag " + agreement + " ab " + date_text(text(r, "call_off_date"), lang) + " möglich: " +
                    count(r, "quantity") + " Einheiten zu " + chf(r, "price") + " kosten " + chf(r, "call_off_value") +
                    ", einzeln beschafft (mit Verfahrensaufwand) " + chf(r, "standalone") + (cheaper ? "; Einsparung " : "; Mehrkosten ") +
                    chf_abs(r, "saving") + ". Danach bleiben vom Höchstbetrag " + chf(r, "remaining_after") + "."
              : "A call-off from framework agreement " + agreement + " is possible from " + text(r, "call_off_date") + ": " +
                    count(r, "quantity") + " units at " + chf(r, "price") + " cost " + chf(r, "call_off_value") +
                    ", bought alone (with the procedure's cost) " + chf(r, "standalone") + (cheaper ? "; saving " : "; extra cost ") +
                    chf_abs(r, "saving") + ". Afterwards " + chf(r, "remaining_after") + " of the ceiling remain.";
  }
  if (code == codes::call_off_ceiling_exceeded) {
    const auto agreement = named(names.agreement, text(r, "agreement"));
    const bool by_quantity = r.amounts.count("remaining_quantity") > 0 && amount(r, "remaining_quantity") < amount(r, "quantity") &&
                             amount(r, "call_off_value") <= amount(r, "remaining");
    if (by_quantity) {
      return de ? "Der Rahmenvertrag " + agreement + " deckt diese Beschaffung, es bleiben aber nur " + count(r, "remaining_quantity") +
                      " von " + count(r, "quantity") + " benötigten Einheiten: kein Abruf möglich."
                : "Framework agreement " + agreement + " covers this purchase, but only " + count(r, "remaining_quantity") + " of the " +
                      count(r, "quantity") + " units needed remain: no call-off possible.";
    }
    return de ? "Der Rahmenvertrag " + agreement + " deckt diese Beschaffung, vom Höchstbetrag bleiben aber nur " + chf(r, "remaining") +
                    " für einen Abruf von " + chf(r, "call_off_value") + ": kein Abruf möglich."
              : "Framework agreement " + agreement + " covers this purchase, but only " + chf(r, "remaining") +
                    " of its ceiling remain for a call-off of " + chf(r, "call_off_value") + ": no call-off possible.";
  }
  if (code == codes::agreement_opportunity) {
    const auto international = amount(r, "international") == 1;
    return de ? std::to_string(amount(r, "buyers")) + " Auftraggeberinnen benötigen " + text(r, "key") + " zwischen " +
                    date_text(text(r, "first"), lang) + " und " + date_text(text(r, "last"), lang) + " (" + count(r, "quantity") +
                    " Einheiten, " + chf(r, "value") + ") ohne gemeinsamen Vergabetermin: ein Rahmenvertrag (" +
                    procedure_text(text(r, "procedure"), lang) + (international ? ", international" : "") +
                    ") spart geschätzt " + chf(r, "savings") + costs_part(r, lang) + "; jede ruft ab, wenn ihr Bedarf kommt."
              : std::to_string(amount(r, "buyers")) + " buyers need " + text(r, "key") + " between " + text(r, "first") + " and " +
                    text(r, "last") + " (" + count(r, "quantity") + " units, " + chf(r, "value") +
                    ") with no common award date: a framework agreement (" + procedure_text(text(r, "procedure"), lang) +
                    (international ? ", international" : "") + ") would save an estimated " + chf(r, "savings") +
                    costs_part(r, lang) + "; each calls off when its need comes.";
  }
  if (code == codes::reevaluated) {
    const auto change = text(r, "change");
    const auto subject = change == "decline" ? named(names.organisation, text(r, "subject")) : text(r, "subject");
    std::string what;
    if (change == "decline") what = de ? "Absage von " + subject : "buyer " + subject + " declined";
    if (change == "move_out") what = de ? "Herausnahme der Beschaffungsabsicht " + subject : "intent " + subject + " was moved out";
    if (change == "merge") what = de ? "Zusammenlegung mit " + subject : "merge with " + subject;
    if (change == "review") what = de ? "Prüfung der geänderten Beschaffungsabsichten" : "review of changed intents";
    const auto by = named(names.person, text(r, "by"));
    return de ? "Neu bewertet nach " + what + " durch " + by + ": vorher " + chf(r, "value_before") +
                    ", geschätzte Einsparung vorher " + chf(r, "savings_before") + "."
              : "Re-evaluated after " + what + " (by " + by + "): before, " + chf(r, "value_before") +
                    " with estimated savings of " + chf(r, "savings_before") + ".";
  }
  return std::string{code.view()};
}

}  // namespace jointbuy::engine
