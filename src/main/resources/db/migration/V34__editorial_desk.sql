-- The editorial desk (article.ArticleDesk).
--
-- Breaking news: an editor flags an article; while flagged and public, the front page shows a
-- banner naming it and a label on its teaser. (Pinned to the front page is article.sticky, V9.)
ALTER TABLE article ADD COLUMN breaking BOOLEAN NOT NULL DEFAULT FALSE;

-- Staff-only notes on an article, never shown to readers or exported: a note, or the note with
-- which an editor sent the article back to its writer (kind 'sent-back'). Exactly one of
-- account_id and actor (a system actor's name) names who wrote it; at is UTC epoch milliseconds.
CREATE TABLE article_note (
    id ${id},
    article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    account_id BIGINT REFERENCES account (id),
    actor VARCHAR(40),
    kind VARCHAR(10) NOT NULL,
    body TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX article_note_article ON article_note (article_id, at);

-- The note with which the article was last sent back to its writer, shown on the draft and in
-- the article list until the writer submits it again; null otherwise.
ALTER TABLE article ADD COLUMN sent_back_note_id BIGINT;
