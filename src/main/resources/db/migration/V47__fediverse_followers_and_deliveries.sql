-- Fediverse following and delivery (issue 17, docs/fediverse.md).
-- fediverse_follower: who follows which local actor. actor_key: 'site', 'author:<id>' or
-- 'section:<id>' (as fediverse_actor_key); follower: the remote actor's id (a URL); inbox and
-- shared_inbox: where activities to it go (shared_inbox NULL when it has none); state 'accepted' or
-- 'pending' (waits for approval); follow_id: the Follow activity's id (Undo names it);
-- created_at: UTC epoch milliseconds.
CREATE TABLE fediverse_follower (
    id ${id},
    actor_key VARCHAR(64) NOT NULL,
    follower VARCHAR(2048) NOT NULL,
    inbox VARCHAR(2048) NOT NULL,
    shared_inbox VARCHAR(2048),
    state VARCHAR(16) NOT NULL,
    follow_id VARCHAR(2048),
    created_at BIGINT NOT NULL,
    UNIQUE (actor_key, follower)
);

-- The durable queue of activities to POST to remote inboxes. status: queued, claimed, sent, failed
-- (the peer refused: 4xx), dead (retries exhausted or its instance dead). sender: the actor_key
-- whose key signs; target: the inbox URL; next_attempt_at, claimed_until: UTC epoch ms.
CREATE TABLE fediverse_delivery (
    id ${id},
    activity TEXT NOT NULL,
    sender VARCHAR(64) NOT NULL,
    target VARCHAR(2048) NOT NULL,
    status VARCHAR(16) NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    claimed_by VARCHAR(128),
    claimed_until BIGINT,
    last_error VARCHAR(1000),
    created_at BIGINT NOT NULL
);
CREATE INDEX fediverse_delivery_due ON fediverse_delivery (status, next_attempt_at);

-- Remote instances (by host) that fail: failures counts consecutive failed attempts since
-- failing_since (UTC epoch ms); dead_at is set when an instance failed N times over more than a
-- day, and its deliveries are then skipped. A 2xx from it resets the row.
CREATE TABLE fediverse_instance (
    host VARCHAR(255) PRIMARY KEY,
    failures INTEGER NOT NULL,
    failing_since BIGINT NOT NULL,
    dead_at BIGINT
);

-- Articles announced to the fediverse with a Create and not deleted since: the outbox lists them
-- (newest first, keyset pages on created_at, article_id) and an unpublication sends a Delete to
-- the followers of the same actors. object_id: the Article's id (its page URL when announced);
-- sender: the actor_key that signed the Create; actor_keys: every actor whose followers got it,
-- space-separated; created_at: when announced, UTC epoch ms.
CREATE TABLE fediverse_article (
    article_id BIGINT PRIMARY KEY,
    object_id VARCHAR(2048) NOT NULL,
    create_id VARCHAR(2100) NOT NULL,
    sender VARCHAR(64) NOT NULL,
    actor_keys VARCHAR(2000) NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX fediverse_article_outbox ON fediverse_article (created_at, article_id);
