package org.broadsheet.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of {@code webhook_subscription} and {@code webhook_delivery} (V30). Every
 * method runs in the caller's transaction, or on its own when there is none (the claims
 * and outcomes of sending, which must never hold a transaction open while a receiver is
 * called).
 */
@Repository
class WebhookStore {

	private static final String SUBSCRIPTION = """
			SELECT id, url, events, description, active, disabled_reason, disabled_at, previous_secret_until,
			created_at, updated_at FROM webhook_subscription WHERE deleted_at IS NULL""";

	private static final String DELIVERY = """
			SELECT id, subscription_id, message_id, event_type, payload, status, attempts, created_at,
			next_attempt_at, last_attempt_at, response_code, duration_ms, last_error, finished_at
			FROM webhook_delivery""";

	private final JdbcClient jdbc;

	WebhookStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What signs a subscription's deliveries, and where they go. */
	record Target(long id, String url, boolean active, String secret, String previousSecret, Long previousSecretUntil) {
	}

	/** A delivery claimed for one attempt, until {@code claim} (epoch ms). */
	record Claimed(long id, long subscriptionId, String messageId, String payload, int attempts, long createdAt,
			long claim) {
	}

	long insertSubscription(String url, Set<String> events, String description, String secret, long now) {
		return jdbc.sql("""
				INSERT INTO webhook_subscription (url, events, description, secret, active, created_at, updated_at)
				VALUES (?, ?, ?, ?, TRUE, ?, ?) RETURNING id""")
			.params(url, String.join(" ", new TreeSet<>(events)), description, secret, now, now)
			.query(Long.class)
			.single();
	}

	Optional<WebhookSubscription> subscription(long id) {
		return jdbc.sql(SUBSCRIPTION + " AND id = ?").param(id).query((rs, n) -> subscription(rs)).optional();
	}

	List<WebhookSubscription> subscriptions() {
		return jdbc.sql(SUBSCRIPTION + " ORDER BY id").query((rs, n) -> subscription(rs)).list();
	}

	Optional<Target> target(long id) {
		return targets(List.of(id)).values().stream().findFirst();
	}

	Map<Long, Target> targets(Collection<Long> ids) {
		return jdbc.sql("""
				SELECT id, url, active, secret, previous_secret, previous_secret_until
				FROM webhook_subscription WHERE deleted_at IS NULL AND id IN (:ids)""")
			.param("ids", List.copyOf(ids))
			.query((rs, n) -> new Target(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
					rs.getString(5), longOrNull(rs, 6)))
			.list()
			.stream()
			.collect(Collectors.toMap(Target::id, t -> t));
	}

	/**
	 * @return the active subscriptions to {@code eventType}, by id (the table is small:
	 * one row per receiving system)
	 */
	List<Long> subscribers(String eventType) {
		return jdbc
			.sql("SELECT id, events FROM webhook_subscription WHERE active = TRUE AND deleted_at IS NULL ORDER BY id")
			.query((rs, n) -> events(rs.getString(2)).contains(eventType) ? rs.getLong(1) : null)
			.list()
			.stream()
			.filter(id -> id != null)
			.toList();
	}

	void update(long id, String url, Set<String> events, String description, long now) {
		jdbc.sql("UPDATE webhook_subscription SET url = ?, events = ?, description = ?, updated_at = ? WHERE id = ?")
			.params(url, String.join(" ", new TreeSet<>(events)), description, now, id)
			.update();
	}

	void enable(long id, long now) {
		jdbc.sql("""
				UPDATE webhook_subscription SET active = TRUE, disabled_reason = NULL, disabled_at = NULL,
				updated_at = ? WHERE id = ?""").params(now, id).update();
	}

	/**
	 * Disables a subscription and gives up its pending deliveries.
	 * @param reason null when an administrator disabled it
	 */
	void disable(long id, String reason, long now) {
		jdbc.sql("""
				UPDATE webhook_subscription SET active = FALSE, disabled_reason = ?, disabled_at = ?, updated_at = ?
				WHERE id = ?""").params(reason, now, now, id).update();
		jdbc.sql("""
				UPDATE webhook_delivery SET status = 'failed', finished_at = ?, last_error = 'subscription disabled'
				WHERE subscription_id = ? AND status = 'pending'""").params(now, id).update();
	}

	void rotate(long id, String secret, long previousUntil, long now) {
		jdbc.sql("""
				UPDATE webhook_subscription SET previous_secret = secret, previous_secret_until = ?, secret = ?,
				updated_at = ? WHERE id = ?""").params(previousUntil, secret, now, id).update();
	}

	/** Deletes the delivery log; the row stays, emptied, so that its id is not reused. */
	void delete(long id, long now) {
		jdbc.sql("DELETE FROM webhook_delivery WHERE subscription_id = ?").param(id).update();
		jdbc.sql("""
				UPDATE webhook_subscription SET active = FALSE, secret = '', previous_secret = NULL,
				previous_secret_until = NULL, deleted_at = ?, updated_at = ? WHERE id = ?""")
			.params(now, now, id)
			.update();
	}

	/** Queues one message for one subscription, due at once. @return its id */
	long enqueue(long subscriptionId, String messageId, String eventType, String payload, long now) {
		return jdbc.sql("""
				INSERT INTO webhook_delivery (subscription_id, message_id, event_type, payload, status, attempts,
				created_at, next_attempt_at) VALUES (?, ?, ?, ?, 'pending', 0, ?, ?) RETURNING id""")
			.params(subscriptionId, messageId, eventType, payload, now, now)
			.query(Long.class)
			.single();
	}

	/**
	 * @return a subscription's deliveries, newest first (its index, in its order)
	 */
	List<WebhookDelivery> deliveries(long subscriptionId, int limit) {
		return jdbc.sql(DELIVERY + " WHERE subscription_id = ? ORDER BY id DESC LIMIT ?")
			.params(subscriptionId, limit)
			.query((rs, n) -> delivery(rs))
			.list();
	}

	Optional<WebhookDelivery> delivery(long id) {
		return jdbc.sql(DELIVERY + " WHERE id = ?").param(id).query((rs, n) -> delivery(rs)).optional();
	}

	/**
	 * @return how many deliveries are pending (the partial index's size)
	 */
	long pending() {
		return jdbc.sql("SELECT COUNT(*) FROM webhook_delivery WHERE status = 'pending'").query(Long.class).single();
	}

	/**
	 * @return whether any delivery is due (one read of the partial index, no lock)
	 */
	boolean anyDue(long now) {
		return jdbc.sql("SELECT id FROM webhook_delivery WHERE status = 'pending' AND next_attempt_at <= ? LIMIT 1")
			.param(now)
			.query(Long.class)
			.optional()
			.isPresent();
	}

	/**
	 * Claims up to {@code rows} due deliveries for one attempt each: one conditional
	 * UPDATE that moves their next attempt to {@code claim}, so no other node takes them
	 * until the claim expires (PostgreSQL re-checks the condition on a row another node
	 * just claimed, and skips it).
	 */
	List<Claimed> claim(long now, long claim, int rows) {
		return jdbc.sql("""
				UPDATE webhook_delivery SET next_attempt_at = :claim, attempts = attempts + 1
				WHERE status = 'pending' AND next_attempt_at <= :now AND id IN (SELECT id FROM webhook_delivery
				WHERE status = 'pending' AND next_attempt_at <= :now ORDER BY next_attempt_at LIMIT :rows)
				RETURNING id, subscription_id, message_id, payload, attempts, created_at""")
			.param("claim", claim)
			.param("now", now)
			.param("rows", rows)
			.query((rs, n) -> new Claimed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
					rs.getLong(6), claim))
			.list();
	}

	/**
	 * Records an attempt's outcome, if the claim is still this node's.
	 * @param status what the delivery is now
	 * @param next the next attempt (epoch ms) when still pending
	 * @param code the receiver's status, or null
	 * @param error why it failed, or null
	 * @return whether it was recorded
	 */
	boolean attempted(Claimed row, WebhookDelivery.Status status, long next, long now, Integer code, int durationMs,
			String error) {
		return jdbc.sql("""
				UPDATE webhook_delivery SET status = ?, next_attempt_at = ?, last_attempt_at = ?, response_code = ?,
				duration_ms = ?, last_error = ?, finished_at = ?
				WHERE id = ? AND status = 'pending' AND next_attempt_at = ?""")
			.params(status.name().toLowerCase(Locale.ROOT), next, now, code, durationMs, error,
					status == WebhookDelivery.Status.PENDING ? null : now, row.id(), row.claim())
			.update() == 1;
	}

	private static WebhookSubscription subscription(ResultSet rs) throws SQLException {
		return new WebhookSubscription(rs.getLong(1), rs.getString(2), events(rs.getString(3)), rs.getString(4),
				rs.getBoolean(5), rs.getString(6), instant(rs, 7), instant(rs, 8), instant(rs, 9), instant(rs, 10));
	}

	private static WebhookDelivery delivery(ResultSet rs) throws SQLException {
		Long code = longOrNull(rs, 11);
		Long duration = longOrNull(rs, 12);
		return new WebhookDelivery(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
				WebhookDelivery.Status.valueOf(rs.getString(6).toUpperCase(Locale.ROOT)), rs.getInt(7), instant(rs, 8),
				instant(rs, 9), instant(rs, 10), code == null ? null : code.intValue(),
				duration == null ? null : duration.intValue(), rs.getString(13), instant(rs, 14));
	}

	private static Set<String> events(String stored) {
		return Set.copyOf(Arrays.asList(stored.split(" ")));
	}

	private static Long longOrNull(ResultSet rs, int column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Long value = longOrNull(rs, column);
		return value == null ? null : Instant.ofEpochMilli(value);
	}

}
