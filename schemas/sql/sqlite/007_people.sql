-- People who sign in as themselves (DOMAIN.md §7): invited by a coordinator, signing in with a
-- password (stored as Argon2id) or through OpenID Connect. Sessions, invitations and personal
-- tokens keep only hashes of their secrets. A person acting in a session is recorded as the
-- person's id; acting with a token, as the token's id, and the token names its person.
CREATE TABLE people (
  id               TEXT PRIMARY KEY,
  email            TEXT NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
  -- The address lowercased: unique, so that Anna.Muster@ and anna.muster@ are one person.
  email_key        TEXT NOT NULL UNIQUE,
  name             TEXT NOT NULL CHECK (length(name) > 0),
  role             TEXT NOT NULL CHECK (role IN ('municipality', 'coordinator', 'auditor')),
  organisation_id  TEXT REFERENCES organisations (id),
  password_hash    TEXT,
  created_at       TEXT NOT NULL,
  created_by       TEXT NOT NULL,
  deactivated_at   TEXT,
  CHECK ((role = 'municipality') = (organisation_id IS NOT NULL))
);

CREATE TABLE invitations (
  token_sha256  TEXT PRIMARY KEY CHECK (length(token_sha256) = 64),
  person_id     TEXT NOT NULL REFERENCES people (id),
  created_at    TEXT NOT NULL,
  created_by    TEXT NOT NULL,
  expires_at    TEXT NOT NULL,
  used_at       TEXT
);
CREATE INDEX invitations_person ON invitations (person_id);

CREATE TABLE sessions (
  id_sha256     TEXT PRIMARY KEY CHECK (length(id_sha256) = 64),
  person_id     TEXT NOT NULL REFERENCES people (id),
  -- What the pages send in X-CSRF-Token when the browser gives no Origin.
  csrf_token    TEXT NOT NULL,
  -- How the person signed in: 'password' or 'oidc'.
  method        TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  last_seen_at  TEXT NOT NULL,
  ended_at      TEXT
);
CREATE INDEX sessions_person ON sessions (person_id);

-- Failed password sign-ins by address (known or not, so that a lockout tells nothing).
CREATE TABLE sign_in_failures (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  email_key    TEXT NOT NULL,
  occurred_at  TEXT NOT NULL
);
CREATE INDEX sign_in_failures_email ON sign_in_failures (email_key, occurred_at);

ALTER TABLE api_tokens ADD COLUMN person_id TEXT REFERENCES people (id);
CREATE INDEX api_tokens_person ON api_tokens (person_id);
