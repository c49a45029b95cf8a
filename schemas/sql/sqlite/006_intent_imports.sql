-- Spreadsheet imports sent with an Idempotency-Key: the same file again (the same key and body from
-- the same caller) is answered with the first import's receipt and stores nothing twice.
CREATE TABLE intent_imports (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  created_by       TEXT NOT NULL,
  idempotency_key  TEXT NOT NULL,
  request_sha256   TEXT NOT NULL,
  -- The ids of the intents the import stored, comma-separated, and their value at the time.
  intent_ids       TEXT NOT NULL,
  value_rappen     BIGINT NOT NULL,
  created_at       TEXT NOT NULL,
  UNIQUE (created_by, idempotency_key)
);
