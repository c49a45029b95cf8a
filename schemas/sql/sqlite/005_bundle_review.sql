-- The review of a tender: the intent version each member was bundled with (a later change puts an
-- approved tender under review), the reason of a review, what each decision changed, and the feed
-- of events each organisation polls.
ALTER TABLE bundle_members ADD COLUMN intent_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE bundles ADD COLUMN review_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE decisions ADD COLUMN details TEXT NOT NULL DEFAULT '{}';
CREATE INDEX bundles_status ON bundles (status, id);

CREATE TABLE events (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  occurred_at      TEXT NOT NULL,
  -- The organisation the event is for; NULL: for coordinators and auditors.
  organisation_id  TEXT REFERENCES organisations (id),
  kind             TEXT NOT NULL,
  bundle_id        INTEGER REFERENCES bundles (id),
  details          TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX events_organisation ON events (organisation_id, id);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN
  SELECT RAISE(ABORT, 'events are append-only');
END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN
  SELECT RAISE(ABORT, 'events are append-only');
END;
