-- Purging the HTTP cache in front (Varnish or a CDN, delivery.CdnPurges): each purge_log row is
-- sent once by one node. A node claims unsent rows by setting purge_claimed_until (epoch ms) a
-- little ahead, sends their keys outside any transaction, then sets purged_at; a claim that
-- expires (the node died, the cache did not answer) is taken again by any node. The partial index
-- holds only what is still to send, so finding it never reads the log.
ALTER TABLE purge_log ADD COLUMN purged_at BIGINT;
ALTER TABLE purge_log ADD COLUMN purge_claimed_until BIGINT;
ALTER TABLE purge_log ADD COLUMN purge_attempts INT NOT NULL DEFAULT 0;
CREATE INDEX purge_log_unsent ON purge_log (id) WHERE purged_at IS NULL;
UPDATE purge_log SET purged_at = at;
