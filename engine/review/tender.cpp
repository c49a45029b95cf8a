#include "engine/review/tender.hpp"

#include <array>

namespace jointbuy::review {

namespace {

constexpr std::array<std::string_view, 6> status_names{"proposed", "approved", "rejected", "tendered", "withdrawn", "needs_review"};
constexpr std::array<std::string_view, 2> participation_names{"pending", "confirmed"};
constexpr std::array<std::string_view, 2> kind_names{"joint", "framework"};

}  // namespace

std::string_view to_string(status value) { return status_names.at(static_cast<std::size_t>(value)); }

std::optional<status> parse_status(std::string_view text) {
  for (std::size_t k = 0; k < status_names.size(); ++k) {
    if (status_names[k] == text) return static_cast<status>(k);
  }
  return std::nullopt;
}

std::string_view to_string(tender_kind value) { return kind_names.at(static_cast<std::size_t>(value)); }

std::optional<tender_kind> parse_tender_kind(std::string_view text) {
  for (std::size_t k = 0; k < kind_names.size(); ++k) {
    if (kind_names[k] == text) return static_cast<tender_kind>(k);
  }
  return std::nullopt;
}

bool acted_on(status value) { return value != status::proposed; }

std::string_view to_string(participation value) { return participation_names.at(static_cast<std::size_t>(value)); }

std::optional<participation> parse_participation(std::string_view text) {
  for (std::size_t k = 0; k < participation_names.size(); ++k) {
    if (participation_names[k] == text) return static_cast<participation>(k);
  }
  return std::nullopt;
}

}  // namespace jointbuy::review
