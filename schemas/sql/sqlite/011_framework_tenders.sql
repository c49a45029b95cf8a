-- Framework tenders (DOMAIN.md §4.8, from opportunity to agreement): a tender of its own whose
-- members are a horizon's purchases, each called off in its own window; once awarded, the
-- agreement names the tender it came from (one agreement per tender).
ALTER TABLE bundles ADD COLUMN kind TEXT NOT NULL DEFAULT 'joint' CHECK (kind IN ('joint', 'framework'));
ALTER TABLE framework_agreements ADD COLUMN tender_id BIGINT REFERENCES bundles (id);
CREATE UNIQUE INDEX framework_agreements_tender ON framework_agreements (tender_id);
