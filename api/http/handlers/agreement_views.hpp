#pragma once
// Framework agreements as the API shows them.

#include "api/http/router.hpp"
#include "api/store/database.hpp"
#include "catalog/framework_agreement.hpp"

namespace jointbuy::http {

/// The agreement `a` as JSON with `code` and its version as ETag: the stored fields, item names in
/// the request's language, the eligible organisations' names and the share of the ceiling used.
response agreement_response(const request_context& ctx, store::database& db, status code, const catalog::framework_agreement& a);

}  // namespace jointbuy::http
