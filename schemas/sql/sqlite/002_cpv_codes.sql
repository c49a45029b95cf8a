-- The CPV list, so that catalogue search can match CPV labels in SQL.
CREATE TABLE cpv_codes (
  code   TEXT PRIMARY KEY,
  label  TEXT NOT NULL
);
