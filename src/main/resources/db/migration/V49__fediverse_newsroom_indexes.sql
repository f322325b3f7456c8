-- The newsroom's fediverse page (docs/fediverse.md, "Newsroom"): followers counted per actor and
-- state, and the pending ones listed newest first, without reading every follower row; dead
-- instances listed most recently dead first.
CREATE INDEX fediverse_follower_state ON fediverse_follower (state, actor_key);
CREATE INDEX fediverse_follower_pending ON fediverse_follower (state, created_at);
CREATE INDEX fediverse_instance_dead ON fediverse_instance (dead_at);
