#include "api/http/problem.hpp"

#include <boost/json.hpp>

#include "api/http/access_log.hpp"
#include "api/http/agreement_words.hpp"
#include "api/http/campaign_words.hpp"
#include "api/http/refusal_words.hpp"
#include "api/http/store_error_words.hpp"
#include "api/store/errors.hpp"
#include "catalog/input_problem.hpp"
#include "catalog/json_text.hpp"

namespace jointbuy::http {

problem::problem(status status, std::string code, std::string title, std::string detail, std::vector<field_error> errors)
    : status_(status), code_(std::move(code)), title_(std::move(title)), detail_(std::move(detail)), errors_(std::move(errors)) {}

field_error query_error(std::string field, std::string reason, std::string reason_de) {
  return field_error{std::move(field), std::move(reason), 0, std::move(reason_de)};
}

problem& problem::with_header(std::string name, std::string value) {
  headers_.emplace_back(std::move(name), std::move(value));
  return *this;
}

problem& problem::with_more_errors(std::size_t count) {
  more_errors_ += count;
  return *this;
}

problem& problem::with_allowed(std::vector<std::string> actions) {
  allowed_ = std::move(actions);
  return *this;
}

problem& problem::with_remaining(long long rappen, std::optional<long long> quantity) {
  remaining_ = std::pair{rappen, quantity};
  return *this;
}

problem& problem::with_german(std::string detail) {
  detail_de_ = std::move(detail);
  return *this;
}

const char* problem_title(const std::string& code, engine::language lang) {
  struct title {
    const char* code;
    const char* en;
    const char* de;
  };
  static constexpr title titles[] = {
      {"bad-request", "The request is malformed", "Die Anfrage ist fehlerhaft"},
      {"unauthorized", "Sign-in required", "Anmeldung erforderlich"},
      {"forbidden", "Not allowed for this sign-in", "Für diese Anmeldung nicht erlaubt"},
      {"cross-site-request", "Request from another site refused", "Anfrage von einer anderen Website abgelehnt"},
      {"sign-in-failed", "E-mail address or password is wrong", "E-Mail-Adresse oder Passwort ist falsch"},
      {"sign-in-locked", "Too many failed sign-ins", "Zu viele fehlgeschlagene Anmeldungen"},
      {"invitation-used", "The invitation was used already", "Die Einladung wurde schon verwendet"},
      {"invitation-expired", "The invitation has expired", "Die Einladung ist abgelaufen"},
      {"invitation-unknown", "Unknown invitation", "Unbekannte Einladung"},
      {"person-deactivated", "The person is deactivated", "Die Person ist deaktiviert"},
      {"not-found", "Not found", "Nicht gefunden"},
      {"method-not-allowed", "Method not allowed", "Methode nicht erlaubt"},
      {"validation", "The input is invalid", "Die Eingabe ist ungültig"},
      {"stale-version", "The record has changed", "Der Eintrag wurde inzwischen geändert"},
      {"edit-conflict", "The record has changed", "Der Eintrag wurde inzwischen geändert"},
      {"version-required", "The version is required", "Die Version ist erforderlich"},
      {"conflict", "The record exists already", "Den Eintrag gibt es schon"},
      {"withdrawn", "The record is withdrawn", "Der Eintrag ist zurückgezogen"},
      {"campaign-answer", "The intent is part of a campaign's answer", "Die Absicht gehört zur Antwort auf eine Bedarfserhebung"},
      {"called-off", "The intent was bought by a call-off", "Die Absicht wurde aus einem Rahmenvertrag abgerufen"},
      {"in-tender", "The intent belongs to a tender already", "Die Absicht gehört schon zu einer Ausschreibung"},
      {"framework-tender-started", "A framework tender on this opportunity exists", "Für diese Chance läuft schon eine Rahmenvertragsausschreibung"},
      {"not-tendered", "The framework tender is not tendered", "Die Rahmenvertragsausschreibung ist nicht ausgeschrieben"},
      {"awarded", "The framework tender was awarded already", "Die Rahmenvertragsausschreibung hat den Zuschlag schon"},
      {"ceiling-exceeded", "The agreement's ceiling does not hold this call-off", "Der Höchstbetrag des Rahmenvertrags reicht für diesen Abruf nicht"},
      {"campaign-closed", "The needs survey takes no answers", "Die Bedarfserhebung nimmt keine Antworten an"},
      {"idempotency-key-reused", "The Idempotency-Key belongs to another request",
       "Der Idempotency-Key gehört zu einer anderen Anfrage"},
      {"illegal-transition", "The record's state does not allow this", "Der Stand des Eintrags erlaubt das nicht"},
      {"not-a-joint-tender", "Not a joint tender", "Keine gemeinsame Ausschreibung"},
      {"too-many-entries", "Too many entries", "Zu viele Einträge"},
      {"unsupported-media-type", "Unsupported media type", "Nicht unterstütztes Format"},
      {"payload-too-large", "The request body is too large", "Der Inhalt der Anfrage ist zu gross"},
      {"rate-limited", "Too many requests", "Zu viele Anfragen"},
      {"overloaded", "Too many connections", "Zu viele Verbindungen"},
      {"unavailable", "The service is unavailable", "Der Dienst ist nicht verfügbar"},
      {"not-ready", "Not ready", "Noch nicht bereit"},
      {"internal", "Internal server error", "Interner Fehler"},
  };
  for (const auto& t : titles) {
    if (code == t.code) return lang == engine::language::de ? t.de : t.en;
  }
  return nullptr;
}

problem bad_request(std::string detail, std::vector<field_error> errors) {
  return problem(status::bad_request, "bad-request", "The request is malformed", std::move(detail), std::move(errors));
}

problem invalid_query(std::vector<field_error> errors) {
  return bad_request("The query parameters are invalid.", std::move(errors)).with_german("Die Angaben der Abfrage sind ungültig.");
}

problem unauthorized(std::string detail) {
  return problem(status::unauthorized, "unauthorized", "Sign-in required", std::move(detail))
      .with_header("WWW-Authenticate", "Bearer realm=\"jointbuy\"");
}

problem forbidden(std::string detail, std::string detail_de) {
  return problem(status::forbidden, "forbidden", "Not allowed for this sign-in", std::move(detail)).with_german(std::move(detail_de));
}

problem not_found(std::string detail) {
  return problem(status::not_found, "not-found", "Not found", std::move(detail));
}

problem unprocessable(std::vector<field_error> errors) {
  // Field reasons are in the request's language (or carry their German beside): the detail is too.
  return problem(status::unprocessable_entity, "validation", "The input is invalid",
                 "See errors for each field that failed and why.", std::move(errors))
      .with_german("Unter errors steht jedes fehlerhafte Feld mit dem Grund.");
}

response problem_response(const problem& p, unsigned http_version, bool keep_alive, engine::language lang) {
  // German only where the words exist: a German title above an English detail would be read as German.
  const bool de = lang == engine::language::de && (!p.detail_de().empty() || p.detail().empty());
  const auto words = de ? engine::language::de : engine::language::en;
  const char* title = problem_title(p.code(), words);
  boost::json::object body{{"type", "urn:jointbuy:problem:" + p.code()},
                           {"title", title != nullptr ? std::string{title} : p.title()},
                           {"status", static_cast<int>(p.http_status())}};
  if (const auto& detail = de ? p.detail_de() : p.detail(); !detail.empty()) body["detail"] = detail;
  if (!p.errors().empty()) {
    // Whatever made the list, an answer names at most max_listed_problems and counts the rest.
    const auto listed = std::min(p.errors().size(), catalog::max_listed_problems);
    boost::json::array errors;
    for (std::size_t k = 0; k < listed; ++k) {
      const auto& e = p.errors()[k];
      boost::json::object error{{"field", e.field}, {"reason", de && !e.reason_de.empty() ? e.reason_de : e.reason}};
      if (e.row > 0) error["row"] = e.row;
      errors.push_back(std::move(error));
    }
    body["errors"] = std::move(errors);
    if (const auto more = p.errors().size() - listed + p.more_errors(); more > 0) body["more_errors"] = more;
  }
  if (p.remaining()) {
    body["remaining_chf"] = engine::chf_from_rappen(p.remaining()->first);
    body["remaining_quantity"] = p.remaining()->second ? boost::json::value(*p.remaining()->second) : nullptr;
  }
  if (p.allowed()) {
    boost::json::array allowed;
    for (const auto& a : *p.allowed()) allowed.push_back(boost::json::string{a});
    body["allowed"] = std::move(allowed);
  }
  response res{p.http_status(), http_version};
  res.set(beast_http::field::content_type, "application/problem+json");
  res.set(beast_http::field::content_language, de ? "de" : "en");
  res.set(beast_http::field::cache_control, "no-store");
  for (const auto& [name, value] : p.headers()) res.set(name, value);
  res.keep_alive(keep_alive);
  res.body() = catalog::json_text(body);
  res.prepare_payload();
  return res;
}

namespace {

// The problem a refusal of the review's rules is for the client: 412 for a stale version, 404 for a
// tender or intent the caller cannot see, 422 for a missing field, 409 with the allowed actions else.
// The detail in both languages; the missing field's reason in the request's.
problem refusal_problem(const review::refusal& r, engine::language lang) {
  using why = review::refusal::reason;
  auto detail = describe(r, engine::language::en);
  auto detail_de = describe(r, engine::language::de);
  switch (r.why) {
    case why::stale_version:
      return problem(status::precondition_failed, "stale-version", "The record has changed", std::move(detail))
          .with_german(std::move(detail_de));
    case why::not_a_member:
    case why::not_in_tender:
      return problem(status::not_found, "not-found", "Not found", std::move(detail)).with_german(std::move(detail_de));
    case why::reference_missing:
      return problem(status::unprocessable_entity, "validation", "The input is invalid", std::move(detail),
                     {{"reference", lang == engine::language::de ? "fehlt" : "is required"}})
          .with_german(std::move(detail_de));
    default: break;
  }
  std::vector<std::string> allowed;
  for (const auto a : r.allowed) allowed.emplace_back(review::to_string(a));
  return problem(status::conflict, "illegal-transition", "The record's state does not allow this", std::move(detail))
      .with_german(std::move(detail_de))
      .with_allowed(std::move(allowed));
}

// A campaign request its state refuses: 409 with the allowed actions (a coordinator's) or with
// when it closed and whom to contact (an answer); 422 for an extension that is no extension.
problem campaign_refusal_problem(const store::campaign_refused::details& r) {
  auto detail = describe(r, engine::language::en);
  auto detail_de = describe(r, engine::language::de);
  if (!r.facts) {
    return problem(status::conflict, "campaign-closed", "The needs survey takes no answers", std::move(detail)).with_german(std::move(detail_de));
  }
  using why = campaign::refusal::reason;
  if (r.facts->why == why::not_later || r.facts->why == why::close_passed) {
    return problem(status::unprocessable_entity, "validation", "The input is invalid", detail,
                   {{"closes", r.facts->why == why::not_later ? "must be later than the current close" : "must be in the future", 0,
                     r.facts->why == why::not_later ? "muss später als der bisherige Schluss sein" : "muss in der Zukunft liegen"}})
        .with_german(std::move(detail_de));
  }
  std::vector<std::string> allowed;
  for (const auto a : r.facts->allowed) allowed.emplace_back(campaign::to_string(a));
  return problem(status::conflict, "illegal-transition", "The record's state does not allow this", std::move(detail))
      .with_german(std::move(detail_de))
      .with_allowed(std::move(allowed));
}

// A conflict with what is stored: 409, with a type of its own for each reason.
problem conflict_problem(const store::conflict& e) {
  const char* code = "conflict";
  switch (e.why()) {
    case store::conflict::reason::idempotency_key_reused: code = "idempotency-key-reused"; break;
    case store::conflict::reason::withdrawn: code = "withdrawn"; break;
    case store::conflict::reason::campaign_answer: code = "campaign-answer"; break;
    case store::conflict::reason::called_off: code = "called-off"; break;
    case store::conflict::reason::in_tender: code = "in-tender"; break;
    case store::conflict::reason::framework_tender_started: code = "framework-tender-started"; break;
    case store::conflict::reason::not_tendered: code = "not-tendered"; break;
    case store::conflict::reason::awarded: code = "awarded"; break;
    case store::conflict::reason::key_taken: break;
  }
  return problem(status::conflict, code, problem_title(code, engine::language::en), describe(e, engine::language::en))
      .with_german(describe(e, engine::language::de));
}

}  // namespace

problem stale_version_problem(const store::stale_version& e, status code) {
  return problem(code, code == status::precondition_failed ? "stale-version" : "edit-conflict", "The record has changed",
                 describe(e, engine::language::en))
      .with_german(describe(e, engine::language::de));
}

response problem_response(std::exception_ptr error, unsigned http_version, bool keep_alive, engine::language lang) {
  try {
    std::rethrow_exception(error);
  } catch (const problem& p) {
    return problem_response(p, http_version, keep_alive, lang);
  } catch (const store::unavailable& e) {
    log_error("database unavailable", e.what());
    return problem_response(problem(status::service_unavailable, "unavailable", "The service is unavailable",
                                    "The database cannot be reached right now; try again shortly.")
                                .with_german("Die Datenbank ist gerade nicht erreichbar; bitte gleich nochmals versuchen.")
                                .with_header("Retry-After", "5"),
                            http_version, keep_alive, lang);
  } catch (const store::refused& e) {
    return problem_response(refusal_problem(e.facts(), lang), http_version, keep_alive, lang);
  } catch (const store::call_off_refused& e) {
    return problem_response(call_off_problem(e.facts()), http_version, keep_alive, lang);
  } catch (const store::campaign_refused& e) {
    return problem_response(campaign_refusal_problem(e.facts()), http_version, keep_alive, lang);
  } catch (const store::stale_version& e) {
    return problem_response(stale_version_problem(e), http_version, keep_alive, lang);
  } catch (const store::conflict& e) {
    return problem_response(conflict_problem(e), http_version, keep_alive, lang);
  } catch (const store::not_found& e) {
    return problem_response(problem(status::not_found, "not-found", "Not found", describe(e, engine::language::en))
                                .with_german(describe(e, engine::language::de)),
                            http_version, keep_alive, lang);
  } catch (const std::exception& e) {
    log_error("internal error", e.what());
  } catch (...) {
    log_error("internal error", "a non-standard exception");
  }
  return problem_response(problem(status::internal_server_error, "internal", "Internal server error",
                                  "The error has been logged.")
                              .with_german("Der Fehler wurde protokolliert."),
                          http_version, keep_alive, lang);
}

}  // namespace jointbuy::http
