#pragma once
// Bundles as the API shows them, and who may see which.

#include <boost/json/object.hpp>

#include "api/http/router.hpp"
#include "api/store/bundling_runs.hpp"

namespace jointbuy::http {

/// The bundle as JSON: the engine's tender (bundling-result schema) plus its stored id, run,
/// status, version, each buyer's answer, the tender reference, the review reason and the actions
/// a coordinator may take now.
boost::json::object bundle_view(const store::bundle_record& record, engine::language lang);

/// The bundle `{id}` of the request, if the caller may see it (a municipality only those it takes
/// part in); a 404 problem otherwise.
store::bundle_record visible_bundle(const request_context& ctx, store::database& db);

}  // namespace jointbuy::http
