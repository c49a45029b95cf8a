// libFuzzer target: the spreadsheet import (POST /api/v1/intents/import): CSV reading, header
// mapping, every cell's decoding and the row checks, for a coordinator's import.
#include <cstdint>
#include <string_view>

#include "catalog/intent_intake.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace jointbuy;
  const std::string_view text{reinterpret_cast<const char*>(data), size};
  catalog::item laptop;
  laptop.id = "laptop-standard-14";
  laptop.category = engine::category::hardware;
  laptop.reference_price = 115000;
  const catalog::intake_lookups lookups{
      [&](const std::string& id) -> std::optional<catalog::item> {
        if (id == laptop.id) return laptop;
        return std::nullopt;
      },
      [](const std::string& id) { return id == "1059" || id == "1024"; },
      [](const std::string& name) -> std::optional<std::string> {
        if (name == "Notebook 14") return "laptop-standard-14";
        return std::nullopt;
      }};
  catalog::intake_scope scope;
  scope.today = engine::date{std::chrono::year{2026} / 11 / 23};
  (void)catalog::intake_csv(text, scope, lookups);
  scope.with_ids = true;  // a file of `jointbuy bundle`
  (void)catalog::intake_csv(text, scope, lookups);
  return 0;
}
