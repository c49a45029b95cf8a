#include "api/store/errors.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace jointbuy::store {

std::string_view to_string(record kind) {
  switch (kind) {
    case record::intent: return "intent";
    case record::catalogue_item: return "catalogue item";
    case record::organisation: return "organisation";
    case record::bundle: return "bundle";
    case record::bundling_run: return "bundling run";
    case record::token: return "token";
    case record::person: return "person";
    case record::campaign: return "campaign";
    case record::framework_agreement: return "framework agreement";
    case record::opportunity: return "agreement opportunity";
  }
  return "record";
}

namespace {

// "intent '12'". Appended, not concatenated: GCC 12 at -O2 reports a false -Wrestrict on temporaries.
std::string named(const record_ref& subject) {
  std::string text{to_string(subject.kind)};
  text.append(" '").append(subject.id).append("'");
  return text;
}

std::string stale_text(const record_ref& subject, int expected, int current) {
  std::string text = named(subject);
  text.append(" is at version ").append(current > 0 ? std::to_string(current) : "(changed meanwhile)");
  text.append(", not ").append(std::to_string(expected));
  return text;
}

std::string missing_text(const record_ref& subject) {
  std::string text = "there is no ";
  text.append(named(subject));
  return text;
}

}  // namespace

conflict::conflict(reason why, std::optional<record_ref> subject, const std::string& internal)
    : error(internal), why_(why), subject_(std::move(subject)) {}

stale_version::stale_version(record_ref subject, int expected, int current)
    : error(stale_text(subject, expected, current)),
      subject_(std::move(subject)), expected_(expected), current_(current) {}

not_found::not_found(record_ref subject) : error(missing_text(subject)), subject_(std::move(subject)) {}

namespace {

[[noreturn]] void throw_key_taken(const soci::soci_error& e) {
  throw conflict(conflict::reason::key_taken, std::nullopt, e.get_error_message());
}

[[noreturn]] void throw_for_sqlstate(const std::string& sqlstate, const soci::soci_error& e) {
  if (sqlstate == "23505") throw_key_taken(e);
  // Class 08: connection exceptions; 57P01-57P03: the server shuts down or cannot accept yet;
  // 53300: too many connections; 40001/40P01: serialisation failure and deadlock, worth a retry.
  if (sqlstate.starts_with("08") || sqlstate.starts_with("57P") || sqlstate == "53300" ||
      sqlstate == "40001" || sqlstate == "40P01") {
    throw unavailable(e.get_error_message());
  }
  throw error(e.get_error_message());
}

}  // namespace

bool key_taken(std::exception_ptr error) {
  try {
    try {
      std::rethrow_exception(error);
    } catch (...) {
      rethrow_as_store_error();
    }
  } catch (const conflict& e) {
    return e.why() == conflict::reason::key_taken;
  } catch (...) {
  }
  return false;
}

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
    if (primary == SQLITE_CONSTRAINT && e.get_error_message().find("UNIQUE") != std::string::npos) throw_key_taken(e);
    throw error(e.get_error_message());
  } catch (const soci::soci_error& e) {
    if (e.get_error_category() == soci::soci_error::connection_error) throw unavailable(e.get_error_message());
    throw error(e.get_error_message());
  }
}

}  // namespace jointbuy::store
