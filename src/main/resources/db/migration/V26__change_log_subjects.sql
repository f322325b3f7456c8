-- The change log records every subject's changes, not only articles' (issue 13): comments,
-- sections, tags, authors and accounts too. Rows written before are article changes.
-- RENAME COLUMN: PostgreSQL, and SQLite since 3.25 (sqlite-jdbc bundles 3.54). The column's
-- default stays on both (SQLite cannot drop one); ChangeLog always writes the subject.
ALTER TABLE change_log RENAME COLUMN article_id TO subject_id;
ALTER TABLE change_log ADD COLUMN subject VARCHAR(10) NOT NULL DEFAULT 'article';
-- Followers read one subject after a sequence number (the search index: articles), and the
-- newest sequence number of a subject (its lag).
CREATE INDEX change_log_subject ON change_log (subject, id);
