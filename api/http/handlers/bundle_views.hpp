#pragma once
// Bundles as the API shows them, and who may see which.

#include <boost/json/object.hpp>

#include "api/http/router.hpp"
#include "api/store/display_names.hpp"
#include "api/store/tenders.hpp"
#include "engine/review/actions.hpp"

namespace jointbuy::http {

/// The bundle as JSON: the engine's tender (bundling-result schema) plus its stored id, run,
/// status, version, each buyer's answer, the tender reference, the review reason and the actions
/// the caller `who` may take now (review::allowed_actions). For a municipality's caller (`viewer`, its organisation) the other
/// buyers are shown as catalog::as_seen_by says: in a joint tender their names, quantities, windows
/// and answers, never their values (quantity × their price estimate) or own procedures; in a bundle
/// whose buyers each buy alone, nothing of them. Reasons name organisations and people by `names`.
boost::json::object bundle_view(const store::bundle_record& record, engine::language lang, const review::actor& who,
                                const store::display_names& names);

/// The engine's reasons naming organisations and people as `names` has them ("Kriens (1059)").
engine::reason_names reason_names_of(const store::display_names& names);

/// The caller as the review knows it: a coordinator, a buyer for its organisation, or an observer.
review::actor review_actor(const request_context& ctx);

/// Removes from the bundle JSON `json` (bundle_view's shape, or a state recorded before and after
/// a decision) what the buyer `viewer` may not see of the other buyers.
void restrict_to_viewer(boost::json::object& json, const std::string& viewer);

/// The organisation whose view of bundles the caller gets: a municipality's own; none (everything)
/// for coordinators and auditors.
std::optional<std::string> bundle_viewer(const request_context& ctx);

/// The bundle `{id}` of the request, if the caller may see it (a municipality only those it takes
/// part in); a 404 problem otherwise.
store::bundle_record visible_bundle(const request_context& ctx, store::database& db);

}  // namespace jointbuy::http
