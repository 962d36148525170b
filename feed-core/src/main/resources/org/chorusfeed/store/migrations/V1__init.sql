-- Chorus schema version 1: organisations, members, posts with their tags, earlier versions and
-- appreciations, and the change log.
--
-- Portable SQL, shared by the SQLite and PostgreSQL stores:
--   * times are BIGINT nanoseconds since 1970-01-01T00:00:00Z, so an Instant reads back exactly;
--   * enums are stored by name as TEXT;
--   * a column declared "BIGINT PRIMARY KEY" is read by the SQLite store as "INTEGER PRIMARY KEY", so the
--     table is keyed by its 64-bit rowid (one B-tree instead of a table plus an index).
-- Statements end with a semicolon at the end of a line; comments never contain one.

CREATE TABLE organisations (
    slug    TEXT PRIMARY KEY,
    name    TEXT NOT NULL,
    website TEXT
);

CREATE TABLE members (
    id            BIGINT PRIMARY KEY,
    handle        TEXT   NOT NULL UNIQUE,
    name          TEXT   NOT NULL,
    organisation  TEXT   REFERENCES organisations (slug),
    bio           TEXT   NOT NULL,
    links         TEXT   NOT NULL,  -- newline-separated URLs, empty for none
    blog_feed_url TEXT,
    role          TEXT   NOT NULL,  -- MEMBER or ADMIN
    status        TEXT   NOT NULL,  -- INVITED, ACTIVE or SUSPENDED
    joined_at     BIGINT NOT NULL
);
-- the organisation filter of the timeline
CREATE INDEX members_organisation ON members (organisation, id);

CREATE TABLE posts (
    id            BIGINT  PRIMARY KEY,  -- the PostId: millisecond << 20 | counter, so id order is time order
    author_id     BIGINT  NOT NULL REFERENCES members (id),
    text          TEXT    NOT NULL,
    spans         TEXT    NOT NULL,     -- the segments over text, in SegmentSpans form
    in_reply_to   BIGINT,               -- no foreign key: a reply outlives a deleted parent
    source_kind   TEXT    NOT NULL,     -- NATIVE or BLOG
    source_url    TEXT,
    source_title  TEXT,
    edited_at     BIGINT,
    appreciations INTEGER NOT NULL DEFAULT 0
);
-- keyset pages of one member, and of one source kind
CREATE INDEX posts_author ON posts (author_id, id);
CREATE INDEX posts_source ON posts (source_kind, id);

-- one row per distinct lower-cased tag of a post: keyset pages of one tag read this key in order
CREATE TABLE post_tags (
    tag     TEXT   NOT NULL,
    post_id BIGINT NOT NULL REFERENCES posts (id),
    PRIMARY KEY (tag, post_id)
);
CREATE INDEX post_tags_post ON post_tags (post_id);

-- the earlier versions of edited posts, oldest first; the current version is the posts row itself
CREATE TABLE post_versions (
    post_id BIGINT  NOT NULL REFERENCES posts (id),
    version INTEGER NOT NULL,
    text    TEXT    NOT NULL,
    spans   TEXT    NOT NULL,
    since   BIGINT  NOT NULL,
    PRIMARY KEY (post_id, version)
);

CREATE TABLE appreciations (
    post_id        BIGINT NOT NULL REFERENCES posts (id),
    member_id      BIGINT NOT NULL REFERENCES members (id),
    appreciated_at BIGINT NOT NULL,
    PRIMARY KEY (post_id, member_id)
);
CREATE INDEX appreciations_member ON appreciations (member_id, post_id);

-- the last id handed out per kind of row, so an id is never handed out twice, even after its row is deleted
CREATE TABLE id_sequences (
    name       TEXT   PRIMARY KEY,
    last_value BIGINT NOT NULL
);
INSERT INTO id_sequences (name, last_value) VALUES ('members', 0);

-- the change log: seq is gap-free from 1, assigned by the one writer inside its transaction
CREATE TABLE changes (
    seq          BIGINT PRIMARY KEY,
    changed_at   BIGINT NOT NULL,
    kind         TEXT   NOT NULL,
    post_id      BIGINT,
    member_id    BIGINT,
    organisation TEXT
);
