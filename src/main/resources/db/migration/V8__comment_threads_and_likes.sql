-- Threads, moderation and the commenter's contact details (the email is never shown to readers).
ALTER TABLE comment ADD COLUMN parent_id BIGINT REFERENCES comment (id) ON DELETE CASCADE;
ALTER TABLE comment ADD COLUMN author_email VARCHAR(254);
ALTER TABLE comment ADD COLUMN author_url VARCHAR(500);
-- SHA-256 of the commenter's reader cookie: they, and nobody else, see their own held comments.
ALTER TABLE comment ADD COLUMN commenter VARCHAR(64);
-- Where an imported comment came from (e.g. a WordPress export's comment id), so that importing
-- the same export again updates it instead of adding a copy.
ALTER TABLE comment ADD COLUMN import_key VARCHAR(300);
CREATE UNIQUE INDEX comment_import_key ON comment (import_key);
CREATE INDEX comment_parent ON comment (parent_id);
-- The moderation queue (by status, newest first) and "has this email had a comment approved?".
CREATE INDEX comment_status_created ON comment (status, created_at);
CREATE INDEX comment_email_status ON comment (author_email, status);

-- Articles whose comments an editor closed (they also close a number of days after publication).
CREATE TABLE comments_closed (
    article_id BIGINT PRIMARY KEY REFERENCES article (id) ON DELETE CASCADE,
    closed_at BIGINT NOT NULL
);

-- One like per reader and article. reader: SHA-256 of the reader cookie; address: HMAC-SHA-256 of
-- the client address under the day's salt (salts are deleted after two days, so the hashes can no
-- longer be linked to an address). Neither is personal data in clear.
CREATE TABLE article_like (
    article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    reader VARCHAR(64) NOT NULL,
    address VARCHAR(64) NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (article_id, reader)
);
CREATE INDEX article_like_address ON article_like (article_id, address);

-- Random secrets shared by every node: salts by UTC day, and the key that signs comment forms.
CREATE TABLE site_secret (
    name VARCHAR(50) PRIMARY KEY,
    secret VARCHAR(100) NOT NULL,
    created_at BIGINT NOT NULL
);
