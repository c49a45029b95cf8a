#pragma once
// Bundling runs in the store: the engine's tenders and flags, kept per run for review.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "api/store/database.hpp"
#include "api/store/paging.hpp"
#include "api/store/tenders.hpp"
#include "catalog/reference_data.hpp"
#include "engine/bundling.hpp"

namespace jointbuy::store {

/// A stored run.
struct run_record {
  long long id = 0;
  std::string created_by;
  std::string started_at;
  std::string finished_at;
  long long intents = 0;
  /// The engine's summary as JSON text.
  std::string summary;
  /// The campaign whose answers it bundled, if any.
  std::optional<long long> campaign;
};

/// A stored flag of a run.
struct flag_record {
  long long id = 0;
  long long run = 0;
  engine::flag flag;
  /// The flagged intent's catalogue item, with its names, for people to read.
  std::string item, item_name_de, item_name_en;
};

/// Runs the engine on a consistent snapshot of every submitted intent and stores the run with its
/// tenders (status proposed) and flags, audited, with an event for each buyer of a proposed joint
/// tender. Intents in approved, tendered or under-review tenders are held out; an approved or
/// tendered one whose intent changed or was withdrawn since is marked needs_review. Intents are
/// read, never changed. With `campaign`, the run takes that campaign's answers only (and marks the
/// campaign bundled in the same transaction; campaign_refused unless it is closed); without, every
/// intent that is not part of a campaign's answer.
run_record create_run(database& db, const catalog::reference_data& reference, const std::string& actor,
                      std::optional<long long> campaign = std::nullopt);

/// The run `id`, or the newest run for id 0.
std::optional<run_record> find_run(database& db, long long id);

/// One page of runs, newest first: those with an id below `before` (0: from the newest).
page<run_record> list_runs(database& db, long long before, int limit);

/// Which flags to list.
struct flag_filter {
  long long run = 0;
  std::optional<std::string> organisation;
  std::optional<std::string> code;
  long long after = 0;
  int limit = 50;
};

/// One page of flags, in id order.
page<flag_record> list_flags(database& db, const flag_filter& filter);

}  // namespace jointbuy::store
