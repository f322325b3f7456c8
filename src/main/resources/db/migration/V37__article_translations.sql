-- Translations (article.ArticleTranslations): articles in one group are translations of each
-- other, so linking A with B and B with C links all three. A group is a row of its own so that
-- two editors linking different pairs at once never pick the same group id; a group left with
-- fewer than two articles is deleted. Deleting an article removes it from its group.
CREATE TABLE translation_group (
    id ${id}
);

CREATE TABLE article_translation (
    article_id BIGINT NOT NULL PRIMARY KEY REFERENCES article (id) ON DELETE CASCADE,
    group_id BIGINT NOT NULL REFERENCES translation_group (id) ON DELETE CASCADE
);
CREATE INDEX article_translation_group ON article_translation (group_id);
