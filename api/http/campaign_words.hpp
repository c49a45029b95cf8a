#pragma once
// The words for the campaigns' refusals, in English and German: what problem.cpp tells a client
// when a campaign's state refuses an action or an answer.

#include <string>

#include "api/store/errors.hpp"
#include "engine/procurement.hpp"

namespace jointbuy::http {

/// The sentence that explains `refusal` to the person who asked, in `lang`.
std::string describe(const store::campaign_refused::details& refusal, engine::language lang);

/// The state's name for people: "offen" / "open".
std::string state_name(campaign::state value, engine::language lang);

/// The state of a buyer's answer for people: "kein Bedarf" / "no need".
std::string answer_state_name(campaign::answer_state value, engine::language lang);

/// The action's name for people: "eröffnen" / "open".
std::string action_name(campaign::action value, engine::language lang);

}  // namespace jointbuy::http
