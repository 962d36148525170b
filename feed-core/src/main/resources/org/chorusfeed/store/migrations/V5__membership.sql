-- Chorus schema version 5: joining the network. Members gain the host's account id (unique: one member per
-- signed-in person) and a language; organisations gain a description; invitations and join requests.
-- Portable SQL; see V1__init.sql for the conventions.

ALTER TABLE members ADD COLUMN account TEXT;
ALTER TABLE members ADD COLUMN language TEXT;
-- several members may have no account (admitted before accounts, or by an admin): NULLs never collide
CREATE UNIQUE INDEX members_account ON members (account);

ALTER TABLE organisations ADD COLUMN description TEXT NOT NULL DEFAULT '';

CREATE TABLE invitations (
    id           BIGINT  PRIMARY KEY,
    code         TEXT    NOT NULL UNIQUE,  -- 128 random bits, URL-safe base64
    organisation TEXT    REFERENCES organisations (slug),
    uses         INTEGER NOT NULL,
    used         INTEGER NOT NULL,
    expires_at   BIGINT  NOT NULL,
    created_at   BIGINT  NOT NULL,
    created_by   BIGINT  NOT NULL,         -- the admin's member id, without a foreign key: an invitation outlives erasure
    note         TEXT    NOT NULL,
    revoked_at   BIGINT
);
INSERT INTO id_sequences (name, last_value) VALUES ('invitations', 0);

CREATE TABLE join_requests (
    id           BIGINT PRIMARY KEY,
    account      TEXT   NOT NULL,
    handle       TEXT   NOT NULL,
    name         TEXT   NOT NULL,
    organisation TEXT   REFERENCES organisations (slug),
    message      TEXT   NOT NULL,
    status       TEXT   NOT NULL,  -- PENDING, APPROVED or DECLINED
    created_at   BIGINT NOT NULL,
    decided_at   BIGINT,
    decided_by   BIGINT,           -- the admin's member id
    reason       TEXT
);
-- the admin's list by status, and an account's newest request
CREATE INDEX join_requests_status ON join_requests (status, id);
CREATE INDEX join_requests_account ON join_requests (account, id);
INSERT INTO id_sequences (name, last_value) VALUES ('join_requests', 0);
