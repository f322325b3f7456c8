-- WordPress import and export (WXR). Portable SQL for SQLite and PostgreSQL.

-- Where an imported article came from (e.g. "wxr:https://blog.example#123", the export's post id),
-- so that importing the same export again updates it instead of adding a copy.
ALTER TABLE article ADD COLUMN import_key VARCHAR(300);
CREATE UNIQUE INDEX article_import_key ON article (import_key);
-- Pinned to the top of the front page (WordPress "sticky" posts).
ALTER TABLE article ADD COLUMN sticky BOOLEAN NOT NULL DEFAULT FALSE;

-- A WordPress author's login (unique, the export's dc:creator) and email (never shown to readers).
ALTER TABLE author ADD COLUMN login VARCHAR(200);
CREATE UNIQUE INDEX author_login ON author (login);
ALTER TABLE author ADD COLUMN email VARCHAR(254);

-- WordPress attachments as the export described them, whether or not their file was found: the
-- image in the media library when it was, and the article it belonged to. Exported again as is.
CREATE TABLE wordpress_attachment (
    id ${id},
    import_key VARCHAR(300) NOT NULL UNIQUE,
    article_id BIGINT REFERENCES article (id) ON DELETE SET NULL,
    image_id BIGINT REFERENCES image (id),
    title TEXT,
    url VARCHAR(2000),
    file_path VARCHAR(1000),
    mime_type VARCHAR(100),
    alt TEXT,
    caption TEXT,
    description TEXT,
    uploaded_at BIGINT
);
