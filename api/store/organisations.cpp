#include "api/store/organisations.hpp"

#include <boost/json.hpp>

#include "api/store/audit_log.hpp"
#include "api/store/paging.hpp"
#include "api/store/timestamps.hpp"
#include "api/store/transaction.hpp"
#include "catalog/json_text.hpp"

namespace soci {

template <>
struct type_conversion<jointbuy::catalog::organisation> {
  using base_type = values;

  static void from_base(const values& v, indicator, jointbuy::catalog::organisation& org) {
    org.id = v.get<std::string>("id");
    org.name = v.get<std::string>("name");
    org.kind = jointbuy::catalog::parse_organisation_kind(v.get<std::string>("kind"))
                   .value_or(jointbuy::catalog::organisation_kind::municipality);
    org.canton = v.get<std::string>("canton");
    org.district = v.get<std::string>("district");
  }

  static void to_base(const jointbuy::catalog::organisation& org, values& v, indicator& ind) {
    v.set("id", org.id);
    v.set("name", org.name);
    v.set("kind", std::string{jointbuy::catalog::to_string(org.kind)});
    v.set("canton", org.canton);
    v.set("district", org.district);
    ind = i_ok;
  }
};

}  // namespace soci

namespace jointbuy::store {

namespace {

constexpr const char* select_organisation =
    "SELECT id, name, kind, canton, district FROM organisations WHERE id = :id";
constexpr const char* insert_organisation =
    "INSERT INTO organisations (id, name, kind, canton, district, created_at, updated_at) "
    "VALUES (:id, :name, :kind, :canton, :district, :created_at, :updated_at)";
constexpr const char* update_organisation =
    "UPDATE organisations SET name = :name, kind = :kind, canton = :canton, district = :district, "
    "updated_at = :now WHERE id = :id";
constexpr const char* list_organisations_page =
    "SELECT id, name, kind, canton, district FROM organisations "
    "WHERE id > :after AND (:any_canton = '' OR canton = :canton) AND (:any_kind = '' OR kind = :kind) "
    "ORDER BY id LIMIT :limit";

std::optional<catalog::organisation> select_one(soci::session& session, const std::string& id) {
  catalog::organisation org;
  session << select_organisation, soci::use(id, "id"), soci::into(org);
  if (!session.got_data()) return std::nullopt;
  return org;
}

std::string to_json_text(const catalog::organisation& org) {
  return catalog::json_text(boost::json::value_from(org));
}

}  // namespace

organisation_import_result import_organisations(database& db, const std::vector<catalog::organisation>& organisations,
                                                const std::string& actor) {
  return db.with_session([&](soci::session& session) {
    organisation_import_result result;
    transaction tx{session};
    const std::string now = utc_timestamp_now();
    for (const auto& org : organisations) {
      const auto existing = select_one(session, org.id);
      if (existing && *existing == org) {
        ++result.unchanged;
        continue;
      }
      const std::string kind{catalog::to_string(org.kind)};
      if (existing) {
        session << update_organisation, soci::use(org.name, "name"), soci::use(kind, "kind"),
            soci::use(org.canton, "canton"), soci::use(org.district, "district"), soci::use(now, "now"),
            soci::use(org.id, "id");
        append_audit(session, {actor, "update", "organisation", org.id, to_json_text(*existing), to_json_text(org)});
        ++result.updated;
      } else {
        session << insert_organisation, soci::use(org.id, "id"), soci::use(org.name, "name"),
            soci::use(kind, "kind"), soci::use(org.canton, "canton"), soci::use(org.district, "district"),
            soci::use(now, "created_at"), soci::use(now, "updated_at");
        append_audit(session, {actor, "create", "organisation", org.id, std::nullopt, to_json_text(org)});
        ++result.inserted;
      }
    }
    tx.commit();
    return result;
  });
}

std::optional<catalog::organisation> find_organisation(soci::session& session, const std::string& id) {
  return select_one(session, id);
}

std::optional<catalog::organisation> find_organisation(database& db, const std::string& id) {
  return db.with_session([&](soci::session& session) { return select_one(session, id); });
}

organisation_page list_organisations(database& db, const organisation_query& query) {
  return db.with_session([&](soci::session& session) {
    const std::string canton = query.canton.value_or("");
    const std::string kind = query.kind ? std::string{catalog::to_string(*query.kind)} : "";
    return fetch_page(query.limit, [&](int fetch) {
      soci::rowset<catalog::organisation> rows =
          (session.prepare << list_organisations_page, soci::use(query.after, "after"),
           soci::use(canton, "any_canton"), soci::use(canton, "canton"), soci::use(kind, "any_kind"),
           soci::use(kind, "kind"), soci::use(fetch, "limit"));
      return std::vector<catalog::organisation>(rows.begin(), rows.end());
    }, [](const auto& org) { return org.id; });
  });
}

}  // namespace jointbuy::store
