#include "api/http/agreement_words.hpp"

#include <initializer_list>
#include <string_view>

#include "engine/date.hpp"
#include "engine/money.hpp"

namespace jointbuy::http {

namespace {

std::string chf(long long rappen) { return "CHF " + engine::format_chf_grouped(rappen); }

// The pieces joined by append (GCC 12 reports false -Wrestrict on + chains at -O2).
std::string joined(std::initializer_list<std::string_view> pieces) {
  std::string text;
  for (const auto piece : pieces) text.append(piece);
  return text;
}

std::string swiss(const std::string& iso) {
  const auto day = engine::parse_iso_date(iso);
  return day ? engine::format_swiss_date(*day) : iso;
}

}  // namespace

problem call_off_problem(const store::call_off_refused::details& r) {
  using why = store::call_off_refused::reason;
  const std::string agreement = std::to_string(r.agreement);
  std::string field, en, de;
  switch (r.why) {
    case why::not_valid:
      field = "date";
      en = joined({"lies outside the agreement's validity, ", r.valid_from, " to ", r.valid_to});
      de = joined({"liegt ausserhalb der Laufzeit des Rahmenvertrags (", swiss(r.valid_from), " bis ", swiss(r.valid_to), ")"});
      break;
    case why::not_eligible:
      field = "organisation";
      en = joined({"'", r.organisation, "' may not call off from framework agreement ", agreement});
      de = joined({"'", r.organisation, "' ist für den Rahmenvertrag ", agreement, " nicht abrufberechtigt"});
      break;
    case why::not_listed:
      field = "item";
      en = joined({"'", r.item, "' has no price in framework agreement ", agreement, " on ", r.date});
      de = joined({"'", r.item, "' hat im Rahmenvertrag ", agreement, " am ", swiss(r.date), " keinen Preis"});
      break;
    case why::ceiling_below_consumed:
      field = "ceiling_chf";
      en = joined({"must not be below what the call-offs have taken, ", chf(r.value), " (", std::to_string(r.quantity), " units)"});
      de = joined({"darf nicht unter dem liegen, was die Abrufe schon beansprucht haben: ", chf(r.value), " (",
                   std::to_string(r.quantity), " Einheiten)"});
      break;
    case why::ceiling_exceeded: {
      std::string detail = joined({"Framework agreement ", agreement, " has ", chf(r.remaining), " of its ceiling left"});
      std::string detail_de = joined({"Vom Höchstbetrag des Rahmenvertrags ", agreement, " bleiben ", chf(r.remaining)});
      if (r.remaining_quantity) {
        detail.append(" and ").append(std::to_string(*r.remaining_quantity)).append(" units");
        detail_de.append(" und ").append(std::to_string(*r.remaining_quantity)).append(" Einheiten");
      }
      detail.append("; this call-off of ").append(std::to_string(r.quantity)).append(" units costs ").append(chf(r.value)).append(".");
      detail_de.append("; dieser Abruf von ").append(std::to_string(r.quantity)).append(" Einheiten kostet ").append(chf(r.value)).append(".");
      return problem(status::conflict, "ceiling-exceeded", "The agreement's ceiling does not hold this call-off", std::move(detail))
          .with_german(std::move(detail_de))
          .with_remaining(r.remaining, r.remaining_quantity);
    }
  }
  return problem(status::unprocessable_entity, "validation", "The input is invalid", "The framework agreement refuses this call-off.",
                 {{field, en, 0, de}})
      .with_german("Der Rahmenvertrag lässt diesen Abruf nicht zu.");
}

}  // namespace jointbuy::http
