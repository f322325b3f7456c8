-- Announce of each article by the publication and (when sections are actors) its section
-- (issue 17, docs/fediverse.md "Publishing"). announcers: the actor_keys ('site',
-- 'section:<id>') that sent an Announce of the article to their followers, space-separated, ''
-- for articles announced before this migration (nothing to undo, nothing in their outboxes).
-- Each Announce's id is '<actor id>#announce-<article_id>-<created_at>', so the Undo sent when the
-- article is unpublished or deleted names it, and the outbox of those actors lists them.
ALTER TABLE fediverse_article ADD COLUMN announcers VARCHAR(200) NOT NULL DEFAULT '';
