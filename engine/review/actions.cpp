#include "engine/review/actions.hpp"

#include <algorithm>
#include <array>
#include <set>

#include "engine/framework_tender.hpp"

namespace jointbuy::review {

namespace {

constexpr std::array<std::string_view, 9> action_names{"approve", "reject",   "tendered", "withdraw",    "confirm",
                                                       "decline", "move_out", "merge",    "needs_review"};

bool joint(const tender& t) { return t.bundle.verdict == engine::verdict::joint_tender; }

std::vector<std::string> pending_buyers(const tender& t) {
  std::vector<std::string> pending;
  for (const auto& [organisation, answer] : t.answers) {
    if (answer != participation::confirmed) pending.push_back(organisation);
  }
  return pending;
}

std::vector<action> coordinator_actions(const tender& t) {
  const bool several = t.bundle.members.size() >= 2;
  std::vector<action> allowed;
  switch (t.status) {
    case status::proposed:
      if (t.superseded) return {action::reject, action::withdraw};
      if (joint(t)) allowed.push_back(action::approve);
      allowed.insert(allowed.end(), {action::reject, action::withdraw});
      if (several) allowed.push_back(action::move_out);
      allowed.push_back(action::merge);
      return allowed;
    case status::needs_review:
      if (joint(t)) allowed.push_back(action::approve);
      allowed.insert(allowed.end(), {action::reject, action::withdraw});
      if (several) allowed.push_back(action::move_out);
      return allowed;
    case status::approved:
      if (pending_buyers(t).empty()) allowed.push_back(action::tendered);
      allowed.push_back(action::withdraw);
      return allowed;
    case status::tendered: return {action::withdraw};
    case status::rejected:
    case status::withdrawn: return {};
  }
  return {};
}

std::vector<action> buyer_actions(const tender& t, const std::string& organisation) {
  const auto mine = t.answers.find(organisation);
  if (t.status != status::approved || mine == t.answers.end()) return {};
  if (mine->second == participation::pending) return {action::confirm, action::decline};
  return {action::decline};
}

refusal refuse(refusal::reason why, const tender& t, const actor& who, const request& r, std::vector<std::string> subjects = {}) {
  return {why, r.action, t.id, t.status, allowed_actions(t, who), t.version, std::move(subjects)};
}

std::vector<std::int64_t> member_intents(const tender& t) {
  std::vector<std::int64_t> ids;
  for (const auto& m : t.bundle.members) ids.push_back(m.intent);
  return ids;
}

// The intents of `now` among `ids`: those still submitted.
engine::bundling_input subset(const current_intents& now, const std::vector<std::int64_t>& ids) {
  const std::set<std::int64_t> wanted(ids.begin(), ids.end());
  engine::bundling_input input{{}, now.items, now.thresholds, now.costs, {}};
  for (const auto& i : now.intents) {
    if (wanted.count(i.id) > 0) input.intents.push_back(i);
  }
  return input;
}

// The engine's evaluation of `ids` as they are now: a joint tender on their common award date, a
// framework tender over their horizon; or why there is none.
std::variant<engine::bundle, refusal::reason> evaluate(const current_intents& now, const std::vector<std::int64_t>& ids, tender_kind kind) {
  const auto input = subset(now, ids);
  if (input.intents.empty()) return refusal::reason::all_withdrawn;
  if (kind == tender_kind::framework) {
    try {
      return engine::evaluate_framework_tender(input);
    } catch (const engine::invalid_input&) {
      return refusal::reason::items_changed;
    }
  }
  const auto award = engine::common_award_date(input.intents);
  if (!award) return refusal::reason::no_common_date;
  try {
    return engine::evaluate_tender(input, *award).tender;
  } catch (const engine::invalid_input&) {
    return refusal::reason::items_changed;
  }
}

// The lead buyer's organisation, empty when there is none.
std::string lead_of(const engine::bundle& b) {
  for (const auto& m : b.members) {
    if (m.lead) return m.organisation;
  }
  return {};
}

// `organisation`'s own quantity and value in `b`.
std::pair<std::int64_t, engine::rappen> share_of(const engine::bundle& b, const std::string& organisation) {
  std::pair<std::int64_t, engine::rappen> share{0, 0};
  for (const auto& m : b.members) {
    if (m.organisation != organisation) continue;
    share.first += m.quantity;
    share.second += m.value;
  }
  return share;
}

// What a buyer commits to when it confirms: the tender's value, procedure, estimated savings,
// award window and lead buyer, and its own share. When any of them changes, its confirmation no
// longer holds and it is asked again.
bool commitment_changed(const engine::bundle& before, const engine::bundle& after, const std::string& organisation) {
  return before.value != after.value || before.procedure != after.procedure || before.international != after.international ||
         before.estimated_savings != after.estimated_savings || before.award_from != after.award_from ||
         before.award_to != after.award_to || lead_of(before) != lead_of(after) ||
         share_of(before, organisation) != share_of(after, organisation);
}

// `t` with the engine's `fresh` evaluation: earlier people's reasons stay and `why` is added.
// Remaining buyers keep their answers while what they committed to stays the same; with
// `ask_again`, or when it changed, they are asked again.
tender reevaluated(const tender& t, engine::bundle fresh, engine::reason why, bool ask_again) {
  auto after = t;
  for (const auto& r : t.bundle.reasons) {
    if (r.code == engine::codes::reevaluated) fresh.reasons.push_back(r);
  }
  fresh.reasons.push_back(std::move(why));
  after.answers.clear();
  for (const auto& m : fresh.members) {
    const auto before = t.answers.find(m.organisation);
    const bool keep = !ask_again && before != t.answers.end() && !commitment_changed(t.bundle, fresh, m.organisation);
    after.answers[m.organisation] = keep ? before->second : participation::pending;
  }
  after.bundle = std::move(fresh);
  return after;
}

// A tender left without intents: no members, answers or figures (a page must not show the value
// of intents that went elsewhere).
void empty_out(tender& t) {
  t.bundle.members.clear();
  t.bundle.buyers = 0;
  t.bundle.quantity = 0;
  t.bundle.value = 0;
  t.bundle.estimated_savings = 0;
  t.answers.clear();
}

change granted(const tender& t, const request& r, tender after) {
  after.version = t.version + 1;
  return {r.action, t, std::move(after), false, {}, std::nullopt};
}

outcome decide(const tender& t, const request& r) {
  auto after = t;
  switch (r.action) {
    case action::reject: after.status = status::rejected; break;
    case action::withdraw: after.status = status::withdrawn; break;
    case action::tendered:
      after.status = status::tendered;
      after.reference = r.reference;
      break;
    default: after.status = status::approved; break;
  }
  after.review_reason.clear();
  return granted(t, r, std::move(after));
}

outcome approve_after_review(const tender& t, const actor& who, const request& r, const current_intents& now) {
  auto fresh = evaluate(now, member_intents(t), t.kind);
  if (const auto* why = std::get_if<refusal::reason>(&fresh)) return refuse(*why, t, who, r);
  auto& bundle = std::get<engine::bundle>(fresh);
  if (bundle.verdict != engine::verdict::joint_tender) return refuse(refusal::reason::not_worth_joint_tender, t, who, r);
  auto after = reevaluated(t, std::move(bundle), engine::reevaluation("review", std::to_string(t.id), who.name, t.bundle), true);
  after.status = status::approved;
  after.review_reason.clear();
  auto c = granted(t, r, std::move(after));
  c.reevaluated = true;
  return c;
}

outcome confirm(const tender& t, const actor& who, const request& r) {
  auto after = t;
  after.answers[who.organisation] = participation::confirmed;
  return granted(t, r, std::move(after));
}

outcome decline(const tender& t, const actor& who, const request& r, const current_intents& now) {
  std::vector<std::int64_t> staying, leaving;
  for (const auto& m : t.bundle.members) (m.organisation == who.organisation ? leaving : staying).push_back(m.intent);
  auto fresh = evaluate(now, staying, t.kind);
  tender after = t;
  if (const auto* why = std::get_if<refusal::reason>(&fresh)) {
    if (*why != refusal::reason::all_withdrawn) return refuse(*why, t, who, r);
    after.status = status::needs_review;
    after.review_reason = "Every other buyer's intents were withdrawn after " + who.organisation + " declined.";
    empty_out(after);
  } else {
    after = reevaluated(t, std::move(std::get<engine::bundle>(fresh)), engine::reevaluation("decline", who.organisation, who.name, t.bundle),
                        false);
    if (after.bundle.verdict != engine::verdict::joint_tender) {
      after.status = status::needs_review;
      after.review_reason = "After " + who.organisation + " declined, the tender is no longer worth a joint tender: " +
                            engine::describe(after.bundle.reasons.front(), engine::language::en);
    }
  }
  auto c = granted(t, r, std::move(after));
  c.reevaluated = true;
  c.individual = engine::run_bundling(subset(now, leaving));
  return c;
}

outcome move_out(const tender& t, const actor& who, const request& r, const current_intents& now) {
  std::vector<std::int64_t> staying;
  for (const auto& m : t.bundle.members) {
    if (m.intent != r.intent) staying.push_back(m.intent);
  }
  auto fresh = evaluate(now, staying, t.kind);
  if (const auto* why = std::get_if<refusal::reason>(&fresh)) return refuse(*why, t, who, r);
  auto after = reevaluated(t, std::move(std::get<engine::bundle>(fresh)),
                           engine::reevaluation("move_out", std::to_string(r.intent), who.name, t.bundle), false);
  auto c = granted(t, r, std::move(after));
  c.reevaluated = true;
  c.individual = engine::run_bundling(subset(now, {r.intent}));
  return c;
}

outcome merge(const tender& t, const actor& who, const request& r, const current_intents& now) {
  const auto& other = *r.other;
  auto ids = member_intents(t);
  for (const auto id : member_intents(other)) ids.push_back(id);
  auto fresh = evaluate(now, ids, t.kind);
  if (const auto* why = std::get_if<refusal::reason>(&fresh)) {
    return refuse(*why, t, who, r, {std::to_string(other.id)});
  }
  auto after = reevaluated(t, std::move(std::get<engine::bundle>(fresh)),
                           engine::reevaluation("merge", "bundle " + std::to_string(other.id), who.name, t.bundle), false);
  auto c = granted(t, r, std::move(after));
  c.reevaluated = true;
  auto absorbed = other;
  absorbed.status = status::withdrawn;
  absorbed.review_reason = "Merged into bundle " + std::to_string(t.id) + ".";
  empty_out(absorbed);
  absorbed.version = other.version + 1;
  c.absorbed = std::move(absorbed);
  return c;
}

outcome put_under_review(const tender& t, const request& r) {
  auto after = t;
  after.status = status::needs_review;
  after.review_reason = r.why;
  return granted(t, r, std::move(after));
}

// The refusals that say more than "not allowed": checked before the list of allowed actions.
std::optional<refusal> specific_refusal(const tender& t, const actor& who, const request& r) {
  using why = refusal::reason;
  const bool coordinator = who.role == role::coordinator;
  if (r.action == action::approve && coordinator && t.status == status::proposed && t.superseded) {
    return refuse(why::superseded, t, who, r, {std::to_string(t.run)});
  }
  if (r.action == action::tendered && coordinator && t.status == status::approved) {
    if (auto pending = pending_buyers(t); !pending.empty()) return refuse(why::buyers_pending, t, who, r, std::move(pending));
    if (!r.reference || r.reference->empty()) return refuse(why::reference_missing, t, who, r);
  }
  if (r.action == action::move_out && coordinator && (t.status == status::proposed || t.status == status::needs_review)) {
    const auto ids = member_intents(t);
    if (std::find(ids.begin(), ids.end(), r.intent) == ids.end()) return refuse(why::not_in_tender, t, who, r, {std::to_string(r.intent)});
    if (ids.size() == 1) return refuse(why::only_intent, t, who, r, {std::to_string(r.intent)});
  }
  if (r.action == action::merge && coordinator && t.status == status::proposed && !t.superseded) {
    if (r.other == nullptr || r.other->id == t.id) return refuse(why::same_tender, t, who, r);
    const auto& other = *r.other;
    if (other.status != status::proposed || other.superseded) {
      return refusal{why::not_allowed, r.action, other.id, other.status, allowed_actions(other, who), other.version, {}};
    }
    if (other.run != t.run || other.kind != t.kind || other.bundle.compatibility_key != t.bundle.compatibility_key) {
      return refuse(why::not_mergeable, t, who, r, {std::to_string(other.id)});
    }
  }
  return std::nullopt;
}

bool permitted(const tender& t, const actor& who, action a) {
  if (a == action::reevaluate) {
    return who.role == role::coordinator && (t.status == status::approved || t.status == status::tendered);
  }
  const auto allowed = allowed_actions(t, who);
  return std::find(allowed.begin(), allowed.end(), a) != allowed.end();
}

}  // namespace

std::string_view to_string(action value) { return action_names.at(static_cast<std::size_t>(value)); }

std::optional<action> parse_action(std::string_view text) {
  for (std::size_t k = 0; k < action_names.size(); ++k) {
    if (action_names[k] == text) return static_cast<action>(k);
  }
  return std::nullopt;
}

std::vector<action> allowed_actions(const tender& t, const actor& who) {
  switch (who.role) {
    case role::coordinator: return coordinator_actions(t);
    case role::buyer: return buyer_actions(t, who.organisation);
    case role::observer: return {};
  }
  return {};
}

outcome apply(const tender& t, const actor& who, const request& r, const current_intents& now) {
  if (who.role == role::buyer && t.answers.count(who.organisation) == 0) return refuse(refusal::reason::not_a_member, t, who, r);
  if (r.expected_version != t.version) return refuse(refusal::reason::stale_version, t, who, r);
  if (auto refused = specific_refusal(t, who, r)) return *refused;
  if (!permitted(t, who, r.action)) return refuse(refusal::reason::not_allowed, t, who, r);
  switch (r.action) {
    case action::approve: return t.status == status::needs_review ? approve_after_review(t, who, r, now) : decide(t, r);
    case action::reject:
    case action::tendered:
    case action::withdraw: return decide(t, r);
    case action::confirm: return confirm(t, who, r);
    case action::decline: return decline(t, who, r, now);
    case action::move_out: return move_out(t, who, r, now);
    case action::merge: return merge(t, who, r, now);
    case action::reevaluate: return put_under_review(t, r);
  }
  return refuse(refusal::reason::not_allowed, t, who, r);
}

}  // namespace jointbuy::review
