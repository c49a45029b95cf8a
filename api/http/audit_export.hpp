#pragma once
// The audit log as a person reads it: its actions and kinds of record in words, and as a CSV file
// for an auditor's working papers.

#include <string>
#include <string_view>
#include <vector>

#include "api/store/audit_log.hpp"
#include "catalog/tender_schedule.hpp"
#include "engine/procurement.hpp"

namespace jointbuy::http {

/// What the log's `action` ("create", "decline", …) means, in `lang` ("erfasst", "abgesagt").
std::string audit_action_words(std::string_view action, engine::language lang);

/// The kind of record `entity` ("intent") in `lang` ("Beschaffungsabsicht").
std::string audit_entity_words(std::string_view entity, engine::language lang);

/// The entries as CSV in `format`'s separator and language: one row per entry, the time in UTC,
/// the person with their organisation, the action and record in words beside their codes, and
/// the record's JSON before and after. Text cells are written by catalog::csv_cell.
std::string audit_csv(const std::vector<store::audit_entry>& entries, const catalog::schedule_format& format);

}  // namespace jointbuy::http
