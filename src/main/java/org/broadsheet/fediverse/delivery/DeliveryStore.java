package org.broadsheet.fediverse.delivery;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code fediverse_delivery} and {@code fediverse_instance} rows (migration V47,
 * whose comments are the contract). Each method runs in the caller's transaction, or on
 * its own when there is none: the worker never holds a transaction while it talks to a
 * peer.
 */
@Repository
class DeliveryStore {

	/**
	 * Rows a claim may take: queued and due, or claimed by a node whose claim expired.
	 */
	private static final String CLAIMABLE = """
			((status = 'queued' AND next_attempt_at <= :now)
			OR (status = 'claimed' AND claimed_until <= :now))""";

	/** A claimed delivery. */
	record Claimed(long id, String activity, String sender, String target, int attempts, long createdAt) {
	}

	private final JdbcClient jdbc;

	DeliveryStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Queues one delivery, due at {@code now} (epoch ms). */
	void queue(String activity, String sender, String target, long now) {
		jdbc.sql("""
				INSERT INTO fediverse_delivery (activity, sender, target, status, attempts, next_attempt_at,
				created_at) VALUES (?, ?, ?, 'queued', 0, ?, ?)""").params(activity, sender, target, now, now).update();
	}

	/**
	 * @return whether any delivery can be claimed now (a read: cheap on SQLite)
	 */
	boolean anyDue(long now) {
		return jdbc
			.sql("SELECT 1 FROM fediverse_delivery WHERE status IN ('queued', 'claimed') AND " + CLAIMABLE + " LIMIT 1")
			.param("now", now)
			.query(Integer.class)
			.optional()
			.isPresent();
	}

	/**
	 * Claims up to {@code rows} deliveries for {@code node} until {@code until} (epoch
	 * ms) in one conditional {@code UPDATE … RETURNING}; the condition is repeated
	 * outside the sub-select so that on PostgreSQL a row another node claimed meanwhile
	 * is left alone (the rule of {@code newsletter.sending.SendStore#claim}).
	 */
	List<Claimed> claim(String node, long now, long until, int rows) {
		return jdbc.sql("""
				UPDATE fediverse_delivery SET status = 'claimed', claimed_by = :node, claimed_until = :until
				WHERE %s AND id IN (SELECT id FROM fediverse_delivery
				WHERE status IN ('queued', 'claimed') AND %s ORDER BY next_attempt_at, id LIMIT :rows)
				RETURNING id, activity, sender, target, attempts, created_at""".formatted(CLAIMABLE, CLAIMABLE))
			.param("node", node)
			.param("until", until)
			.param("now", now)
			.param("rows", rows)
			.query((rs, n) -> new Claimed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getInt(5), rs.getLong(6)))
			.list();
	}

	/**
	 * Moves a claimed delivery on, if the claim is still {@code node}'s.
	 * @param status sent, failed, dead, or queued again (due at {@code nextAttempt})
	 * @param attempted whether this was an attempt (counted)
	 * @return whether it was this node's
	 */
	boolean settle(long id, String node, String status, boolean attempted, long nextAttempt, String error) {
		return jdbc.sql("""
				UPDATE fediverse_delivery SET status = ?, claimed_by = NULL, claimed_until = NULL,
				attempts = attempts + ?, next_attempt_at = ?, last_error = ?
				WHERE id = ? AND status = 'claimed' AND claimed_by = ?""")
			.params(status, attempted ? 1 : 0, nextAttempt, error, id, node)
			.update() == 1;
	}

	/**
	 * @return whether the instance at {@code host} is marked dead
	 */
	boolean dead(String host) {
		return jdbc.sql("SELECT 1 FROM fediverse_instance WHERE host = ? AND dead_at IS NOT NULL")
			.param(host)
			.query(Integer.class)
			.optional()
			.isPresent();
	}

	/** Forgets an instance's failures: it answered. */
	void answered(String host) {
		jdbc.sql("DELETE FROM fediverse_instance WHERE host = ?").param(host).update();
	}

	/**
	 * Counts one more failure of {@code host}; marks it dead when it has failed
	 * {@code deadAfter} times in a row over more than {@code deadSpanMs}.
	 * @return whether it is dead now
	 */
	boolean failed(String host, long now, int deadAfter, long deadSpanMs) {
		jdbc.sql("""
				INSERT INTO fediverse_instance (host, failures, failing_since) VALUES (?, 1, ?)
				ON CONFLICT (host) DO UPDATE SET failures = fediverse_instance.failures + 1""")
			.params(host, now)
			.update();
		jdbc.sql("""
				UPDATE fediverse_instance SET dead_at = ? WHERE host = ? AND dead_at IS NULL AND failures >= ?
				AND failing_since < ?""").params(now, host, deadAfter, now - deadSpanMs).update();
		return dead(host);
	}

	/**
	 * @return how many deliveries have {@code status}, counting at most {@code cap} (an
	 * index range of {@code fediverse_delivery_due}: the cost stays bounded however many
	 * sent rows the history keeps)
	 */
	long count(String status, int cap) {
		return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM fediverse_delivery WHERE status = ? LIMIT ?) capped")
			.params(status, cap)
			.query(Long.class)
			.single();
	}

	/**
	 * @return the deliveries with {@code status} whose last attempt (or next one) is
	 * latest, at most {@code limit} (index {@code fediverse_delivery_due}, backwards)
	 */
	List<DeliveryFailure> latest(String status, int limit) {
		return jdbc.sql("""
				SELECT id, target, status, attempts, last_error, next_attempt_at, created_at FROM fediverse_delivery
				WHERE status = ? ORDER BY next_attempt_at DESC LIMIT ?""")
			.params(status, limit)
			.query((rs, n) -> new DeliveryFailure(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
					rs.getString(5), rs.getLong(6), rs.getLong(7)))
			.list();
	}

	/**
	 * @return the dead instances, most recently dead first, at most {@code limit} (index
	 * {@code fediverse_instance_dead}, migration V49)
	 */
	List<DeadInstance> deadInstances(int limit) {
		return jdbc.sql("""
				SELECT host, failures, failing_since, dead_at FROM fediverse_instance WHERE dead_at IS NOT NULL
				ORDER BY dead_at DESC LIMIT ?""")
			.param(limit)
			.query((rs, n) -> new DeadInstance(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getLong(4)))
			.list();
	}

	/**
	 * Forgets a dead instance: deliveries to it are tried again.
	 * @return whether it was dead
	 */
	boolean forget(String host) {
		return jdbc.sql("DELETE FROM fediverse_instance WHERE host = ? AND dead_at IS NOT NULL")
			.param(host)
			.update() == 1;
	}

	/**
	 * @return deliveries still to be made (queued or claimed)
	 */
	long pending() {
		return jdbc.sql("SELECT COUNT(*) FROM fediverse_delivery WHERE status IN ('queued', 'claimed')")
			.query(Long.class)
			.single();
	}

}
