#pragma once
// How the API signs people in: session lifetimes, the lockout, cookies and the public address.

#include <memory>
#include <string>

#include "api/http/oidc.hpp"
#include "api/store/sessions.hpp"

namespace jointbuy::http {

struct sign_in_settings {
  store::session_lifetimes lifetimes;
  store::lockout_policy lockout;
  /// Cookies get Secure: the pages are reached over HTTPS (directly or through a proxy).
  bool secure_cookies = false;
  /// The address people reach the pages at ("https://jointbuy.lu.ch", no trailing slash): the
  /// Origin the pages send and the start of invitation links. Empty: the request's Host.
  std::string public_url;
  /// The canton's identity service, when there is one: "Mit dem Kantonslogin anmelden".
  std::shared_ptr<oidc_client> oidc;
};

}  // namespace jointbuy::http
