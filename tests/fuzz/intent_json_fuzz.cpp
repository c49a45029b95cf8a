// libFuzzer target: a request body as POST /api/v1/intents takes it in — JSON text, the intent
// schema, the field decoding and the intake's checks — and the same bytes as a file of
// `jointbuy bundle` (an array with ids). Whatever the bytes, no crash, no hang, no sanitizer report.
#include <cstdint>
#include <string_view>

#include "catalog/intent_intake.hpp"
#include "catalog/json_schema.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace jointbuy;
  const std::string_view text{reinterpret_cast<const char*>(data), size};
  const auto parsed = catalog::parse_json_text(text);
  if (parsed.error) return 0;
  catalog::item monitor;
  monitor.id = "monitor-24";
  monitor.reference_price = 18000;
  const catalog::intake_lookups lookups{
      [&](const std::string& id) -> std::optional<catalog::item> {
        if (id == monitor.id) return monitor;
        return std::nullopt;
      },
      [](const std::string& id) { return id == "1059"; },
      [](const std::string&) -> std::optional<std::string> { return std::nullopt; }};
  catalog::intake_scope scope;
  scope.today = engine::date{std::chrono::year{2026} / 11 / 23};
  (void)catalog::intake_json(parsed.value, scope, lookups);
  scope.with_ids = true;
  (void)catalog::intake_json_list(parsed.value, scope, lookups);
  return 0;
}
