#pragma once
// Running a SELECT whose columns a row type binds, and collecting one value per row.

#include <functional>
#include <string>
#include <vector>

#include <soci/soci.h>

namespace jointbuy::store {

/// Binds the extra parameters of a statement (soci::use…).
using statement_binder = std::function<void(soci::details::prepare_temp_type&)>;

/// Runs `sql` with `Row`'s columns bound by `Row::into` and the parameters bound by `bind`, and
/// returns `Row::value()` of every row. Integer columns are bound to fixed C++ types, which keeps
/// the same code right on SQLite and PostgreSQL.
template <class Row>
auto select_rows(soci::session& session, const std::string& sql, const statement_binder& bind)
    -> std::vector<decltype(std::declval<const Row&>().value())> {
  std::vector<decltype(std::declval<const Row&>().value())> values;
  Row row;
  auto prepared = (session.prepare << sql);
  row.into(prepared);
  bind(prepared);
  soci::statement select{prepared};
  select.execute();
  while (select.fetch()) values.push_back(row.value());
  return values;
}

}  // namespace jointbuy::store
