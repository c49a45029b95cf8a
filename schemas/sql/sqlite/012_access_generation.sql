-- A counter that every change of tokens or people moves on, in the same transaction: each server
-- process reads it a few times a second and keeps the tokens it verified only while it stands
-- (store::database::access_version), so that a revoked token or a deactivated person is refused by
-- every process within a fraction of a second without a look-up per request.
CREATE TABLE access_generation (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  generation INTEGER NOT NULL
);
INSERT INTO access_generation (id, generation) VALUES (1, 0);
CREATE TRIGGER api_tokens_inserted AFTER INSERT ON api_tokens
BEGIN UPDATE access_generation SET generation = generation + 1 WHERE id = 1; END;
CREATE TRIGGER api_tokens_updated AFTER UPDATE ON api_tokens
BEGIN UPDATE access_generation SET generation = generation + 1 WHERE id = 1; END;
CREATE TRIGGER api_tokens_deleted AFTER DELETE ON api_tokens
BEGIN UPDATE access_generation SET generation = generation + 1 WHERE id = 1; END;
CREATE TRIGGER people_inserted AFTER INSERT ON people
BEGIN UPDATE access_generation SET generation = generation + 1 WHERE id = 1; END;
CREATE TRIGGER people_updated AFTER UPDATE ON people
BEGIN UPDATE access_generation SET generation = generation + 1 WHERE id = 1; END;
CREATE TRIGGER people_deleted AFTER DELETE ON people
BEGIN UPDATE access_generation SET generation = generation + 1 WHERE id = 1; END;
