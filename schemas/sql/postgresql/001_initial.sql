-- jointbuy schema, PostgreSQL. Money in integer Rappen, dates as DATE,
-- timestamps as fixed-width ISO 8601 UTC text ('2026-11-22T06:41:00.000000Z'), the same on both backends.
-- Actors (created_by, decided_by, audit_log.actor) are token ids or "cli:<command>": identities
-- for the record, not references, so that history survives a token's removal.

CREATE TABLE organisations (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL CHECK (length(name) > 0),
  kind        TEXT NOT NULL CHECK (kind IN ('canton', 'municipality')),
  canton      TEXT NOT NULL,
  district    TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);
CREATE INDEX organisations_canton ON organisations (canton, id);

CREATE TABLE api_tokens (
  id               TEXT PRIMARY KEY,
  secret_sha256    TEXT NOT NULL CHECK (length(secret_sha256) = 64),
  role             TEXT NOT NULL CHECK (role IN ('municipality', 'coordinator', 'auditor')),
  organisation_id  TEXT REFERENCES organisations (id),
  name             TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  revoked_at       TEXT,
  CHECK ((role = 'municipality') = (organisation_id IS NOT NULL))
);

CREATE TABLE catalog_items (
  id                      TEXT PRIMARY KEY,
  name_de                 TEXT NOT NULL,
  name_en                 TEXT NOT NULL,
  category                TEXT NOT NULL CHECK (category IN ('hardware', 'software', 'service')),
  procurement_type        TEXT NOT NULL CHECK (procurement_type IN ('supply', 'service')),
  cpv                     TEXT NOT NULL,
  unit                    TEXT NOT NULL,
  reference_price_rappen  BIGINT NOT NULL CHECK (reference_price_rappen >= 0),
  billing                 TEXT NOT NULL CHECK (billing IN ('one_time', 'yearly')),
  default_contract_years  INTEGER CHECK (default_contract_years BETWEEN 1 AND 5),
  compatibility_key       TEXT NOT NULL,
  discount_tiers          TEXT,
  description             TEXT NOT NULL DEFAULT '',
  attributes              TEXT NOT NULL DEFAULT '{}',
  version                 INTEGER NOT NULL DEFAULT 1,
  created_at              TEXT NOT NULL,
  updated_at              TEXT NOT NULL
);
CREATE INDEX catalog_items_key ON catalog_items (compatibility_key);

CREATE TABLE intents (
  id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organisation_id    TEXT NOT NULL REFERENCES organisations (id),
  item_id            TEXT NOT NULL REFERENCES catalog_items (id),
  quantity           BIGINT NOT NULL CHECK (quantity > 0),
  unit_price_rappen  BIGINT CHECK (unit_price_rappen >= 0),
  earliest           DATE NOT NULL,
  latest             DATE NOT NULL,
  contract_years     INTEGER CHECK (contract_years BETWEEN 1 AND 5),
  note               TEXT NOT NULL DEFAULT '',
  status             TEXT NOT NULL CHECK (status IN ('submitted', 'withdrawn')),
  version            INTEGER NOT NULL DEFAULT 1,
  created_by         TEXT NOT NULL,
  idempotency_key    TEXT,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  CHECK (earliest <= latest),
  UNIQUE (created_by, idempotency_key)
);
CREATE INDEX intents_organisation ON intents (organisation_id, id);
CREATE INDEX intents_item ON intents (item_id, id);

CREATE TABLE bundling_runs (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  created_by   TEXT NOT NULL,
  started_at   TEXT NOT NULL,
  finished_at  TEXT NOT NULL,
  intent_count BIGINT NOT NULL,
  summary      TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE bundles (
  id                        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  run_id                    BIGINT NOT NULL REFERENCES bundling_runs (id),
  compatibility_key         TEXT NOT NULL,
  category                  TEXT NOT NULL,
  procurement_type          TEXT NOT NULL,
  cpv                       TEXT NOT NULL,
  decision                  TEXT NOT NULL CHECK (decision IN ('joint_tender', 'individual')),
  status                    TEXT NOT NULL CHECK (status IN ('proposed', 'approved', 'rejected', 'tendered', 'withdrawn', 'needs_review')),
  award_from                DATE NOT NULL,
  award_to                  DATE NOT NULL,
  buyers                    INTEGER NOT NULL,
  quantity                  BIGINT NOT NULL,
  value_rappen              BIGINT NOT NULL,
  procedure                 TEXT NOT NULL CHECK (procedure IN ('free_hand', 'invitation', 'open')),
  international             SMALLINT NOT NULL CHECK (international IN (0, 1)),
  estimated_savings_rappen  BIGINT NOT NULL,
  reasons                   TEXT NOT NULL DEFAULT '[]',
  reference                 TEXT,
  version                   INTEGER NOT NULL DEFAULT 1,
  created_at                TEXT NOT NULL,
  updated_at                TEXT NOT NULL
);
CREATE INDEX bundles_run ON bundles (run_id, id);

CREATE TABLE bundle_members (
  bundle_id        BIGINT NOT NULL REFERENCES bundles (id),
  intent_id        BIGINT NOT NULL REFERENCES intents (id),
  organisation_id  TEXT NOT NULL REFERENCES organisations (id),
  quantity         BIGINT NOT NULL,
  value_rappen     BIGINT NOT NULL,
  lead             SMALLINT NOT NULL CHECK (lead IN (0, 1)),
  participation    TEXT NOT NULL DEFAULT 'pending' CHECK (participation IN ('pending', 'confirmed', 'declined')),
  PRIMARY KEY (bundle_id, intent_id)
);
CREATE INDEX bundle_members_organisation ON bundle_members (organisation_id, bundle_id);

CREATE TABLE flags (
  id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  run_id           BIGINT NOT NULL REFERENCES bundling_runs (id),
  intent_id        BIGINT NOT NULL REFERENCES intents (id),
  organisation_id  TEXT NOT NULL REFERENCES organisations (id),
  code             TEXT NOT NULL,
  message          TEXT NOT NULL,
  details          TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX flags_run ON flags (run_id, organisation_id);

CREATE TABLE decisions (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  bundle_id    BIGINT NOT NULL REFERENCES bundles (id),
  decided_by   TEXT NOT NULL,
  decision     TEXT NOT NULL,
  from_status  TEXT NOT NULL,
  to_status    TEXT NOT NULL,
  comment      TEXT NOT NULL DEFAULT '',
  reference    TEXT,
  decided_at   TEXT NOT NULL
);
CREATE INDEX decisions_bundle ON decisions (bundle_id, id);

-- Append-only: who did what to which record, with the record before and after.
CREATE TABLE audit_log (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  occurred_at  TEXT NOT NULL,
  actor        TEXT NOT NULL,
  action       TEXT NOT NULL,
  entity       TEXT NOT NULL,
  entity_id    TEXT NOT NULL,
  before_state TEXT,
  after_state  TEXT
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, id);
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
