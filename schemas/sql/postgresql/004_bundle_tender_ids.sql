-- The engine's own name of a tender ("<compatibility key>/<award date>"), unique within a run.
ALTER TABLE bundles ADD COLUMN tender TEXT NOT NULL DEFAULT '';
CREATE INDEX flags_intent ON flags (intent_id);
-- What each member's own value requires when it buys alone.
ALTER TABLE bundle_members ADD COLUMN own_procedure TEXT NOT NULL DEFAULT 'free_hand';
