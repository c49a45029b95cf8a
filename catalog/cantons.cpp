#include "catalog/cantons.hpp"

#include <array>
#include <utility>

namespace jointbuy::catalog {

namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 26> cantons{{
    {"AG", "Kanton Aargau"},           {"AI", "Kanton Appenzell Innerrhoden"},
    {"AR", "Kanton Appenzell Ausserrhoden"}, {"BE", "Kanton Bern"},
    {"BL", "Kanton Basel-Landschaft"}, {"BS", "Kanton Basel-Stadt"},
    {"FR", "Kanton Freiburg"},         {"GE", "Kanton Genf"},
    {"GL", "Kanton Glarus"},           {"GR", "Kanton Graubünden"},
    {"JU", "Kanton Jura"},             {"LU", "Kanton Luzern"},
    {"NE", "Kanton Neuenburg"},        {"NW", "Kanton Nidwalden"},
    {"OW", "Kanton Obwalden"},         {"SG", "Kanton St. Gallen"},
    {"SH", "Kanton Schaffhausen"},     {"SO", "Kanton Solothurn"},
    {"SZ", "Kanton Schwyz"},           {"TG", "Kanton Thurgau"},
    {"TI", "Kanton Tessin"},           {"UR", "Kanton Uri"},
    {"VD", "Kanton Waadt"},            {"VS", "Kanton Wallis"},
    {"ZG", "Kanton Zug"},              {"ZH", "Kanton Zürich"},
}};

}  // namespace

std::optional<std::string> canton_name(std::string_view code) {
  for (const auto& [canton_code, name] : cantons) {
    if (canton_code == code) return std::string{name};
  }
  return std::nullopt;
}

}  // namespace jointbuy::catalog
