#pragma once
// Running a SELECT whose columns a row type binds, and collecting one value per row.

#include <functional>
#include <string>
#include <vector>

#include <soci/soci.h>

namespace jointbuy::store {

/// The columns and parameters of one SELECT, bound with `statement, soci::into(x), soci::use(y, "y")`
/// as on a prepared statement. It runs as a one-time query: on PostgreSQL one round trip
/// (PQexecParams), where a prepared statement takes three (prepare, execute, deallocate).
class row_statement {
 public:
  explicit row_statement(soci::statement& statement) : statement_(statement) {}

  template <class T, class Indicator>
  row_statement& operator,(const soci::details::into_container<T, Indicator>& into) {
    statement_.exchange(into);
    return *this;
  }
  template <class T, class Indicator>
  row_statement& operator,(const soci::details::use_container<T, Indicator>& use) {
    statement_.exchange(use);
    return *this;
  }

 private:
  soci::statement& statement_;
};

/// Binds the extra parameters of a statement (soci::use…).
using statement_binder = std::function<void(row_statement&)>;

/// Runs `sql` with `Row`'s columns bound by `Row::into` and the parameters bound by `bind`, and
/// returns `Row::value()` of every row. Integer columns are bound to fixed C++ types, which keeps
/// the same code right on SQLite and PostgreSQL.
template <class Row>
auto select_rows(soci::session& session, const std::string& sql, const statement_binder& bind)
    -> std::vector<decltype(std::declval<const Row&>().value())> {
  std::vector<decltype(std::declval<const Row&>().value())> values;
  Row row;
  soci::statement select{session};
  row_statement bound{select};
  row.into(bound);
  bind(bound);
  select.alloc();
  select.prepare(sql, soci::details::st_one_time_query);
  select.define_and_bind();
  select.execute(false);
  while (select.fetch()) values.push_back(row.value());
  return values;
}

}  // namespace jointbuy::store
