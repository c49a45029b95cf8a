#include "api/store/display_names.hpp"

#include "api/store/row_select.hpp"

namespace jointbuy::store {

std::string display_names::organisation(const std::string& id) const {
  const auto found = organisations.find(id);
  if (found == organisations.end()) return id;
  std::string text = found->second;
  text.append(" (").append(id).append(")");
  return text;
}

std::string display_names::person(const std::string& actor) const {
  const auto found = actors.find(actor);
  if (found == actors.end()) return actor;
  std::string text = found->second.name;
  if (const auto& o = found->second.organisation) {
    const auto name = organisations.find(*o);
    text.append(" (").append(name == organisations.end() ? *o : name->second).append(")");
  }
  return text;
}

std::string display_names::agreement(const std::string& id) const {
  const auto found = agreements.find(id);
  if (found == agreements.end()) return id;
  std::string text = "«";
  text.append(found->second).append("» (").append(id).append(")");
  return text;
}

display_names read_display_names(database& db) {
  return db.with_session([&](soci::session& session) {
    display_names names;
    struct organisation_row {
      std::string id, name;
      void into(row_statement& s) { s, soci::into(id), soci::into(name); }
      organisation_row value() const { return *this; }
    };
    for (auto& o : select_rows<organisation_row>(session, "SELECT id, name FROM organisations", [](auto&) {})) {
      names.organisations.emplace(std::move(o.id), std::move(o.name));
    }
    struct actor_row {
      std::string id, name, organisation;
      soci::indicator organisation_null = soci::i_null;
      void into(row_statement& s) { s, soci::into(id), soci::into(name), soci::into(organisation, organisation_null); }
      std::pair<std::string, display_names::actor> value() const {
        return {id, {name, organisation_null == soci::i_ok ? std::optional{organisation} : std::nullopt}};
      }
    };
    // A personal token stands for its person; people act under their own id in a session.
    constexpr const char* actors_sql =
        "SELECT t.id, COALESCE(p.name, t.name), COALESCE(p.organisation_id, t.organisation_id) FROM api_tokens t "
        "LEFT JOIN people p ON p.id = t.person_id UNION ALL SELECT id, name, organisation_id FROM people";
    for (auto& [id, actor] : select_rows<actor_row>(session, actors_sql, [](auto&) {})) {
      names.actors.emplace(std::move(id), std::move(actor));
    }
    struct agreement_row {
      long long id = 0;
      std::string title;
      void into(row_statement& s) { s, soci::into(id), soci::into(title); }
      std::pair<std::string, std::string> value() const { return {std::to_string(id), title}; }
    };
    for (auto& [id, title] : select_rows<agreement_row>(session, "SELECT id, title FROM framework_agreements", [](auto&) {})) {
      names.agreements.emplace(std::move(id), std::move(title));
    }
    return names;
  });
}

}  // namespace jointbuy::store
