-- Framework agreements (DOMAIN.md §4.8, IVöB/BöB Art. 25) and their call-offs. The ceiling is taken
-- by one conditional UPDATE of consumed_rappen (and consumed_quantity), so that concurrent call-offs
-- never exceed it; the CHECKs hold it even so.
CREATE TABLE framework_agreements (
  id                 INTEGER PRIMARY KEY AUTOINCREMENT,
  title              TEXT NOT NULL CHECK (length(title) > 0),
  supplier           TEXT NOT NULL,
  source             TEXT NOT NULL CHECK (source IN ('own_tender', 'central_purchasing_body', 'in_house')),
  legal_basis        TEXT NOT NULL DEFAULT '',
  reference          TEXT NOT NULL DEFAULT '',
  valid_from         TEXT NOT NULL,
  valid_to           TEXT NOT NULL,
  justification      TEXT NOT NULL DEFAULT '',
  -- "all", or a JSON array of organisation ids.
  eligible           TEXT NOT NULL,
  ceiling_rappen     BIGINT NOT NULL CHECK (ceiling_rappen > 0),
  ceiling_quantity   BIGINT CHECK (ceiling_quantity > 0),
  consumed_rappen    BIGINT NOT NULL DEFAULT 0 CHECK (consumed_rappen >= 0 AND consumed_rappen <= ceiling_rappen),
  consumed_quantity  BIGINT NOT NULL DEFAULT 0 CHECK (consumed_quantity >= 0),
  -- Set once the call-offs reach 80 % of the ceiling and the coordinators were told.
  alerted            INTEGER NOT NULL DEFAULT 0 CHECK (alerted IN (0, 1)),
  version            INTEGER NOT NULL DEFAULT 1,
  created_by         TEXT NOT NULL,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  CHECK (valid_from <= valid_to),
  CHECK (ceiling_quantity IS NULL OR consumed_quantity <= ceiling_quantity)
);

-- The price list: one price per item and version date.
CREATE TABLE agreement_prices (
  agreement_id       BIGINT NOT NULL REFERENCES framework_agreements (id),
  item_id            TEXT NOT NULL REFERENCES catalog_items (id),
  valid_from         TEXT NOT NULL,
  unit_price_rappen  BIGINT NOT NULL CHECK (unit_price_rappen >= 0),
  PRIMARY KEY (agreement_id, item_id, valid_from)
);

CREATE TABLE call_offs (
  id                 INTEGER PRIMARY KEY AUTOINCREMENT,
  agreement_id       BIGINT NOT NULL REFERENCES framework_agreements (id),
  organisation_id    TEXT NOT NULL REFERENCES organisations (id),
  item_id            TEXT NOT NULL REFERENCES catalog_items (id),
  quantity           BIGINT NOT NULL CHECK (quantity > 0),
  unit_price_rappen  BIGINT NOT NULL CHECK (unit_price_rappen >= 0),
  value_rappen       BIGINT NOT NULL CHECK (value_rappen >= 0),
  call_off_date      TEXT NOT NULL,
  -- The intent bought this way, if the call-off came from one; an intent is called off once.
  intent_id          BIGINT UNIQUE REFERENCES intents (id),
  created_by         TEXT NOT NULL,
  created_at         TEXT NOT NULL
);
CREATE INDEX call_offs_agreement ON call_offs (agreement_id, id);
CREATE INDEX call_offs_organisation ON call_offs (organisation_id, id);

-- An intent bought by a call-off: later runs leave it out.
ALTER TABLE intents ADD COLUMN call_off_id BIGINT REFERENCES call_offs (id);
