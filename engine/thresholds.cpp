#include "engine/thresholds.hpp"

namespace jointbuy::engine {

namespace {

std::string chf(rappen amount) { return "CHF " + format_chf_grouped(amount); }

}  // namespace

const threshold_period* period_on(const threshold_table& table, date day) {
  for (const auto& period : table.periods) {
    if (period.valid_from <= day && (!period.valid_to || day <= *period.valid_to)) return &period;
  }
  return nullptr;
}

std::optional<procedure_ruling> required_procedure(const threshold_table& table, rappen value, procurement_type type,
                                                   date award_date) {
  const auto* period = period_on(table, award_date);
  if (period == nullptr) return std::nullopt;
  const auto limits = period->by_type.find(type);
  if (limits == period->by_type.end()) return std::nullopt;
  procedure_ruling ruling;
  ruling.limits = limits->second;
  ruling.period = period;
  if (value < ruling.limits.free_hand_below) {
    ruling.required = procedure::free_hand;
  } else if (value < ruling.limits.invitation_below) {
    ruling.required = procedure::invitation;
  } else {
    ruling.required = procedure::open;
  }
  ruling.international = value >= ruling.limits.treaty_threshold;
  // The treaty area always requires an open or selective procedure, whatever Annex 2 says.
  if (ruling.international) ruling.required = procedure::open;
  return ruling;
}

std::string explain(const procedure_ruling& ruling, rappen value, procurement_type type, language lang) {
  const bool de = lang == language::de;
  std::string sentence = chf(value) + (de ? " für " : " for ") + std::string{procurement_type_name(type, lang)} + " ";
  const auto& limits = ruling.limits;
  if (ruling.international) {
    sentence += de ? "erreicht den Schwellenwert des Staatsvertragsbereichs (WTO GPA) von " + chf(limits.treaty_threshold)
                   : "reaches the treaty threshold (WTO GPA) of " + chf(limits.treaty_threshold);
  } else if (ruling.required == procedure::open) {
    sentence += de ? "erreicht den Schwellenwert von " + chf(limits.invitation_below) + " für das offene Verfahren"
                   : "reaches the threshold of " + chf(limits.invitation_below) + " for an open procedure";
  } else if (ruling.required == procedure::invitation) {
    sentence += de ? "liegt ab " + chf(limits.free_hand_below) + " und unter dem Schwellenwert von " +
                         chf(limits.invitation_below) + " für das offene Verfahren"
                   : "is at or above the free-hand limit of " + chf(limits.free_hand_below) +
                         " and below the threshold of " + chf(limits.invitation_below) + " for an open procedure";
  } else {
    sentence += de ? "liegt unter der Grenze von " + chf(limits.free_hand_below) + " für das freihändige Verfahren"
                   : "is below the free-hand limit of " + chf(limits.free_hand_below);
  }
  sentence += ": ";
  sentence += procedure_name(ruling.required, lang);
  if (ruling.international) sentence += ", international";
  if (ruling.period != nullptr) {
    sentence += " (" + ruling.period->source + (de ? ", gültig ab " : ", in force since ") +
                format_swiss_date(ruling.period->valid_from) + ")";
  }
  sentence += ".";
  return sentence;
}

}  // namespace jointbuy::engine
