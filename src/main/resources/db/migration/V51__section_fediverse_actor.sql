-- Issue 17: each section that wants one is a fediverse actor (a Group called by its slug);
-- editors switch it on per section in the newsroom.
ALTER TABLE section ADD COLUMN fediverse BOOLEAN NOT NULL DEFAULT FALSE;
