-- Needs-survey campaigns (DOMAIN.md §6): a coordinator asks the invited buyers for their needs of
-- some catalogue items within a window; each buyer answers with intents (linked to the campaign)
-- or with no need; reminders and announcements go out by e-mail through the outbox, written in the
-- same transaction as the change that causes them and sent by a background sender.
CREATE TABLE campaigns (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  title        TEXT NOT NULL CHECK (length(title) > 0),
  description  TEXT NOT NULL DEFAULT '',
  state        TEXT NOT NULL CHECK (state IN ('draft', 'open', 'closed', 'bundled', 'cancelled')),
  opens_at     TEXT NOT NULL,
  closes_at    TEXT NOT NULL,
  -- The reminder offsets before the close as a JSON array of ISO 8601 durations (["P7D", "P2D"]).
  reminders    TEXT NOT NULL DEFAULT '[]',
  -- Whether the answers bind their buyers once the tender is approved.
  binding      INTEGER NOT NULL CHECK (binding IN (0, 1)),
  -- "all": every organisation of the canton; "list": those in campaign_buyers only.
  invited      TEXT NOT NULL CHECK (invited IN ('all', 'list')),
  canton       TEXT NOT NULL,
  -- The coordinator in charge (the person who created it).
  coordinator  TEXT NOT NULL,
  version      INTEGER NOT NULL DEFAULT 1,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  opened_at    TEXT,
  closed_at    TEXT,
  run_id       BIGINT REFERENCES bundling_runs (id),
  CHECK (opens_at < closes_at)
);
CREATE INDEX campaigns_state ON campaigns (state, id);

CREATE TABLE campaign_items (
  campaign_id  BIGINT NOT NULL REFERENCES campaigns (id),
  item_id      TEXT NOT NULL REFERENCES catalog_items (id),
  position     INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, item_id)
);

-- Each invited buyer and its answer: NULL (none yet), 'intents' or 'no_need'.
CREATE TABLE campaign_buyers (
  campaign_id      BIGINT NOT NULL REFERENCES campaigns (id),
  organisation_id  TEXT NOT NULL REFERENCES organisations (id),
  answer           TEXT CHECK (answer IN ('intents', 'no_need')),
  reason           TEXT NOT NULL DEFAULT '',
  answered_at      TEXT,
  answered_by      TEXT,
  PRIMARY KEY (campaign_id, organisation_id)
);
CREATE INDEX campaign_buyers_organisation ON campaign_buyers (organisation_id, campaign_id);

-- Every reminder that went into the outbox: one per offset and close (an extension starts anew).
CREATE TABLE campaign_reminders (
  campaign_id     BIGINT NOT NULL REFERENCES campaigns (id),
  offset_seconds  BIGINT NOT NULL,
  closes_at       TEXT NOT NULL,
  queued_at       TEXT NOT NULL,
  recipients      INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, offset_seconds, closes_at)
);

ALTER TABLE intents ADD COLUMN campaign_id BIGINT REFERENCES campaigns (id);
CREATE INDEX intents_campaign ON intents (campaign_id, organisation_id);
ALTER TABLE bundling_runs ADD COLUMN campaign_id BIGINT REFERENCES campaigns (id);

-- The outbox: every message exactly as it is sent, with its state. pending → sending (claimed by
-- a sender until claimed_until) → sent, or back to pending with a later next_attempt_at, or failed
-- when the mail server refused it for good.
CREATE TABLE mail_outbox (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  created_at       TEXT NOT NULL,
  kind             TEXT NOT NULL,
  campaign_id      BIGINT REFERENCES campaigns (id),
  person_id        TEXT REFERENCES people (id),
  organisation_id  TEXT REFERENCES organisations (id),
  recipient_name   TEXT NOT NULL,
  recipient_email  TEXT NOT NULL,
  subject          TEXT NOT NULL,
  body             TEXT NOT NULL,
  message_id       TEXT NOT NULL UNIQUE,
  state            TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  TEXT NOT NULL,
  claimed_until    TEXT,
  last_error       TEXT NOT NULL DEFAULT '',
  sent_at          TEXT
);
CREATE INDEX mail_outbox_due ON mail_outbox (state, next_attempt_at);
CREATE INDEX mail_outbox_campaign ON mail_outbox (campaign_id, id);
