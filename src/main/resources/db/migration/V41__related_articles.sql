-- Related articles (search.RelatedLists), computed by the search index follower when an article
-- or one of its neighbours changes, and read by the article page with one indexed query.
-- related_list marks an article whose list was computed (possibly empty: nothing passed the
-- relevance bar), so that lists never computed are found and filled in.
CREATE TABLE related_list (
    article_id BIGINT NOT NULL PRIMARY KEY REFERENCES article (id) ON DELETE CASCADE
);

CREATE TABLE related_article (
    article_id BIGINT NOT NULL REFERENCES related_list (article_id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    related_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, position)
);
-- Whose lists name an article: recomputed when it is unpublished.
CREATE INDEX related_article_related ON related_article (related_id);
