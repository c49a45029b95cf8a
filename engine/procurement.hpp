#pragma once
// The vocabulary of procurement law and of the catalogue (DOMAIN.md §2, §3).

#include <optional>
#include <string_view>

namespace jointbuy::engine {

/// What a catalogue item is.
enum class category { hardware, software, service };

/// What the law calls the contract (IVöB Annex 1 and 2). Catalogue items are supplies or services.
enum class procurement_type { supply, service, construction_main, construction_secondary };

/// How an item is paid for: once, or every year of the contract term.
enum class billing { one_time, yearly };

/// The procedure a contract value requires.
enum class procedure { free_hand, invitation, open };

/// The language of the reasons jointbuy gives.
enum class language { en, de };

std::string_view to_string(category value);
std::string_view to_string(procurement_type value);
std::string_view to_string(billing value);
std::string_view to_string(procedure value);
std::string_view to_string(language value);

/// The value named by `text` ("hardware", "supply", "one_time", "invitation", "de"…), if any.
std::optional<category> parse_category(std::string_view text);
std::optional<procurement_type> parse_procurement_type(std::string_view text);
std::optional<billing> parse_billing(std::string_view text);
std::optional<procedure> parse_procedure(std::string_view text);
std::optional<language> parse_language(std::string_view text);

/// How people call the procedure: "invitation procedure" / "Einladungsverfahren".
std::string_view procedure_name(procedure value, language lang);

/// How people call the procurement type: "supplies" / "Lieferungen".
std::string_view procurement_type_name(procurement_type value, language lang);

}  // namespace jointbuy::engine
