-- Newsletters (newsletter module): subscribers, their lists and consent, and sends through SMTP
-- from a durable queue. Instants are UTC epoch milliseconds.
--
-- A list is named by its key: 'site' (everything published), 'section:<id>' or 'author:<id>'
-- (what that section or author publishes). A subscriber is 'pending' until they follow the
-- confirmation link (double opt-in), then 'active'; 'paused' (by themselves, or after
-- repeated hard bounces: paused_reason) receives nothing until resumed; 'unsubscribed' keeps
-- the row and its consent record. email_key is the address as compared (trimmed, the domain
-- lower-cased): one subscriber per mailbox. link_secret (base64url, 32 random bytes) signs the
-- subscriber's links (confirm, preferences, one-click unsubscribe); replacing it revokes them.
CREATE TABLE subscriber (
    id ${id},
    email VARCHAR(254) NOT NULL,
    email_key VARCHAR(254) NOT NULL,
    name VARCHAR(200),
    status VARCHAR(12) NOT NULL,
    paused_reason VARCHAR(200),
    hard_bounces INT NOT NULL DEFAULT 0,
    link_secret VARCHAR(64) NOT NULL,
    created_at BIGINT NOT NULL,
    confirmed_at BIGINT,
    updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX subscriber_email_key ON subscriber (email_key);
CREATE INDEX subscriber_status ON subscriber (status, id);

-- The lists a subscriber receives.
CREATE TABLE subscription (
    subscriber_id BIGINT NOT NULL REFERENCES subscriber (id) ON DELETE CASCADE,
    list_key VARCHAR(40) NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (subscriber_id, list_key)
);
-- A list's subscribers, in id order (recipients of a send, counts per list).
CREATE INDEX subscription_list ON subscription (list_key, subscriber_id);

-- The consent record: every sign-up, confirmation, import and change of lists, with where it
-- came from (the form's page address, 'import:<file name>', 'newsroom', 'one-click') and the
-- wording the subscriber was shown. Never updated; deleted only with the subscriber.
CREATE TABLE subscriber_consent (
    id ${id},
    subscriber_id BIGINT NOT NULL REFERENCES subscriber (id) ON DELETE CASCADE,
    at BIGINT NOT NULL,
    action VARCHAR(20) NOT NULL,
    source VARCHAR(500) NOT NULL,
    wording VARCHAR(2000) NOT NULL,
    list_keys VARCHAR(2000) NOT NULL,
    client_address VARCHAR(64)
);
CREATE INDEX subscriber_consent_subscriber ON subscriber_consent (subscriber_id, id);

-- One send: an article to its lists (kind 'article': at most one per article, so publishing
-- again sends nothing twice), a digest of a list's new articles ('digest', period_key names
-- list and the day or week: at most one per list and period), or a test to the editor's own address
-- ('test', not counted). Status: 'queued' → 'sending' → 'finished' (or 'cancelled').
CREATE TABLE newsletter_send (
    id ${id},
    kind VARCHAR(10) NOT NULL,
    article_id BIGINT REFERENCES article (id) ON DELETE SET NULL,
    list_keys VARCHAR(2000) NOT NULL,
    period_key VARCHAR(60),
    subject VARCHAR(500) NOT NULL,
    status VARCHAR(12) NOT NULL,
    requested_by BIGINT,
    created_at BIGINT NOT NULL,
    started_at BIGINT,
    finished_at BIGINT
);
CREATE UNIQUE INDEX newsletter_send_article ON newsletter_send (article_id) WHERE kind = 'article';
CREATE UNIQUE INDEX newsletter_send_period ON newsletter_send (period_key) WHERE kind = 'digest';
CREATE INDEX newsletter_send_recent ON newsletter_send (created_at, id);

-- One row per recipient of a send, written when the send is queued. A node claims a batch of
-- 'queued' rows ('claimed', claimed_by and claimed_until; a claim whose node died expires and
-- the rows are claimed again). A row becomes 'sent' in the database before the SMTP
-- transaction's final dot, so a message whose row says 'sent' is never sent again, and one
-- whose transaction was cut before the mark is discarded by the server (RFC 5321 §4.1.1.4)
-- and sent again: at most once. 'failed' records a permanent refusal (error holds the SMTP
-- reply); 'skipped' a subscriber who left before their turn.
CREATE TABLE newsletter_delivery (
    send_id BIGINT NOT NULL REFERENCES newsletter_send (id) ON DELETE CASCADE,
    subscriber_id BIGINT NOT NULL REFERENCES subscriber (id) ON DELETE CASCADE,
    status VARCHAR(10) NOT NULL,
    claimed_by VARCHAR(64),
    claimed_until BIGINT,
    attempts INT NOT NULL DEFAULT 0,
    sent_at BIGINT,
    error VARCHAR(500),
    PRIMARY KEY (send_id, subscriber_id)
);
-- Work still to do, without reading the log of past deliveries.
CREATE INDEX newsletter_delivery_due ON newsletter_delivery (send_id, status, subscriber_id)
    WHERE status IN ('queued', 'claimed');
