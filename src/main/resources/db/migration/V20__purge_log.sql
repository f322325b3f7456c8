-- Which pages a committed change affects, as surrogate keys ("article:12 front feeds"). Every
-- node follows this log to evict its page cache (and, in a cluster, to purge the HTTP cache in
-- front); rows older than a day are pruned.
CREATE TABLE purge_log (
    id ${id},
    keys VARCHAR(4000) NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX purge_log_at ON purge_log (at);
