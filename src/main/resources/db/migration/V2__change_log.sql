-- Every committed change to an article, in commit order on SQLite and near it on PostgreSQL.
-- Derived state on each node (search index, caches) follows this log, so a change made on one
-- node, or before a crash, reaches every node's derived state.
CREATE TABLE change_log (
    id ${id},
    article_id BIGINT NOT NULL,
    kind VARCHAR(20) NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX change_log_at ON change_log (at);
