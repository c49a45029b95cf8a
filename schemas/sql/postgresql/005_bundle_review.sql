-- The review of a tender: the intent version each member was bundled with (a later change puts an
-- approved tender under review), the reason of a review, what each decision changed, and the feed
-- of events each organisation polls.
ALTER TABLE bundle_members ADD COLUMN intent_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE bundles ADD COLUMN review_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE decisions ADD COLUMN details TEXT NOT NULL DEFAULT '{}';
CREATE INDEX bundles_status ON bundles (status, id);

CREATE TABLE events (
  id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  occurred_at      TEXT NOT NULL,
  -- The organisation the event is for; NULL: for coordinators and auditors.
  organisation_id  TEXT REFERENCES organisations (id),
  kind             TEXT NOT NULL,
  bundle_id        BIGINT REFERENCES bundles (id),
  details          TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX events_organisation ON events (organisation_id, id);
CREATE FUNCTION events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'events are append-only';
END;
$$;
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION events_refuse_change();
