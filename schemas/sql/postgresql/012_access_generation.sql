-- A counter that every change of tokens or people moves on, in the same transaction: each server
-- process reads it a few times a second and keeps the tokens it verified only while it stands
-- (store::database::access_version), so that a revoked token or a deactivated person is refused by
-- every process within a fraction of a second without a look-up per request.
CREATE TABLE access_generation (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  generation BIGINT NOT NULL
);
INSERT INTO access_generation (id, generation) VALUES (1, 0);
CREATE FUNCTION access_generation_move_on() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE access_generation SET generation = generation + 1 WHERE id = 1;
  RETURN NULL;
END;
$$;
CREATE TRIGGER api_tokens_access AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON api_tokens
  FOR EACH STATEMENT EXECUTE FUNCTION access_generation_move_on();
CREATE TRIGGER people_access AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON people
  FOR EACH STATEMENT EXECUTE FUNCTION access_generation_move_on();
