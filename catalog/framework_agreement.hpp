#pragma once
// A framework agreement (Rahmenvertrag, IVöB/BöB Art. 25) as people enter and read it: who supplies
// what at which price, for whom, how long and up to which ceiling. The same JSON is taken by
// POST/PUT /api/v1/framework-agreements and by `jointbuy bundle --agreements`.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "catalog/input_problem.hpp"
#include "engine/framework_agreements.hpp"

namespace jointbuy::catalog {

/// Where an agreement comes from: tendered by the canton or a municipality itself, by a central
/// purchasing body (eOperations Schweiz), or an in-house award.
enum class agreement_source { own_tender, central_purchasing_body, in_house };

std::string_view to_string(agreement_source value);
std::optional<agreement_source> parse_agreement_source(std::string_view text);

/// The longest validity without a justification (Art. 25 para. 3: five years).
inline constexpr int max_years_without_justification = 5;

/// One entry of the price list: `item` at `unit_price` from `valid_from` on.
using price_entry = engine::agreement_price;

struct framework_agreement {
  /// 0 until stored.
  std::int64_t id = 0;
  std::string title;
  std::string supplier;
  agreement_source source = agreement_source::own_tender;
  std::string legal_basis;
  /// Its publication, e.g. the simap number.
  std::string reference;
  engine::date valid_from;
  engine::date valid_to;
  std::string justification;
  /// Every organisation when true; else those of `eligible`.
  bool all_eligible = true;
  std::vector<std::string> eligible;
  engine::rappen ceiling = 0;
  std::optional<std::int64_t> ceiling_quantity;
  /// What call-offs have taken (kept by the store; given by an offline file as "consumed_chf").
  engine::rappen consumed = 0;
  std::int64_t consumed_quantity = 0;
  /// Ordered by item, then valid_from.
  std::vector<price_entry> prices;
  int version = 1;
  /// The framework tender it was awarded from, if it came from one (kept by the store, read only).
  std::optional<std::int64_t> tender;

  friend bool operator==(const framework_agreement&, const framework_agreement&) = default;
};

/// What the checks look up: whether an item is in the catalogue, an organisation known.
struct agreement_lookups {
  std::function<bool(const std::string& item)> item_exists;
  std::function<bool(const std::string& organisation)> organisation_exists;
};

/// The agreement described by `json` (valid against the "framework-agreement" schema), with every
/// problem the schema cannot see in `problems`, field by field in English and German: dates,
/// validity over five years without a justification, amounts with more than 2 decimals, unknown
/// items and organisations, a price version outside the validity or given twice. Fields are named
/// below `prefix` ("" or "[3]" for an entry of a file).
framework_agreement agreement_from_json(const boost::json::object& json, const agreement_lookups& lookups,
                                        std::vector<input_problem>& problems, const std::string& prefix = "");

/// The agreement as JSON, money in CHF; with the consumption and what is left of the ceiling.
boost::json::object agreement_to_json(const framework_agreement& value);

/// The engine's view of it.
engine::framework_agreement engine_agreement(const framework_agreement& value);

}  // namespace jointbuy::catalog
