#pragma once
// The words for framework agreements and call-offs, in English and German: why a call-off is
// refused, as a problem the client reads.

#include "api/http/problem.hpp"
#include "api/store/errors.hpp"

namespace jointbuy::http {

/// A refused call-off: 422 naming the field (date, organisation, item, ceiling_chf) and the reason,
/// or 409 ceiling-exceeded with what is left of the ceiling; the detail in both languages.
problem call_off_problem(const store::call_off_refused::details& r);

}  // namespace jointbuy::http
