-- Admin API keys (account.ApiKeys): an administrator issues one for an account and a role (the
-- key acts for that account with the lower of the two roles); only the SHA-256 of the secret is
-- kept, looked up by its unique index. Instants are UTC epoch milliseconds.
CREATE TABLE api_key (
    id ${id},
    name VARCHAR(100) NOT NULL,
    account_id BIGINT NOT NULL REFERENCES account (id),
    role VARCHAR(20) NOT NULL,
    secret_hash VARCHAR(64) NOT NULL,
    hint VARCHAR(12) NOT NULL,
    created_at BIGINT NOT NULL,
    created_by BIGINT REFERENCES account (id),
    last_used_at BIGINT,
    revoked_at BIGINT
);
CREATE UNIQUE INDEX api_key_secret ON api_key (secret_hash);
CREATE INDEX api_key_account ON api_key (account_id);

-- Audit entries name the key a change came through, beside the account it acts for.
ALTER TABLE audit_log ADD COLUMN api_key_id BIGINT REFERENCES api_key (id);
ALTER TABLE newsroom_audit ADD COLUMN api_key_id BIGINT REFERENCES api_key (id);

-- Admin API idempotency keys (adminapi.IdempotentResponses): a POST's response kept for 24 hours under the key's id
-- and the client's Idempotency-Key, so a retried request returns it instead of acting twice.
CREATE TABLE idempotent_response (
    api_key_id BIGINT NOT NULL REFERENCES api_key (id),
    idempotency_key VARCHAR(255) NOT NULL,
    request_hash VARCHAR(64) NOT NULL,
    status INT NOT NULL,
    content_type VARCHAR(100),
    location VARCHAR(2000),
    body TEXT,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (api_key_id, idempotency_key)
);
CREATE INDEX idempotent_response_created ON idempotent_response (created_at);

-- Content API keys (api.ContentKeys): one per integration, optional unless
-- broadsheet.api.content.keys-required; only the secret's SHA-256 is kept.
CREATE TABLE content_key (
    id ${id},
    name VARCHAR(100) NOT NULL,
    secret_hash VARCHAR(64) NOT NULL,
    hint VARCHAR(12) NOT NULL,
    created_at BIGINT NOT NULL,
    created_by BIGINT REFERENCES account (id),
    last_used_at BIGINT,
    revoked_at BIGINT
);
CREATE UNIQUE INDEX content_key_secret ON content_key (secret_hash);
