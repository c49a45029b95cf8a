#pragma once
// The batching engine's input from the catalogue, and its output as JSON (the contract shared by
// `jointbuy bundle` and the API; schema: schemas/json/bundling-result.schema.json).

#include <map>
#include <string>
#include <vector>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "catalog/item.hpp"
#include "engine/bundling.hpp"

namespace jointbuy::catalog {

/// What the engine needs to know of each catalogue item, by item id.
std::map<std::string, engine::item_terms> engine_terms(const std::vector<item>& items);

/// One tender as JSON, reasons in `lang`, naming organisations and people by `names`.
boost::json::object bundle_json(const engine::bundle& bundle, engine::language lang, const engine::reason_names& names = {});

/// One flag as JSON: {"intent", "organisation", "code", "message", "details"}.
boost::json::object flag_json(const engine::flag& flag, engine::language lang, const engine::reason_names& names = {});

/// A reason as stored: {"code", "amounts": {…}, "texts": {…}}, so it can be said in any language later.
boost::json::value reason_to_storage(const engine::reason& reason);

/// A reason read back from its stored form.
engine::reason reason_from_storage(const boost::json::value& stored);

/// The run's totals as JSON.
boost::json::object summary_json(const engine::bundling_summary& summary);

/// The result as JSON: {"bundles": [...], "flags": [...], "summary": {...}}, money in CHF, reasons
/// as {"code", "message"} in `lang`, flags with their figures in "details".
boost::json::value bundling_result_json(const engine::bundling_result& result, engine::language lang,
                                         const engine::reason_names& names = {});

}  // namespace jointbuy::catalog
