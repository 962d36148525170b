-- Chorus schema version 7: data rights. The handles of erased members and when they were erased, so a handle is
-- refused to new members for a while after its member was erased. Nothing else of an erased member is kept.
-- Portable SQL; see V1__init.sql for the conventions.

CREATE TABLE erased_handles (
    handle    TEXT   PRIMARY KEY,
    erased_at BIGINT NOT NULL  -- the latest erasure of a member with this handle
);
