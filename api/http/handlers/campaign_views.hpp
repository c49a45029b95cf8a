#pragma once
// Campaigns as the API shows them: names beside ids, the states in words, the actions a
// coordinator may take now, a buyer's own answer, and the progress so far.

#include <optional>
#include <vector>

#include <boost/json/object.hpp>

#include "api/store/campaigns.hpp"
#include "api/store/display_names.hpp"
#include "api/store/intents.hpp"
#include "api/store/mail_outbox.hpp"
#include "engine/procurement.hpp"
#include "engine/thresholds.hpp"

namespace jointbuy::http {

/// What the view needs besides the campaign: the item names, whether the caller may act on it.
struct campaign_context {
  const store::display_names* names = nullptr;
  /// Item id → its name in the caller's language.
  std::vector<std::pair<std::string, std::string>> items;
  engine::language lang = engine::language::de;
  bool coordinator = false;
};

/// The campaign: its fields, state, counts and (for a coordinator) allowed_actions.
boost::json::object campaign_view(const store::campaign_record& c, const campaign_context& context);

/// A buyer's own answer: its state, reason, when and by whom, and its intents.
boost::json::object answer_view(const store::campaign_buyer& buyer, const std::vector<store::intent_record>& intents,
                                const store::display_names& names, engine::language lang);

/// The progress: per buyer, per item (with the procedure the total requires), answers per day,
/// and the mail's state.
boost::json::object progress_view(const store::campaign_record& c, const std::vector<store::campaign_buyer>& buyers,
                                  const store::campaign_answers& answers, const campaign_context& context,
                                  const engine::threshold_table& thresholds, const store::mail_counts& mail, bool mail_sending);

/// One queued message, for the coordinator's list.
boost::json::object mail_view(const store::outbox_entry& entry);

}  // namespace jointbuy::http
