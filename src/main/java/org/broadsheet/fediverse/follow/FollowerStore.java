package org.broadsheet.fediverse.follow;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code fediverse_follower} rows (migration V47, whose comments are the contract).
 */
@Repository
class FollowerStore {

	private static final String COLUMNS = "actor_key, follower, inbox, shared_inbox, state, follow_id, created_at";

	private final JdbcClient jdbc;

	FollowerStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores a follower, or updates its inboxes and follow id when it follows again (its
	 * state and creation time kept).
	 */
	void save(Follower follower) {
		jdbc.sql("INSERT INTO fediverse_follower (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?) "
				+ "ON CONFLICT (actor_key, follower) DO UPDATE SET inbox = EXCLUDED.inbox, "
				+ "shared_inbox = EXCLUDED.shared_inbox, follow_id = EXCLUDED.follow_id")
			.params(follower.actorKey(), follower.follower(), follower.inbox(), follower.sharedInbox(),
					follower.state(), follower.followId(), follower.createdAt())
			.update();
	}

	Optional<Follower> find(String actorKey, String follower) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM fediverse_follower WHERE actor_key = ? AND follower = ?")
			.params(actorKey, follower)
			.query(FollowerStore::row)
			.optional();
	}

	/**
	 * @return whether a row was removed
	 */
	boolean remove(String actorKey, String follower) {
		return jdbc.sql("DELETE FROM fediverse_follower WHERE actor_key = ? AND follower = ?")
			.params(actorKey, follower)
			.update() > 0;
	}

	Optional<Follower> byId(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM fediverse_follower WHERE id = ?")
			.param(id)
			.query(FollowerStore::row)
			.optional();
	}

	/**
	 * Accepts a pending follower.
	 * @return whether it was pending (and is accepted now)
	 */
	boolean accept(long id) {
		return jdbc.sql("UPDATE fediverse_follower SET state = 'accepted' WHERE id = ? AND state = 'pending'")
			.param(id)
			.update() == 1;
	}

	/**
	 * @return whether a row was removed
	 */
	boolean remove(long id) {
		return jdbc.sql("DELETE FROM fediverse_follower WHERE id = ?").param(id).update() > 0;
	}

	/**
	 * @return accepted and pending followers of every actor that has any, by actor key
	 * (an index-only count on {@code fediverse_follower_state}, migration V49)
	 */
	List<ActorCount> counts() {
		var counts = new java.util.TreeMap<String, long[]>();
		jdbc.sql("SELECT state, actor_key, COUNT(*) FROM fediverse_follower GROUP BY state, actor_key").query(rs -> {
			long[] pair = counts.computeIfAbsent(rs.getString(2), key -> new long[2]);
			pair["accepted".equals(rs.getString(1)) ? 0 : 1] += rs.getLong(3);
		});
		return counts.entrySet()
			.stream()
			.map(e -> new ActorCount(e.getKey(), e.getValue()[0], e.getValue()[1]))
			.toList();
	}

	/**
	 * @return the newest pending followers, at most {@code limit}
	 */
	List<PendingFollower> pending(int limit) {
		return jdbc
			.sql("SELECT id, actor_key, follower, created_at FROM fediverse_follower WHERE state = 'pending' "
					+ "ORDER BY created_at DESC, id DESC LIMIT ?")
			.param(limit)
			.query((rs, n) -> new PendingFollower(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
			.list();
	}

	long countAccepted(String actorKey) {
		return jdbc.sql("SELECT COUNT(*) FROM fediverse_follower WHERE actor_key = ? AND state = 'accepted'")
			.param(actorKey)
			.query(Long.class)
			.single();
	}

	/**
	 * @return the distinct inboxes (shared inbox, else own) of the accepted followers of
	 * any of these actors
	 */
	List<String> inboxes(Collection<String> actorKeys) {
		if (actorKeys.isEmpty()) {
			return List.of();
		}
		return jdbc
			.sql("SELECT DISTINCT COALESCE(shared_inbox, inbox) FROM fediverse_follower "
					+ "WHERE actor_key IN (:keys) AND state = 'accepted' ORDER BY 1")
			.param("keys", List.copyOf(actorKeys))
			.query(String.class)
			.list();
	}

	private static Follower row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Follower(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getLong(7));
	}

}
