#include "engine/campaign/progress.hpp"

#include <algorithm>
#include <set>

namespace jointbuy::campaign {

std::vector<item_total> item_totals(const std::vector<campaign_item>& items, const std::vector<declared_need>& needs,
                                    const engine::threshold_table& thresholds, engine::date award_day) {
  std::vector<item_total> totals;
  for (const auto& item : items) {
    item_total total;
    total.item = item.id;
    std::set<std::string> buyers;
    for (const auto& need : needs) {
      if (need.item != item.id) continue;
      total.quantity += need.quantity;
      total.value += need.value;
      buyers.insert(need.organisation);
    }
    total.buyers = static_cast<int>(buyers.size());
    total.ruling = engine::required_procedure(thresholds, total.value, item.type, award_day);
    totals.push_back(std::move(total));
  }
  return totals;
}

std::vector<answers_on_day> answers_over_time(std::vector<answer_moment> answers, engine::date first, engine::date last) {
  constexpr int max_days = 400;
  std::vector<answers_on_day> days;
  if (last < first) return days;
  if ((last - first).count() >= max_days) first = last - std::chrono::days{max_days - 1};
  std::sort(answers.begin(), answers.end(), [](const auto& a, const auto& b) { return a.day < b.day; });
  std::size_t next = 0;
  answers_on_day running{first, 0, 0};
  for (auto day = first; day <= last; day += std::chrono::days{1}) {
    running.day = day;
    while (next < answers.size() && answers[next].day <= day) {
      (answers[next].no_need ? running.no_need : running.answered) += 1;
      ++next;
    }
    days.push_back(running);
  }
  return days;
}

}  // namespace jointbuy::campaign
