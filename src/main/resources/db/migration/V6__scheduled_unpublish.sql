-- When a published article is to leave the site by itself (UTC epoch milliseconds), or NULL.
ALTER TABLE article ADD COLUMN unpublish_at BIGINT;
CREATE INDEX article_go_live ON article (status, go_live_at);
CREATE INDEX article_unpublish ON article (status, unpublish_at);
