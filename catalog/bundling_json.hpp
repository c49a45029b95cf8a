#pragma once
// The batching engine's input from the catalogue, and its output as JSON (the contract shared by
// `jointbuy bundle` and the API; schema: schemas/json/bundling-result.schema.json).

#include <map>
#include <string>
#include <vector>

#include <boost/json/value.hpp>

#include "catalog/item.hpp"
#include "engine/bundling.hpp"

namespace jointbuy::catalog {

/// What the engine needs to know of each catalogue item, by item id.
std::map<std::string, engine::item_terms> engine_terms(const std::vector<item>& items);

/// The result as JSON: {"bundles": [...], "flags": [...], "summary": {...}}, money in CHF, reasons
/// as {"code", "message"} in `lang`, flags with their figures in "details".
boost::json::value bundling_result_json(const engine::bundling_result& result, engine::language lang);

}  // namespace jointbuy::catalog
