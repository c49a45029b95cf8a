// A campaign's life without a database: every action in every state, the clock at opens and
// closes, reminders at their offsets, and each buyer's answer state.
#include <doctest/doctest.h>

#include <algorithm>

#include "engine/campaign/lifecycle.hpp"

using namespace jointbuy::campaign;
using namespace std::chrono;

namespace {

const clock_time t0 = clock_time{sys_days{2027y / March / 1}};

bool refused_because(const std::variant<state, refusal>& result, refusal::reason why) {
  const auto* r = std::get_if<refusal>(&result);
  return r != nullptr && r->why == why;
}

}  // namespace

TEST_CASE("each state allows exactly its actions, and the others are refused naming those") {
  const std::vector<std::pair<state, std::vector<action>>> expected{
      {state::draft, {action::edit, action::open, action::cancel}},
      {state::open, {action::extend, action::close, action::cancel}},
      {state::closed, {action::bundle}},
      {state::bundled, {}},
      {state::cancelled, {}}};
  const auto closes = t0 + hours{240};
  for (const auto& [current, allowed] : expected) {
    CAPTURE(to_string(current));
    CHECK(allowed_actions(current) == allowed);
    for (const auto what : {action::edit, action::open, action::extend, action::close, action::cancel, action::bundle}) {
      CAPTURE(to_string(what));
      const auto result = apply(current, what, t0, closes, t0 + hours{1});
      const bool permitted = std::find(allowed.begin(), allowed.end(), what) != allowed.end();
      if (permitted) {
        CHECK(std::holds_alternative<state>(result));
      } else {
        REQUIRE(refused_because(result, refusal::reason::not_allowed));
        CHECK(std::get<refusal>(result).allowed == allowed);
        CHECK(std::get<refusal>(result).current == current);
      }
    }
  }
}

TEST_CASE("the transitions lead where DOMAIN.md §6 says") {
  const auto closes = t0 + hours{240};
  CHECK(std::get<state>(apply(state::draft, action::open, t0, closes)) == state::open);
  CHECK(std::get<state>(apply(state::draft, action::cancel, t0, closes)) == state::cancelled);
  CHECK(std::get<state>(apply(state::draft, action::edit, t0, closes)) == state::draft);
  CHECK(std::get<state>(apply(state::open, action::close, t0, closes)) == state::closed);
  CHECK(std::get<state>(apply(state::open, action::cancel, t0, closes)) == state::cancelled);
  CHECK(std::get<state>(apply(state::open, action::extend, t0, closes + hours{48}, closes)) == state::open);
  CHECK(std::get<state>(apply(state::closed, action::bundle, t0, closes)) == state::bundled);
}

TEST_CASE("an extension must move the close later and into the future; opening needs a close ahead") {
  const auto closes = t0 + hours{240};
  CHECK(refused_because(apply(state::open, action::extend, t0, closes, closes), refusal::reason::not_later));
  CHECK(refused_because(apply(state::open, action::extend, t0, closes - hours{1}, closes), refusal::reason::not_later));
  CHECK(refused_because(apply(state::open, action::extend, t0 + hours{500}, closes + hours{1}, closes), refusal::reason::close_passed));
  CHECK(refused_because(apply(state::draft, action::open, closes, closes), refusal::reason::close_passed));
  CHECK(refused_because(apply(state::draft, action::open, closes + seconds{1}, closes), refusal::reason::close_passed));
}

TEST_CASE("the clock opens a draft at opens and closes an open campaign at closes, nothing else") {
  const auto opens = t0, closes = t0 + hours{240};
  CHECK(due_by_clock(state::draft, opens, closes, opens - seconds{1}).empty());
  CHECK(due_by_clock(state::draft, opens, closes, opens) == std::vector{action::open});
  CHECK(due_by_clock(state::draft, opens, closes, closes) == std::vector{action::open, action::close});
  CHECK(due_by_clock(state::open, opens, closes, closes - seconds{1}).empty());
  CHECK(due_by_clock(state::open, opens, closes, closes) == std::vector{action::close});
  for (const auto s : {state::closed, state::bundled, state::cancelled}) CHECK(due_by_clock(s, opens, closes, closes + hours{1}).empty());
}

TEST_CASE("reminders are due from their offset before the close until the close, each once") {
  const auto closes = t0 + days{21};
  const std::vector<seconds> offsets{days{7}, days{2}};
  CHECK(due_reminders(closes, offsets, {}, t0, closes - days{8}).empty());
  CHECK(due_reminders(closes, offsets, {}, t0, closes - days{7}) == std::vector<seconds>{days{7}});
  CHECK(due_reminders(closes, offsets, {days{7}}, t0, closes - days{3}).empty());
  // A sender that was down for days sends both when it comes back, in the order given.
  CHECK(due_reminders(closes, offsets, {}, t0, closes - days{1}) == std::vector<seconds>{days{7}, days{2}});
  CHECK(due_reminders(closes, offsets, {days{7}}, t0, closes - days{1}) == std::vector<seconds>{days{2}});
  CHECK(due_reminders(closes, offsets, {}, t0, closes).empty());
  // A campaign opened 5 days before its close skips the 7-day reminder: the opening said as much.
  CHECK(due_reminders(closes, offsets, {}, closes - days{5}, closes - days{5}).empty());
  CHECK(due_reminders(closes, offsets, {}, closes - days{5}, closes - days{2}) == std::vector<seconds>{days{2}});
  // The same offset twice is one reminder.
  CHECK(due_reminders(closes, {days{2}, days{2}}, {}, t0, closes - days{1}) == std::vector<seconds>{days{2}});
}

TEST_CASE("a buyer is invited until it answers, and no_response once the campaign closed without its answer") {
  CHECK(buyer_state(state::open, false, false) == answer_state::invited);
  CHECK(buyer_state(state::draft, false, false) == answer_state::invited);
  CHECK(buyer_state(state::open, true, false) == answer_state::answered);
  CHECK(buyer_state(state::open, false, true) == answer_state::no_need);
  CHECK(buyer_state(state::closed, false, false) == answer_state::no_response);
  CHECK(buyer_state(state::bundled, false, false) == answer_state::no_response);
  CHECK(buyer_state(state::closed, false, true) == answer_state::no_need);
  CHECK(buyer_state(state::cancelled, false, false) == answer_state::invited);
}

TEST_CASE("names round-trip") {
  for (const auto s : {state::draft, state::open, state::closed, state::bundled, state::cancelled}) CHECK(parse_state(to_string(s)) == s);
  for (const auto a : {answer_state::invited, answer_state::answered, answer_state::no_need, answer_state::no_response}) {
    CHECK(parse_answer_state(to_string(a)) == a);
  }
  CHECK_FALSE(parse_state("Open"));
}
