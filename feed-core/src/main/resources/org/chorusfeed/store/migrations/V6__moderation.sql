-- Chorus schema version 6: moderation. The audit log of admin acts, admins' hidings of posts and members'
-- reports of posts. Portable SQL; see V1__init.sql for the conventions.

-- append-only: no code updates or deletes a row. actor_id has no foreign key, so an entry outlives its actor.
CREATE TABLE audit_log (
    id       BIGINT PRIMARY KEY,  -- rising with time: keyset pages read it newest first
    at       BIGINT NOT NULL,
    actor_id BIGINT,              -- the admin who acted; NULL for the system
    action   TEXT   NOT NULL,     -- e.g. post.hidden
    target   TEXT   NOT NULL,     -- e.g. post:123 or @handle
    reason   TEXT
);
INSERT INTO id_sequences (name, last_value) VALUES ('audit_log', 0);

-- a row while a post is hidden from every public read; unhiding deletes it (the audit log keeps the story)
CREATE TABLE post_hidings (
    post_id   BIGINT PRIMARY KEY REFERENCES posts (id),
    reason    TEXT   NOT NULL,
    hidden_at BIGINT NOT NULL,
    hidden_by BIGINT NOT NULL
);

CREATE TABLE reports (
    id          BIGINT PRIMARY KEY,
    post_id     BIGINT NOT NULL REFERENCES posts (id),
    reporter_id BIGINT NOT NULL REFERENCES members (id),
    reason      TEXT   NOT NULL,
    status      TEXT   NOT NULL,  -- OPEN, DISMISSED or RESOLVED
    created_at  BIGINT NOT NULL,
    decided_at  BIGINT,
    decided_by  BIGINT,
    decision    TEXT
);
-- the open reports of a post (resolving them, refusing a second one), the admin list, a member's own
CREATE INDEX reports_post ON reports (post_id, status);
CREATE INDEX reports_status ON reports (status, id);
CREATE INDEX reports_reporter ON reports (reporter_id, id);
INSERT INTO id_sequences (name, last_value) VALUES ('reports', 0);
