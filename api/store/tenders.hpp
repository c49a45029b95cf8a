#pragma once
// Tenders in the store: the rows of the bundles table read as review::tender, by run (a run's
// proposals) or across runs (the tenders coordinators acted on), and their stored audit form.

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <boost/json/object.hpp>

#include "api/store/database.hpp"
#include "api/store/paging.hpp"
#include "engine/review/tender.hpp"

namespace jointbuy::store {

/// A stored tender: its review state, and each member intent's window (earliest, latest) as the
/// intent says now.
struct bundle_record : review::tender {
  std::map<long long, std::pair<engine::date, engine::date>> windows;
  /// Each member intent's catalogue item.
  std::map<long long, std::string> items;
  /// What people call the tender: the catalogue name of its first item (in id order), in English
  /// and German; empty for a tender without members.
  struct {
    std::string en, de;
  } title;
  std::string title_item;
  /// The campaign whose answers its run bundled, if it came from a campaign.
  std::optional<long long> campaign;
  /// A framework tender once awarded: the framework agreement it became.
  std::optional<long long> agreement;
};

/// Which tenders to list: of one run (`run`), or with `acted_on` those a coordinator acted on
/// whichever run proposed them; optionally one verdict, category or status, optionally only those
/// in which `organisation` takes part; a page after the id `after`.
struct bundle_filter {
  long long run = 0;
  bool acted_on = false;
  std::optional<engine::verdict> verdict;
  std::optional<engine::category> category;
  std::optional<review::status> status;
  std::optional<std::string> organisation;
  long long after = 0;
  int limit = 50;
};

/// One page of tenders with their members and reasons, in id order.
page<bundle_record> list_bundles(database& db, const bundle_filter& filter);

/// The tender `id`, if there is one.
std::optional<bundle_record> find_bundle(database& db, long long id);

/// The same, read in the caller's session (and so in its transaction).
std::optional<bundle_record> find_bundle(soci::session& session, long long id);

/// The tender an intent belongs to now: the one a coordinator acted on (not rejected or withdrawn),
/// else its proposal in the newest run.
struct current_tender {
  long long id = 0;
  review::status status = review::status::proposed;
};

/// The current tender of each of `intents` that has one.
std::map<long long, current_tender> current_tenders(database& db, const std::vector<long long>& intents);

/// The same, read in the caller's session.
std::map<long long, current_tender> current_tenders(soci::session& session, const std::vector<long long>& intents);

/// The tender as the audit log and the decision history keep it. It is the stored form, defined
/// here beside the row: changing the API does not change recorded history.
std::string stored_form(const review::tender& t);

/// The same, as JSON (for before/after details).
boost::json::object stored_form_json(const review::tender& t);

}  // namespace jointbuy::store
