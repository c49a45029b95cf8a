#pragma once
// The life of a needs-survey campaign as pure functions (DOMAIN.md §6): its states, what may be
// done in each, what the clock does at `opens` and `closes`, which reminders are due, and what
// each invited buyer's answer state is. The store loads a campaign, calls these and saves.

#include <chrono>
#include <optional>
#include <string_view>
#include <variant>
#include <vector>

namespace jointbuy::campaign {

using clock_time = std::chrono::sys_seconds;

/// draft → open → closed → bundled; cancelled from draft or open.
enum class state { draft, open, closed, bundled, cancelled };

/// What can be done with a campaign. open, close and cancel by hand or (open, close) by the clock;
/// extend moves `closes` of an open campaign later; edit changes a draft; bundle is a run on the
/// answers of a closed campaign.
enum class action { edit, open, extend, close, cancel, bundle };

/// An invited buyer's answer: `invited` until it answers; `answered` (intents) or `no_need`;
/// `no_response` when the campaign closed without its answer.
enum class answer_state { invited, answered, no_need, no_response };

std::string_view to_string(state value);
std::string_view to_string(action value);
std::string_view to_string(answer_state value);
std::optional<state> parse_state(std::string_view text);
std::optional<answer_state> parse_answer_state(std::string_view text);

/// The actions a coordinator may take on a campaign in `current`, in the order of `action`:
/// draft → edit, open, cancel; open → extend, close, cancel; closed → bundle; bundled and
/// cancelled → none.
std::vector<action> allowed_actions(state current);

/// Why an action is refused.
struct refusal {
  enum class reason {
    /// `action` is not among `allowed` in `current`.
    not_allowed,
    /// extend: the new close is not later than the current one.
    not_later,
    /// extend or open: the close is not in the future.
    close_passed,
  };
  reason why = reason::not_allowed;
  campaign::action action = action::open;
  state current = state::draft;
  std::vector<campaign::action> allowed;
};

/// The state after `what` in `current`, or why not. `closes` is the campaign's close after the
/// action (for extend: the new one), checked against `now`: opening or extending a campaign whose
/// close has passed is refused. `previous_close` is the close before an extension.
std::variant<state, refusal> apply(state current, action what, clock_time now, clock_time closes,
                                   std::optional<clock_time> previous_close = std::nullopt);

/// What the clock does to a campaign at `now`: open a draft at `opens` (or close it at once when
/// `closes` has passed too), close an open campaign at `closes`. Nothing in other states.
std::vector<action> due_by_clock(state current, clock_time opens, clock_time closes, clock_time now);

/// The reminder offsets (given as `offsets`, before `closes`) that are due at `now` and not yet in
/// `sent`: an offset is due from closes − offset until the close. Offsets whose time had passed
/// before the campaign opened (`opened_at`) are skipped: a reminder "7 days before" sent on the
/// opening day tells nothing the announcement did not. Returned in the order of `offsets`.
std::vector<std::chrono::seconds> due_reminders(clock_time closes, const std::vector<std::chrono::seconds>& offsets,
                                                const std::vector<std::chrono::seconds>& sent, clock_time opened_at,
                                                clock_time now);

/// The answer state of a buyer that `answered` (intents), said `no_need`, or neither, in a campaign
/// in `current`: an unanswered buyer becomes no_response once the campaign closed.
answer_state buyer_state(state current, bool answered, bool no_need);

}  // namespace jointbuy::campaign
