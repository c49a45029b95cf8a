-- OpenID Connect sign-ins under way: what the callback must find again. The state is stored as its
-- hash and can be used once; the nonce and the PKCE verifier live only until the callback.
CREATE TABLE oidc_sign_ins (
  state_sha256   TEXT PRIMARY KEY CHECK (length(state_sha256) = 64),
  nonce          TEXT NOT NULL,
  code_verifier  TEXT NOT NULL,
  -- The page to show after the sign-in: a hash route of the pages ("#/bundles/12").
  return_to      TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  used_at        TEXT
);
CREATE INDEX oidc_sign_ins_created ON oidc_sign_ins (created_at);
