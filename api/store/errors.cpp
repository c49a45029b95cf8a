#include "api/store/errors.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace jointbuy::store {

namespace {

[[noreturn]] void throw_for_sqlstate(const std::string& sqlstate, const soci::soci_error& e) {
  if (sqlstate == "23505") throw conflict(e.get_error_message());
  // Class 08: connection exceptions; 57P01-57P03: the server shuts down or cannot accept yet;
  // 53300: too many connections; 40001/40P01: serialisation failure and deadlock, worth a retry.
  if (sqlstate.starts_with("08") || sqlstate.starts_with("57P") || sqlstate == "53300" ||
      sqlstate == "40001" || sqlstate == "40P01") {
    throw unavailable(e.get_error_message());
  }
  throw error(e.get_error_message());
}

}  // namespace

void rethrow_as_store_error(bool connection_lost) {
  if (connection_lost) {
    try {
      throw;
    } catch (const error&) {
      throw;
    } catch (const std::exception& e) {
      throw unavailable(std::string{"the database connection was lost: "} + e.what());
    } catch (...) {
      throw unavailable("the database connection was lost");
    }
  }
  try {
    throw;
  } catch (const error&) {
    throw;
  } catch (const soci::postgresql_soci_error& e) {
    if (e.get_error_category() == soci::soci_error::connection_error) throw unavailable(e.get_error_message());
    throw_for_sqlstate(e.sqlstate(), e);
  } catch (const soci::sqlite3_soci_error& e) {
    const int primary = e.result() & 0xff;
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) throw unavailable(e.get_error_message());
    if (primary == SQLITE_CONSTRAINT && e.get_error_message().find("UNIQUE") != std::string::npos) {
      throw conflict(e.get_error_message());
    }
    throw error(e.get_error_message());
  } catch (const soci::soci_error& e) {
    if (e.get_error_category() == soci::soci_error::connection_error) throw unavailable(e.get_error_message());
    throw error(e.get_error_message());
  }
}

}  // namespace jointbuy::store
