-- Chorus schema version 3: members' blogs. One feed per member with its polling state, and what recognises
-- each entry already seen, so that no entry is imported twice.
-- Portable SQL; see V1__init.sql for the conventions. Rows go with their member (ON DELETE CASCADE).

CREATE TABLE blog_feeds (
    member_id       BIGINT  PRIMARY KEY REFERENCES members (id) ON DELETE CASCADE,
    url             TEXT    NOT NULL,  -- the blog's feed or page, as the member set it
    feed_url        TEXT,              -- the feed read: the url itself, or the feed its page names
    etag            TEXT,              -- validators for the next conditional GET
    last_modified   TEXT,
    last_success_at BIGINT,
    last_error      TEXT,
    last_error_at   BIGINT,
    failures        INTEGER NOT NULL,  -- failed polls in a row, for the backoff
    next_poll_at    BIGINT  NOT NULL
);
-- the poller's question: which feeds are due
CREATE INDEX blog_feeds_due ON blog_feeds (next_poll_at);

CREATE TABLE blog_entries (
    id             BIGINT PRIMARY KEY,
    member_id      BIGINT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    post_id        BIGINT,            -- the post it became; NULL when a first import passed it over
    entry_id       TEXT,              -- the keys of EntryKeys: id, normalised link, title with date
    entry_link     TEXT,
    title_and_date TEXT,
    fingerprint    TEXT   NOT NULL    -- changes when the entry is edited
);
CREATE INDEX blog_entries_member ON blog_entries (member_id, id);
INSERT INTO id_sequences (name, last_value) VALUES ('blog_entries', 0);
