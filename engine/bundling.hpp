#pragma once
// The batching engine (DOMAIN.md §4): groups compatible intents whose award windows share a date
// into the fewest tenders, evaluates each tender, decides whether it is tendered jointly, and
// flags what a coordinator must know. Pure: value types in, value types out; the same input in any
// order gives the same output.

#include <cstdint>
#include <functional>
#include <map>
#include <stdexcept>
#include <string_view>
#include <optional>
#include <string>
#include <vector>

#include "engine/cost_model.hpp"
#include "engine/date.hpp"
#include "engine/figures.hpp"
#include "engine/framework_agreements.hpp"
#include "engine/money.hpp"
#include "engine/procurement.hpp"
#include "engine/static_name.hpp"
#include "engine/thresholds.hpp"

namespace jointbuy::engine {

/// What the engine needs to know of a catalogue item.
struct item_terms {
  std::string compatibility_key;
  engine::category category = engine::category::hardware;
  engine::procurement_type procurement_type = engine::procurement_type::supply;
  std::string cpv;
  engine::billing billing = engine::billing::one_time;
  std::optional<int> default_contract_years;
  rappen reference_price = 0;
  /// The item's own tiers; the category's default tiers apply when absent.
  std::optional<discount_tiers> tiers;
};

/// A submitted purchase intent.
struct intent {
  std::int64_t id = 0;
  std::string organisation;
  std::string item;
  std::int64_t quantity = 0;
  /// The buyer's estimate; the reference price applies when absent.
  std::optional<rappen> unit_price;
  date earliest;
  date latest;
  std::optional<int> contract_years;
};

/// Everything a run needs.
struct bundling_input {
  std::vector<intent> intents;
  std::map<std::string, item_terms> items;
  threshold_table thresholds;
  cost_model costs;
  /// The framework agreements that individual purchases may call off from (DOMAIN.md §4.8).
  std::vector<framework_agreement> agreements;
};

/// Why a tender or flag is what it is: a stable code (one of `codes`) and the figures that decided
/// it. The sentence is made from them in either language by describe().
struct reason {
  static_name code = "";
  figures<std::int64_t> amounts;  // Rappen, counts, days
  figures<std::string> texts;     // procedures, dates, ids

  friend bool operator==(const reason& a, const reason& b) {
    return a.code == b.code && a.amounts == b.amounts && a.texts == b.texts;
  }
};

/// An intent in a tender.
struct member {
  std::int64_t intent = 0;
  std::string organisation;
  std::int64_t quantity = 0;
  rappen value = 0;
  bool lead = false;
  /// The procedure the member's own value requires (what it does when buying alone).
  procedure own_procedure = procedure::free_hand;

  friend bool operator==(const member&, const member&) = default;
};

/// The engine's verdict on a tender group: tendered jointly, or its members buy individually. What
/// people do with a tender is a review::action.
enum class verdict { joint_tender, individual };

/// "joint_tender" or "individual".
std::string_view to_string(verdict value);

/// The verdict named `text`, if it names one. (The API and the database call the field "decision".)
std::optional<verdict> parse_verdict(std::string_view text);

/// One tender group: intents of one compatibility key with a common award date.
struct bundle {
  /// "<compatibility key>/<award date>", unique within a run.
  std::string id;
  std::string compatibility_key;
  engine::category category = engine::category::hardware;
  engine::procurement_type procurement_type = engine::procurement_type::supply;
  std::string cpv;
  engine::verdict verdict = engine::verdict::individual;
  date award_from;
  date award_to;
  std::vector<member> members;
  int buyers = 0;
  std::int64_t quantity = 0;
  rappen value = 0;
  engine::procedure procedure = procedure::free_hand;
  bool international = false;
  rappen estimated_savings = 0;
  std::vector<reason> reasons;

  friend bool operator==(const bundle&, const bundle&) = default;
};

/// Something a buyer or coordinator must know about one intent.
struct flag {
  std::int64_t intent = 0;
  std::string organisation;
  /// The flag's reason: its code is the flag's code.
  engine::reason reason;

  friend bool operator==(const flag&, const flag&) = default;
};

/// The totals of a run.
struct bundling_summary {
  std::int64_t intents = 0;
  std::int64_t bundles = 0;
  std::int64_t joint_tenders = 0;
  std::int64_t intents_in_joint_tenders = 0;
  rappen value_in_joint_tenders = 0;
  rappen estimated_savings = 0;
  std::map<std::string, std::int64_t> flags_by_code;
};

/// The output of a run: bundles by key and award date, flags by intent and code.
struct bundling_result {
  std::vector<bundle> bundles;
  std::vector<flag> flags;
  bundling_summary summary;
};

/// An input that breaks run_bundling's preconditions, naming the first intent that does.
class invalid_input : public std::invalid_argument {
 public:
  /// Which precondition.
  enum class rule {
    window_reversed,
    duplicate_id,
    unknown_item,
    no_intents,
    mixed_keys,
    outside_window,
    unpriceable,
    /// An agreement's validity ends before it begins, its id is given twice, or a figure is negative;
    /// intent() is then the agreement's id.
    invalid_agreement
  };

  invalid_input(rule broken, std::int64_t intent, const std::string& message)
      : std::invalid_argument(message), broken_(broken), intent_(intent) {}
  rule broken() const { return broken_; }
  std::int64_t intent() const { return intent_; }

 private:
  rule broken_;
  std::int64_t intent_;
};

/// Runs the engine. Preconditions, checked first (std::invalid_argument as invalid_input when one
/// is broken, never undefined behaviour): every intent's window has earliest <= latest, intent ids
/// are unique, every intent's item is in `input.items`; every agreement's validity has
/// valid_from <= valid_to, agreement ids are unique, no price, ceiling or consumption is negative. Intents whose values exceed the limits are
/// not grouped and get an UNPRICEABLE flag. Deterministic whatever the order of `input.intents`.
bundling_result run_bundling(const bundling_input& input);

/// Throws invalid_input for the first intent of `input` that breaks a precondition of run_bundling.
void check_preconditions(const bundling_input& input);

/// One tender group evaluated: the tender, and the flags of its members when they buy individually.
struct tender_evaluation {
  bundle tender;
  std::vector<flag> flags;
};

/// DOMAIN.md §4.4–4.5: evaluates `input.intents` as one tender group awarded on `award_date` — value,
/// procedure, savings, verdict and reasons — exactly as run_bundling evaluates each group it forms
/// (both call the same code). Preconditions (invalid_input): those of run_bundling, at least one
/// intent, one compatibility key, every window containing `award_date`, every intent priceable.
tender_evaluation evaluate_tender(const bundling_input& input, date award_date);

/// The award date run_bundling would give `intents` if they were one group (the smallest latest
/// date), when every window contains it; none when they share no date or there are none.
std::optional<date> common_award_date(const std::vector<intent>& intents);

/// The REEVALUATED reason of a tender that a person changed: `change` (decline, move_out, merge,
/// review), its `subject` (an organisation, an intent, a bundle), who did it, and the tender's value
/// and savings before.
reason reevaluation(std::string_view change, std::string subject, std::string by, const bundle& before);

/// The value of one intent: quantity × (estimate or reference price) × term factor.
std::optional<rappen> intent_value(const intent& i, const item_terms& terms);

/// How a reason names the organisations and people it holds by id: "Kriens (1059)" rather than
/// "1059". The engine knows ids only; whoever holds the names passes them in. Unset: the ids.
struct reason_names {
  std::function<std::string(const std::string& organisation)> organisation;
  std::function<std::string(const std::string& actor)> person;
  /// A framework agreement by its id ("Notebooks (eOperations) (3)").
  std::function<std::string(const std::string& agreement)> agreement;
};

/// The sentence for `r`, with its figures, in `lang`, naming organisations and people by `names`.
std::string describe(const reason& r, language lang, const reason_names& names = {});

/// The reasons' codes, for documentation and tests.
namespace codes {
inline constexpr static_name joint_tender = "JOINT_TENDER";
inline constexpr static_name single_buyer = "SINGLE_BUYER";
inline constexpr static_name not_worth = "NOT_WORTH_JOINT_TENDER";
inline constexpr static_name hardware_too_small = "HARDWARE_TOO_SMALL_FOR_PUBLIC_TENDER";
inline constexpr static_name procedure_required = "PROCEDURE_REQUIRED";
inline constexpr static_name splitting_risk = "SPLITTING_RISK";
inline constexpr static_name window_shift = "WINDOW_SHIFT_SUGGESTED";
inline constexpr static_name no_thresholds = "NO_THRESHOLDS_IN_FORCE";
inline constexpr static_name unpriceable = "UNPRICEABLE";
/// A person changed the tender after the engine proposed it; texts: change (decline, move_out,
/// merge, review), subject, by; amounts: value_before, savings_before.
inline constexpr static_name reevaluated = "REEVALUATED";
/// DOMAIN.md §4.8: an agreement covers the purchase and has room for it.
inline constexpr static_name call_off_available = "CALL_OFF_AVAILABLE";
/// DOMAIN.md §4.8: the cheapest covering agreement has no room left for the purchase.
inline constexpr static_name call_off_ceiling_exceeded = "CALL_OFF_CEILING_EXCEEDED";
/// DOMAIN.md §4.8: purchases of one key over a horizon of 1'461 days for which an agreement would pay.
inline constexpr static_name agreement_opportunity = "FRAMEWORK_AGREEMENT_OPPORTUNITY";
/// The codes a flag can have: an individual purchase's reasons and the run's warnings.
inline constexpr static_name of_flags[] = {single_buyer,      not_worth,          hardware_too_small,
                                           splitting_risk,    window_shift,       no_thresholds,
                                           unpriceable,       call_off_available, call_off_ceiling_exceeded,
                                           agreement_opportunity};
}  // namespace codes

}  // namespace jointbuy::engine
