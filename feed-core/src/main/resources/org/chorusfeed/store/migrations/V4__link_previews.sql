-- Chorus schema version 4: link previews. For each post, the preview of its first link (or the mark that its
-- author removed it), and the hub's own copies of preview images, kept by the hash of their bytes.
-- Portable SQL; see V1__init.sql for the conventions. BYTEA is PostgreSQL's byte string; SQLite keeps the
-- bytes bound to it as they are.

CREATE TABLE preview_images (
    image_key    TEXT   PRIMARY KEY,  -- lower-case hex SHA-256 of the bytes
    content_type TEXT   NOT NULL,     -- image/png, image/jpeg, image/gif or image/webp, as the bytes show
    bytes        BYTEA  NOT NULL,
    stored_at    BIGINT NOT NULL
);

-- one row per post whose first link was previewed; url is NULL when the author removed the preview
CREATE TABLE post_previews (
    post_id     BIGINT PRIMARY KEY REFERENCES posts (id) ON DELETE CASCADE,
    link        TEXT   NOT NULL,  -- the post's first link the row was made for
    url         TEXT,             -- the page described, after redirects
    title       TEXT,
    description TEXT,
    site_name   TEXT,
    image_key   TEXT   REFERENCES preview_images (image_key),
    changed_at  BIGINT NOT NULL
);
CREATE INDEX post_previews_image ON post_previews (image_key);
