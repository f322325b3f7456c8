-- The editorial workflow (Wagtail's model): every save is a revision, a full snapshot of the
-- article as written (JSON of ArticleDraft). The article row holds what readers see; for a
-- published article a newer revision waits until "Publish changes".
ALTER TABLE article ADD COLUMN created_by BIGINT REFERENCES account (id);
ALTER TABLE article ADD COLUMN go_live_at BIGINT;
ALTER TABLE article ADD COLUMN live_revision_id BIGINT;
ALTER TABLE article ADD COLUMN latest_revision_id BIGINT;

CREATE TABLE article_revision (
    id ${id},
    article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    account_id BIGINT REFERENCES account (id),
    created_at BIGINT NOT NULL,
    snapshot TEXT NOT NULL
);
CREATE INDEX article_revision_article ON article_revision (article_id, id);

-- Who did what to which article, when. Kept when the article is deleted.
CREATE TABLE audit_log (
    id ${id},
    article_id BIGINT NOT NULL,
    account_id BIGINT REFERENCES account (id),
    action VARCHAR(30) NOT NULL,
    at BIGINT NOT NULL,
    detail TEXT
);
CREATE INDEX audit_log_article ON audit_log (article_id, at);
