-- Chorus schema version 2: personal access tokens, kept by the SHA-256 hash of their secret.
-- Portable SQL; see V1__init.sql for the conventions.

CREATE TABLE access_tokens (
    id          BIGINT PRIMARY KEY,
    member_id   BIGINT NOT NULL REFERENCES members (id),
    label       TEXT   NOT NULL,
    secret_hash TEXT   NOT NULL UNIQUE,  -- lower-case hex; the secret itself is never stored
    created_at  BIGINT NOT NULL,
    revoked_at  BIGINT
);
CREATE INDEX access_tokens_member ON access_tokens (member_id, id);
INSERT INTO id_sequences (name, last_value) VALUES ('access_tokens', 0);
