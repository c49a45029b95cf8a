#pragma once
// Errors as the client sees them: application/problem+json (RFC 9457), mapped in one place.

#include <exception>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "api/http/messages.hpp"
#include "api/store/errors.hpp"
#include "engine/procurement.hpp"

namespace jointbuy::http {

/// One failing input and why, in the client's words: "quantity", "must be a positive integer".
struct field_error {
  std::string field;
  std::string reason;
  /// For spreadsheet input: the row a spreadsheet shows (the header is row 1); 0 otherwise.
  std::size_t row = 0;
  /// The reason in German, where the reason above is English; empty where it is in the request's language.
  std::string reason_de = {};
};

/// A query parameter's (or header's) error, in English and German.
field_error query_error(std::string field, std::string reason, std::string reason_de);

/// An error meant for the client. `code` is a stable slug that also forms the problem type URI.
class problem : public std::exception {
 public:
  problem(status status, std::string code, std::string title, std::string detail = {},
          std::vector<field_error> errors = {});

  const char* what() const noexcept override { return title_.c_str(); }
  status http_status() const { return status_; }
  const std::string& code() const { return code_; }
  const std::string& title() const { return title_; }
  const std::string& detail() const { return detail_; }
  const std::vector<field_error>& errors() const { return errors_; }
  const std::vector<std::pair<std::string, std::string>>& headers() const { return headers_; }

  /// Adds a header to send with the problem (WWW-Authenticate, Allow, Retry-After).
  problem& with_header(std::string name, std::string value);
  /// Counts failing inputs beyond those in errors() (member "more_errors").
  problem& with_more_errors(std::size_t count);
  std::size_t more_errors() const { return more_errors_; }
  /// Names the actions the record's state allows instead (member "allowed" of a 409).
  problem& with_allowed(std::vector<std::string> actions);
  /// The detail in German, for clients that ask for German (Accept-Language: de).
  problem& with_german(std::string detail);
  const std::string& detail_de() const { return detail_de_; }
  const std::optional<std::vector<std::string>>& allowed() const { return allowed_; }
  /// What is left of a framework agreement's ceiling (members "remaining_chf", "remaining_quantity").
  problem& with_remaining(long long rappen, std::optional<long long> quantity);
  const std::optional<std::pair<long long, std::optional<long long>>>& remaining() const { return remaining_; }

 private:
  status status_;
  std::string code_;
  std::string title_;
  std::string detail_;
  std::vector<field_error> errors_;
  std::optional<std::pair<long long, std::optional<long long>>> remaining_;
  std::size_t more_errors_ = 0;
  std::vector<std::pair<std::string, std::string>> headers_;
  std::optional<std::vector<std::string>> allowed_;
  std::string detail_de_;
};

/// The title of problem type `code` in `lang`: one title per type, whatever raised it. Nothing for
/// a code the table does not know (its problem keeps the title it was made with).
const char* problem_title(const std::string& code, engine::language lang);

/// 400: the request cannot be understood.
problem bad_request(std::string detail, std::vector<field_error> errors = {});
/// 400: query parameters that are invalid, each with its reason in English and German (query_error).
problem invalid_query(std::vector<field_error> errors);
/// 401: no valid bearer token; carries the WWW-Authenticate challenge.
problem unauthorized(std::string detail);
/// 403: the caller's role or organisation does not allow this; `detail_de` says it in German.
problem forbidden(std::string detail, std::string detail_de = {});
/// 404: nothing here, or nothing the caller may see.
problem not_found(std::string detail);
/// 422: well-formed but invalid input, each failing field with its reason.
problem unprocessable(std::vector<field_error> errors);


/// The response for the exception `error`, the only place where exceptions become statuses:
/// problems as they are; store errors as 503 (with Retry-After), 409 or 404; anything else as a
/// 500 whose internal message goes to the log, never to the client.
response problem_response(std::exception_ptr error, unsigned http_version, bool keep_alive,
                          engine::language lang = engine::language::en);

/// The problem for a stale version: 412 (stale-version) when the client's If-Match named it; 409
/// (edit-conflict) where the client's copy said it in the body and the edits collide.
problem stale_version_problem(const store::stale_version& e, status code = status::precondition_failed);

/// The response for `p` itself, title and detail in `lang` where German words exist, with
/// Content-Language.
response problem_response(const problem& p, unsigned http_version, bool keep_alive,
                          engine::language lang = engine::language::en);

}  // namespace jointbuy::http
