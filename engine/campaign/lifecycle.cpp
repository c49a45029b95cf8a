#include "engine/campaign/lifecycle.hpp"

#include <algorithm>
#include <array>

namespace jointbuy::campaign {

namespace {

constexpr std::array<std::string_view, 5> state_names{"draft", "open", "closed", "bundled", "cancelled"};
constexpr std::array<std::string_view, 6> action_names{"edit", "open", "extend", "close", "cancel", "bundle"};
constexpr std::array<std::string_view, 4> answer_names{"invited", "answered", "no_need", "no_response"};

template <typename Enum, std::size_t N>
std::optional<Enum> parse(const std::array<std::string_view, N>& names, std::string_view text) {
  const auto found = std::find(names.begin(), names.end(), text);
  if (found == names.end()) return std::nullopt;
  return static_cast<Enum>(found - names.begin());
}

}  // namespace

std::string_view to_string(state value) { return state_names.at(static_cast<std::size_t>(value)); }
std::string_view to_string(action value) { return action_names.at(static_cast<std::size_t>(value)); }
std::string_view to_string(answer_state value) { return answer_names.at(static_cast<std::size_t>(value)); }
std::optional<state> parse_state(std::string_view text) { return parse<state>(state_names, text); }
std::optional<answer_state> parse_answer_state(std::string_view text) { return parse<answer_state>(answer_names, text); }

std::vector<action> allowed_actions(state current) {
  switch (current) {
    case state::draft: return {action::edit, action::open, action::cancel};
    case state::open: return {action::extend, action::close, action::cancel};
    case state::closed: return {action::bundle};
    case state::bundled:
    case state::cancelled: return {};
  }
  return {};
}

std::variant<state, refusal> apply(state current, action what, clock_time now, clock_time closes,
                                   std::optional<clock_time> previous_close) {
  const auto allowed = allowed_actions(current);
  if (std::find(allowed.begin(), allowed.end(), what) == allowed.end()) {
    return refusal{refusal::reason::not_allowed, what, current, allowed};
  }
  switch (what) {
    case action::edit: return current;
    case action::open:
      if (closes <= now) return refusal{refusal::reason::close_passed, what, current, allowed};
      return state::open;
    case action::extend:
      if (previous_close && closes <= *previous_close) return refusal{refusal::reason::not_later, what, current, allowed};
      if (closes <= now) return refusal{refusal::reason::close_passed, what, current, allowed};
      return state::open;
    case action::close: return state::closed;
    case action::cancel: return state::cancelled;
    case action::bundle: return state::bundled;
  }
  return current;
}

std::vector<action> due_by_clock(state current, clock_time opens, clock_time closes, clock_time now) {
  if (current == state::draft && opens <= now) {
    // A draft whose whole window passed unopened is opened and closed at once: its buyers were
    // told nothing, and the record shows both steps.
    if (closes <= now) return {action::open, action::close};
    return {action::open};
  }
  if (current == state::open && closes <= now) return {action::close};
  return {};
}

std::vector<std::chrono::seconds> due_reminders(clock_time closes, const std::vector<std::chrono::seconds>& offsets,
                                                const std::vector<std::chrono::seconds>& sent, clock_time opened_at,
                                                clock_time now) {
  std::vector<std::chrono::seconds> due;
  if (now >= closes) return due;
  for (const auto offset : offsets) {
    const auto at = closes - offset;
    if (at > now || at < opened_at) continue;
    if (std::find(sent.begin(), sent.end(), offset) != sent.end()) continue;
    if (std::find(due.begin(), due.end(), offset) != due.end()) continue;
    due.push_back(offset);
  }
  return due;
}

answer_state buyer_state(state current, bool answered, bool no_need) {
  if (answered) return answer_state::answered;
  if (no_need) return answer_state::no_need;
  if (current == state::closed || current == state::bundled) return answer_state::no_response;
  return answer_state::invited;
}

}  // namespace jointbuy::campaign
