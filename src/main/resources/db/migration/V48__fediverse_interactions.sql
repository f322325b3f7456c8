-- Replies, likes, boosts and blocks from the fediverse (issue 17).
-- A comment that came from the fediverse as a Note: its author (actor_id, the actor document's
-- id), the Note's id (object_id: the same Note delivered twice is one comment), the author's
-- profile page (their document's url, else its id) and avatar (icon.url, https only, or null).
CREATE TABLE comment_remote (
    comment_id BIGINT PRIMARY KEY REFERENCES comment (id) ON DELETE CASCADE,
    actor_id VARCHAR(1000) NOT NULL,
    object_id VARCHAR(1000) NOT NULL UNIQUE,
    profile_url VARCHAR(1000) NOT NULL,
    avatar_url VARCHAR(1000)
);
CREATE INDEX comment_remote_actor ON comment_remote (actor_id);

-- A Like or an Announce (boost) of an article; activity_id makes a delivery idempotent and lets
-- an Undo name it. kind: 'like' or 'announce'. created_at: UTC epoch milliseconds.
CREATE TABLE fediverse_reaction (
    id ${id},
    article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    actor_id VARCHAR(1000) NOT NULL,
    kind VARCHAR(10) NOT NULL,
    activity_id VARCHAR(1000) NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);
CREATE INDEX fediverse_reaction_article ON fediverse_reaction (article_id, kind);

-- An account (kind 'account', value its actor id) or a whole domain (kind 'domain', value the
-- host, lower case) whose activities are ignored. created_by: the editor's account id, or null.
CREATE TABLE fediverse_block (
    id ${id},
    kind VARCHAR(10) NOT NULL,
    value VARCHAR(1000) NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    created_by BIGINT
);
