-- Corrections and editor's notes on published articles: dated (UTC epoch milliseconds), never
-- silently edited (an edit keeps published_at and sets edited_at; the audit log says who and what).
CREATE TABLE article_correction (
    id ${id},
    article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    kind VARCHAR(20) NOT NULL,
    placement VARCHAR(10) NOT NULL,
    body TEXT NOT NULL,
    published_at BIGINT NOT NULL,
    edited_at BIGINT
);
CREATE INDEX article_correction_article ON article_correction (article_id, published_at);

-- The trash: a deleted article keeps its row until it is purged (trashed_at + retention).
ALTER TABLE article ADD COLUMN trashed_at BIGINT;
CREATE INDEX article_trashed ON article (trashed_at);

-- When an article last stopped being public (unpublished or deleted): a feed's Last-Modified
-- moves forward when an article leaves it. MAX() is one index seek.
ALTER TABLE article ADD COLUMN left_at BIGINT;
CREATE INDEX article_left ON article (left_at);

-- Addresses of purged articles that were public: they answer 410 Gone, not 404.
CREATE TABLE article_gone (
    section_slug VARCHAR(200) NOT NULL,
    slug VARCHAR(300) NOT NULL,
    gone_at BIGINT NOT NULL,
    PRIMARY KEY (section_slug, slug)
);
