// libFuzzer target: a request body as POST /api/v1/intents decodes it — JSON text, the intent
// schema, then the field decoding. Whatever the bytes, no crash, no hang, no sanitizer report.
#include <cstdint>
#include <string_view>

#include "catalog/intent_input.hpp"
#include "catalog/json_schema.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace jointbuy;
  const std::string_view text{reinterpret_cast<const char*>(data), size};
  const auto parsed = catalog::parse_json_text(text);
  if (parsed.error) return 0;
  (void)catalog::validate_against_schema("intent", parsed.value);
  std::vector<catalog::input_problem> problems;
  (void)catalog::decode_intent_json(parsed.value, problems);
  return 0;
}
