#pragma once
// What a campaign's answers add up to so far (DOMAIN.md §6): per item the declared quantity, its
// value and the procedure that sum would require; per day how many buyers had answered.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/date.hpp"
#include "engine/money.hpp"
#include "engine/procurement.hpp"
#include "engine/thresholds.hpp"

namespace jointbuy::campaign {

/// One declared need: an intent of an answer.
struct declared_need {
  std::string organisation;
  std::string item;
  std::int64_t quantity = 0;
  /// The intent's contract value.
  engine::rappen value = 0;
};

/// An item of the campaign, as the totals need it.
struct campaign_item {
  std::string id;
  engine::procurement_type type = engine::procurement_type::supply;
};

/// One item's total so far.
struct item_total {
  std::string item;
  std::int64_t quantity = 0;
  engine::rappen value = 0;
  /// How many buyers declared a need of it.
  int buyers = 0;
  /// The procedure the total requires on the award day; none when no thresholds cover that day.
  std::optional<engine::procedure_ruling> ruling;
};

/// The totals of `needs` for every item of `items` (in their order, items without needs with
/// zero), each ruled by `thresholds` on `award_day`.
std::vector<item_total> item_totals(const std::vector<campaign_item>& items, const std::vector<declared_need>& needs,
                                    const engine::threshold_table& thresholds, engine::date award_day);

/// An answer's time and kind, for the chart of answers over time.
struct answer_moment {
  /// The day (UTC) the buyer's current answer was given.
  engine::date day;
  bool no_need = false;
};

/// On one day: how many buyers had answered with needs and with no need by its end.
struct answers_on_day {
  engine::date day;
  int answered = 0;
  int no_need = 0;
};

/// The running totals of `answers`, one entry per day from `first` to `last` (both included; at
/// most 400 days, the last ones kept).
std::vector<answers_on_day> answers_over_time(std::vector<answer_moment> answers, engine::date first, engine::date last);

}  // namespace jointbuy::campaign
