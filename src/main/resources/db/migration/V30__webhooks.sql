-- Webhooks (webhook.Webhooks, Standard Webhooks): subscriptions, and the durable queue of their
-- deliveries. Instants are UTC epoch milliseconds.
--
-- A subscription's secret ('whsec_' + base64 of 32 random bytes) signs every delivery; after a
-- rotation the previous secret signs too until previous_secret_until. A subscription whose
-- delivery failed for 24 hours is disabled: active false, disabled_reason and disabled_at say
-- why and when. A deleted subscription keeps its row (deleted_at set, secrets cleared) so that
-- its id, which the newsroom audit names, is never given to another one (SQLite reuses the
-- highest id of a deleted row).
CREATE TABLE webhook_subscription (
    id ${id},
    url VARCHAR(2000) NOT NULL,
    events VARCHAR(1000) NOT NULL,
    description VARCHAR(500) NOT NULL,
    secret VARCHAR(100) NOT NULL,
    previous_secret VARCHAR(100),
    previous_secret_until BIGINT,
    active BOOLEAN NOT NULL,
    disabled_reason VARCHAR(500),
    disabled_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    deleted_at BIGINT
);

-- One row per message and subscription, written in the transaction of the change it reports.
-- message_id is the webhook-id header, the same on every attempt and on "send again"; payload
-- holds the bytes every attempt sends (UTF-8 JSON). While pending, next_attempt_at is when the
-- next attempt is due; a node claims due rows by moving it a claim's length ahead with one
-- conditional UPDATE (as purge_log is claimed), so each attempt is made by one node, and a
-- claim whose node died expires. The partial index holds only pending rows: finding due work
-- never reads the log of past deliveries.
CREATE TABLE webhook_delivery (
    id ${id},
    subscription_id BIGINT NOT NULL REFERENCES webhook_subscription (id),
    message_id VARCHAR(40) NOT NULL,
    event_type VARCHAR(40) NOT NULL,
    payload TEXT NOT NULL,
    status VARCHAR(10) NOT NULL,
    attempts INT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    last_attempt_at BIGINT,
    response_code INT,
    duration_ms INT,
    last_error VARCHAR(500),
    finished_at BIGINT
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_delivery_subscription ON webhook_delivery (subscription_id, id);
