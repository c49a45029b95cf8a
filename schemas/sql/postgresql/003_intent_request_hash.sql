-- The hash of the request that created an intent with an Idempotency-Key, so that a key reused
-- for a different request is refused instead of answered with the wrong intent.
ALTER TABLE intents ADD COLUMN request_sha256 TEXT;
