-- Rate limits and the sign-in throttle shared by every node (shared.RateLimits, Bucket4j's
-- PostgreSQL proxy manager: one row per bucket, changed under SELECT ... FOR UPDATE; expires_at
-- in epoch milliseconds, after which a bucket would be full again and may be removed). SQLite
-- keeps its buckets in memory; the table stays empty there. Ids are SHA-256 (hex) of the keys,
-- which hold what readers typed (email addresses).
CREATE TABLE rate_limit_bucket (
    id VARCHAR(300) PRIMARY KEY,
    state ${blob},
    expires_at BIGINT
);
CREATE INDEX rate_limit_bucket_expires ON rate_limit_bucket (expires_at);
