#pragma once
// The words for the review's refusals, in English and German: what problem.cpp tells a client
// when review::apply refuses a request.

#include <string>

#include "engine/procurement.hpp"
#include "engine/review/actions.hpp"

namespace jointbuy::http {

/// The sentence that explains `refusal` to the person who asked, in `lang`.
std::string describe(const review::refusal& refusal, engine::language lang);

}  // namespace jointbuy::http
