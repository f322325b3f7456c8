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
