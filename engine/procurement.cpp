#include "engine/procurement.hpp"

#include <array>
#include <utility>

namespace jointbuy::engine {

namespace {

template <class Enum, std::size_t N>
using names = std::array<std::pair<Enum, std::string_view>, N>;

constexpr names<category, 3> category_names{{{category::hardware, "hardware"},
                                             {category::software, "software"},
                                             {category::service, "service"}}};
constexpr names<procurement_type, 4> procurement_type_names{{{procurement_type::supply, "supply"},
                                                             {procurement_type::service, "service"},
                                                             {procurement_type::construction_main, "construction_main"},
                                                             {procurement_type::construction_secondary, "construction_secondary"}}};
constexpr names<billing, 2> billing_names{{{billing::one_time, "one_time"}, {billing::yearly, "yearly"}}};
constexpr names<procedure, 3> procedure_names{{{procedure::free_hand, "free_hand"},
                                               {procedure::invitation, "invitation"},
                                               {procedure::open, "open"}}};
constexpr names<language, 2> language_names{{{language::en, "en"}, {language::de, "de"}}};

template <class Enum, std::size_t N>
std::string_view name_of(const names<Enum, N>& table, Enum value) {
  for (const auto& [e, name] : table) {
    if (e == value) return name;
  }
  return "unknown";
}

template <class Enum, std::size_t N>
std::optional<Enum> value_of(const names<Enum, N>& table, std::string_view text) {
  for (const auto& [e, name] : table) {
    if (name == text) return e;
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(category value) { return name_of(category_names, value); }
std::string_view to_string(procurement_type value) { return name_of(procurement_type_names, value); }
std::string_view to_string(billing value) { return name_of(billing_names, value); }
std::string_view to_string(procedure value) { return name_of(procedure_names, value); }
std::string_view to_string(language value) { return name_of(language_names, value); }

std::optional<category> parse_category(std::string_view text) { return value_of(category_names, text); }
std::optional<procurement_type> parse_procurement_type(std::string_view text) { return value_of(procurement_type_names, text); }
std::optional<billing> parse_billing(std::string_view text) { return value_of(billing_names, text); }
std::optional<procedure> parse_procedure(std::string_view text) { return value_of(procedure_names, text); }
std::optional<language> parse_language(std::string_view text) { return value_of(language_names, text); }

std::string_view procedure_name(procedure value, language lang) {
  switch (value) {
    case procedure::free_hand: return lang == language::de ? "freihändiges Verfahren" : "free-hand procedure";
    case procedure::invitation: return lang == language::de ? "Einladungsverfahren" : "invitation procedure";
    case procedure::open: return lang == language::de ? "offenes oder selektives Verfahren" : "open or selective procedure";
  }
  return "";
}

std::string_view procurement_type_name(procurement_type value, language lang) {
  switch (value) {
    case procurement_type::supply: return lang == language::de ? "Lieferungen" : "supplies";
    case procurement_type::service: return lang == language::de ? "Dienstleistungen" : "services";
    case procurement_type::construction_main: return lang == language::de ? "Bauhauptgewerbe" : "construction (main trades)";
    case procurement_type::construction_secondary:
      return lang == language::de ? "Baunebengewerbe" : "construction (secondary trades)";
  }
  return "";
}

}  // namespace jointbuy::engine
