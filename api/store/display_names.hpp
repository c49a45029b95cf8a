#pragma once
// The names people read beside the ids the store keeps: organisations by id, and the person or
// office behind each actor (a person's id or a token's) with its organisation. Read once per answer that needs them.

#include <map>
#include <optional>
#include <string>

#include "api/store/database.hpp"

namespace jointbuy::store {

struct display_names {
  std::map<std::string, std::string> organisations;
  struct actor {
    std::string name;
    std::optional<std::string> organisation;
  };
  std::map<std::string, actor> actors;
  /// Framework agreements' titles by id.
  std::map<std::string, std::string> agreements;

  /// "Kriens (1059)", or the id alone when the organisation is unknown.
  std::string organisation(const std::string& id) const;
  /// "Anna Muster (Kriens)" or "Programmbüro"; the id when no person or token has it.
  std::string person(const std::string& actor) const;
  /// "«Notebooks und Monitore» (3)", or the id alone when no agreement has it.
  std::string agreement(const std::string& id) const;
};

/// Every organisation's, person's and token's name.
display_names read_display_names(database& db);

}  // namespace jointbuy::store
