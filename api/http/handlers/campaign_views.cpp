#include "api/http/handlers/campaign_views.hpp"

#include <boost/json.hpp>

#include "api/http/campaign_words.hpp"
#include "api/http/handlers/intent_views.hpp"
#include "api/http/responses.hpp"
#include "api/store/timestamps.hpp"
#include "engine/campaign/progress.hpp"

namespace jointbuy::http {

namespace {

std::string item_name(const campaign_context& context, const std::string& id) {
  for (const auto& [item, name] : context.items) {
    if (item == id) return name;
  }
  return id;
}

}  // namespace

boost::json::object campaign_view(const store::campaign_record& c, const campaign_context& context) {
  boost::json::array items, reminders, actions;
  for (const auto& id : c.fields.items) items.push_back({{"id", id}, {"name", item_name(context, id)}});
  for (const auto& r : c.fields.reminders) reminders.emplace_back(r);
  boost::json::value invited;
  if (c.fields.invite_all) {
    invited = "all";
  } else {
    boost::json::array list;
    for (const auto& o : c.fields.organisations) list.push_back({{"id", o}, {"name", context.names->organisation(o)}});
    invited = std::move(list);
  }
  if (context.coordinator) {
    for (const auto a : campaign::allowed_actions(c.state)) actions.emplace_back(campaign::to_string(a));
  }
  return {{"id", c.id},
          {"title", c.fields.title},
          {"description", c.fields.description},
          {"state", campaign::to_string(c.state)},
          {"state_name", state_name(c.state, context.lang)},
          {"items", std::move(items)},
          {"invited", std::move(invited)},
          {"canton", c.canton},
          {"opens", c.fields.opens_at},
          {"closes", c.fields.closes_at},
          {"reminders", std::move(reminders)},
          {"binding", c.fields.binding},
          {"coordinator", c.coordinator},
          {"coordinator_name", context.names->person(c.coordinator)},
          {"counts", {{"invited", c.invited}, {"answered", c.answered}, {"no_need", c.no_need},
                      {"open", c.invited - c.answered - c.no_need}}},
          {"version", c.version},
          {"created_at", c.created_at},
          {"opened_at", text_or_null(c.opened_at)},
          {"closed_at", text_or_null(c.closed_at)},
          {"run", c.run ? boost::json::value(*c.run) : boost::json::value(nullptr)},
          {"allowed_actions", std::move(actions)}};
}

boost::json::object answer_view(const store::campaign_buyer& buyer, const std::vector<store::intent_record>& intents,
                                const store::display_names& names, engine::language lang) {
  boost::json::array list;
  for (const auto& i : intents) list.push_back(intent_view(i, std::nullopt));
  return {{"organisation", buyer.organisation},
          {"organisation_name", buyer.organisation_name},
          {"state", campaign::to_string(buyer.state)},
          {"state_name", answer_state_name(buyer.state, lang)},
          {"reason", buyer.reason},
          {"quantity", buyer.quantity},
          {"value_chf", engine::chf_from_rappen(buyer.value)},
          {"answered_at", text_or_null(buyer.answered_at)},
          {"answered_by", text_or_null(buyer.answered_by)},
          {"answered_by_name", buyer.answered_by ? boost::json::value(names.person(*buyer.answered_by)) : boost::json::value(nullptr)},
          {"intents", std::move(list)}};
}

boost::json::object progress_view(const store::campaign_record& c, const std::vector<store::campaign_buyer>& buyers,
                                  const store::campaign_answers& answers, const campaign_context& context,
                                  const engine::threshold_table& thresholds, const store::mail_counts& mail, bool mail_sending) {
  boost::json::array buyer_list, item_list, timeline;
  boost::json::object counts{{"invited", 0}, {"answered", 0}, {"no_need", 0}, {"no_response", 0}};
  for (const auto& b : buyers) {
    auto& n = counts[campaign::to_string(b.state)];
    n = n.as_int64() + 1;
    buyer_list.push_back(answer_view(b, {}, *context.names, context.lang));
    buyer_list.back().as_object().erase("intents");
  }
  const auto close_day = std::chrono::floor<std::chrono::days>(store::parse_utc_timestamp(c.fields.closes_at).value_or(std::chrono::system_clock::now()));
  for (const auto& total : campaign::item_totals(answers.items, answers.needs, thresholds, close_day)) {
    boost::json::object item{{"id", total.item},
                             {"name", item_name(context, total.item)},
                             {"quantity", total.quantity},
                             {"value_chf", engine::chf_from_rappen(total.value)},
                             {"buyers", static_cast<std::int64_t>(total.buyers)}};
    if (total.ruling) {
      item["procedure"] = engine::to_string(total.ruling->required);
      item["procedure_name"] = engine::procedure_name(total.ruling->required, context.lang);
      const auto type = std::find_if(answers.items.begin(), answers.items.end(), [&](const auto& i) { return i.id == total.item; });
      item["explanation"] = engine::explain(*total.ruling, total.value, type->type, context.lang);
    } else {
      item["procedure"] = nullptr;
      item["procedure_name"] = nullptr;
      item["explanation"] = nullptr;
    }
    item_list.push_back(std::move(item));
  }
  const auto first = std::chrono::floor<std::chrono::days>(
      store::parse_utc_timestamp(c.opened_at.value_or(c.fields.opens_at)).value_or(std::chrono::system_clock::now()));
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const auto last = std::min(today, std::max(close_day, first));
  for (const auto& day : campaign::answers_over_time(answers.moments, first, c.opened_at ? last : first - std::chrono::days{1})) {
    timeline.push_back(boost::json::object{{"day", engine::format_iso_date(day.day)}, {"answered", static_cast<std::int64_t>(day.answered)}, {"no_need", static_cast<std::int64_t>(day.no_need)}});
  }
  return {{"campaign", c.id},
          {"title", c.fields.title},
          {"state", campaign::to_string(c.state)},
          {"state_name", state_name(c.state, context.lang)},
          {"closes", c.fields.closes_at},
          {"counts", std::move(counts)},
          {"buyers", std::move(buyer_list)},
          {"items", std::move(item_list)},
          {"timeline", std::move(timeline)},
          {"mail", {{"sending", mail_sending}, {"waiting", mail.waiting}, {"sent", mail.sent}, {"failed", mail.failed}}}};
}

boost::json::object mail_view(const store::outbox_entry& e) {
  return {{"id", e.id},
          {"created_at", e.created_at},
          {"kind", e.message.kind},
          {"recipient_name", e.message.recipient_name},
          {"recipient_email", e.message.recipient_email},
          {"organisation", text_or_null(e.message.organisation)},
          {"subject", e.message.subject},
          {"message_id", e.message_id},
          {"state", e.state},
          {"attempts", e.attempts},
          {"next_attempt_at", e.state == "pending" ? boost::json::value(e.next_attempt_at) : boost::json::value(nullptr)},
          {"last_error", e.last_error},
          {"sent_at", text_or_null(e.sent_at)}};
}

}  // namespace jointbuy::http
