#pragma once
// Files the API hands out (CSV schedules, the audit export, OCDS releases): how a client asks for
// the CSV's form, and the attachment response.

#include <string>

#include "api/http/router.hpp"
#include "catalog/tender_schedule.hpp"

namespace jointbuy::http {

/// The CSV form a request asks for: ?sep=comma|semicolon, ?bom=0|1, ?lang=en|de (else
/// Accept-Language). Throws a 400 problem naming the bad parameter.
catalog::schedule_format csv_format_from(const request_context& ctx);

/// A file name made of letters, digits and dashes only: nothing a header or a file system misreads.
std::string safe_file_name(std::string text);

/// `body` as an attachment named `file_name`, never cached.
response download(const request_context& ctx, std::string body, const std::string& content_type,
                  const std::string& file_name);

}  // namespace jointbuy::http
