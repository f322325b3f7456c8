package org.broadsheet.newsletter.admin;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.broadsheet.newsletter.ListKey;
import org.broadsheet.newsletter.admin.SubscriberRecords.Consent;
import org.broadsheet.newsletter.admin.SubscriberRecords.Delivery;
import org.broadsheet.newsletter.admin.SubscriberRecords.DeliverySummary;
import org.broadsheet.newsletter.admin.SubscriberRecords.Row;
import org.broadsheet.newsletter.admin.SubscriberRecords.Search;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the newsroom's subscriber pages (tables of migration V42). Every page of a
 * search is one scan of an index in id order that stops at the page's size: the primary
 * key, {@code subscriber_status (status, id)} or {@code subscription_list (list_key,
 * subscriber_id)}.
 */
@Repository
class SubscriberTable {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String ROW = "s.id, s.email, s.name, s.status, s.created_at";

	private final JdbcClient jdbc;

	SubscriberTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A stored subscriber as an import compares it. */
	record Existing(long id, SubscriberStatus status, String name) {
	}

	/**
	 * @return for each list key with subscribers, the count in each status
	 */
	Map<String, Map<SubscriberStatus, Long>> counts() {
		Map<String, Map<SubscriberStatus, Long>> counts = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT l.list_key, s.status, COUNT(*) FROM subscription l JOIN subscriber s ON s.id = l.subscriber_id
				GROUP BY l.list_key, s.status ORDER BY l.list_key""").query(rs -> {
			counts.computeIfAbsent(rs.getString(1), k -> new java.util.EnumMap<>(SubscriberStatus.class))
				.put(SubscriberStatus.of(rs.getString(2)), rs.getLong(3));
		});
		return counts;
	}

	/**
	 * @param limit rows wanted (one more is read to know whether a next page exists)
	 */
	List<Row> search(Search search, int limit) {
		var sql = new StringBuilder("SELECT ").append(ROW);
		Map<String, Object> params = new LinkedHashMap<>();
		String id = "s.id";
		if (search.list() != null) {
			// Driven by the list's index, in its subscriber order.
			sql.append(" FROM subscription l JOIN subscriber s ON s.id = l.subscriber_id WHERE l.list_key = :list");
			params.put("list", search.list().toString());
			id = "l.subscriber_id";
		}
		else {
			sql.append(" FROM subscriber s WHERE 1 = 1");
		}
		if (search.status() != null) {
			sql.append(" AND s.status = :status");
			params.put("status", search.status().key());
		}
		if (search.query() != null && !search.query().isBlank()) {
			sql.append(" AND (LOWER(s.email) LIKE :prefix ESCAPE '!' OR LOWER(s.name) LIKE :prefix ESCAPE '!')");
			params.put("prefix", likePrefix(search.query()));
		}
		if (search.before() != null) {
			sql.append(" AND ").append(id).append(" < :before");
			params.put("before", search.before());
		}
		sql.append(" ORDER BY ").append(id).append(" DESC LIMIT :limit");
		params.put("limit", limit);
		return jdbc.sql(sql.toString()).params(params).query(SubscriberTable::row).list();
	}

	/** LOWER() of SQLite folds ASCII only, as the query typed is folded here. */
	private static String likePrefix(String query) {
		String folded = query.strip().toLowerCase(java.util.Locale.ROOT);
		return folded.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
	}

	Optional<Row> row(long id) {
		return jdbc.sql("SELECT " + ROW + " FROM subscriber s WHERE s.id = ?")
			.param(id)
			.query(SubscriberTable::row)
			.optional();
	}

	/** The columns the subscriber's page shows beyond its row. */
	record More(String pausedReason, int hardBounces, Instant confirmedAt, Instant updatedAt) {
	}

	More more(long id) {
		return jdbc.sql("SELECT paused_reason, hard_bounces, confirmed_at, updated_at FROM subscriber WHERE id = ?")
			.param(id)
			.query((rs, n) -> new More(rs.getString(1), rs.getInt(2), instant(rs, 3), instant(rs, 4)))
			.single();
	}

	List<ListKey> lists(long id) {
		return jdbc.sql("SELECT list_key FROM subscription WHERE subscriber_id = ? ORDER BY list_key")
			.param(id)
			.query((rs, n) -> ListKey.parse("list", rs.getString(1)))
			.list();
	}

	List<Consent> consents(long id) {
		return jdbc.sql("""
				SELECT at, action, source, wording, list_keys, client_address FROM subscriber_consent
				WHERE subscriber_id = ? ORDER BY id""")
			.param(id)
			.query((rs, n) -> new Consent(instant(rs, 1), rs.getString(2), rs.getString(3), rs.getString(4),
					ListKey.split("list_keys", rs.getString(5)), rs.getString(6)))
			.list();
	}

	DeliverySummary deliverySummary(long id) {
		long[] counts = new long[4];
		Instant[] last = new Instant[1];
		jdbc.sql(
				"SELECT status, COUNT(*), MAX(sent_at) FROM newsletter_delivery WHERE subscriber_id = ? GROUP BY status")
			.param(id)
			.query(rs -> {
				int slot = switch (rs.getString(1)) {
					case "sent" -> 0;
					case "failed" -> 1;
					case "skipped" -> 2;
					default -> 3;
				};
				counts[slot] += rs.getLong(2);
				Instant sent = instant(rs, 3);
				if (sent != null && (last[0] == null || sent.isAfter(last[0]))) {
					last[0] = sent;
				}
			});
		return new DeliverySummary(counts[0], counts[1], counts[2], counts[3], last[0]);
	}

	/**
	 * @param limit at most this many, newest send first
	 */
	List<Delivery> deliveries(long id, int limit) {
		return jdbc.sql("""
				SELECT d.send_id, n.subject, n.kind, d.status, d.sent_at, d.error
				FROM newsletter_delivery d JOIN newsletter_send n ON n.id = d.send_id
				WHERE d.subscriber_id = ? ORDER BY d.send_id DESC LIMIT ?""")
			.params(id, limit)
			.query((rs, n) -> new Delivery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					instant(rs, 5), rs.getString(6)))
			.list();
	}

	/**
	 * @param clearBounces whether the hard-bounce count and its pause reason start again
	 */
	void setStatus(long id, SubscriberStatus status, boolean clearBounces, long now) {
		jdbc.sql("UPDATE subscriber SET status = ?, updated_at = ?"
				+ (clearBounces ? ", hard_bounces = 0, paused_reason = NULL" : "") + " WHERE id = ?")
			.params(status.key(), now, id)
			.update();
	}

	void leaveAllLists(long id) {
		jdbc.sql("DELETE FROM subscription WHERE subscriber_id = ?").param(id).update();
	}

	void consent(long id, long at, String action, String source, String wording, List<ListKey> lists) {
		jdbc.sql("""
				INSERT INTO subscriber_consent (subscriber_id, at, action, source, wording, list_keys, client_address)
				VALUES (?, ?, ?, ?, ?, ?, NULL)""")
			.params(id, at, action, source, wording, ListKey.join(lists))
			.update();
	}

	/** Deletes the subscriber; its lists, consent record and deliveries go with it. */
	void delete(long id) {
		// Explicit as well as by the foreign keys' cascade: a connection without
		// foreign_keys=true must not leave orphans.
		jdbc.sql("DELETE FROM newsletter_delivery WHERE subscriber_id = ?").param(id).update();
		jdbc.sql("DELETE FROM subscriber_consent WHERE subscriber_id = ?").param(id).update();
		jdbc.sql("DELETE FROM subscription WHERE subscriber_id = ?").param(id).update();
		jdbc.sql("DELETE FROM subscriber WHERE id = ?").param(id).update();
	}

	Optional<Existing> byKey(String emailKey) {
		return jdbc.sql("SELECT id, status, name FROM subscriber WHERE email_key = ?")
			.param(emailKey)
			.query((rs, n) -> new Existing(rs.getLong(1), SubscriberStatus.of(rs.getString(2)), rs.getString(3)))
			.optional();
	}

	/**
	 * @return the new subscriber's id; its link secret is 32 random bytes, base64url
	 */
	long insert(String email, String emailKey, String name, SubscriberStatus status, long createdAt, Long confirmedAt,
			long now) {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		return jdbc.sql("""
				INSERT INTO subscriber (email, email_key, name, status, hard_bounces, link_secret, created_at,
				confirmed_at, updated_at) VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?) RETURNING id""")
			.params(email, emailKey, name, status.key(), Base64.getUrlEncoder().withoutPadding().encodeToString(secret),
					createdAt, confirmedAt, now)
			.query(Long.class)
			.single();
	}

	/**
	 * @return whether the subscriber was not on the list before
	 */
	boolean subscribe(long id, ListKey list, long now) {
		return jdbc.sql("""
				INSERT INTO subscription (subscriber_id, list_key, created_at) VALUES (?, ?, ?)
				ON CONFLICT (subscriber_id, list_key) DO NOTHING""").params(id, list.toString(), now).update() > 0;
	}

	/** Fills a name the subscriber did not have, activates a pending subscriber. */
	void update(long id, String name, SubscriberStatus status, Long confirmedAt, long now) {
		jdbc.sql("""
				UPDATE subscriber SET name = ?, status = ?, confirmed_at = COALESCE(confirmed_at, ?), updated_at = ?
				WHERE id = ?""").params(name, status.key(), confirmedAt, now, id).update();
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), SubscriberStatus.of(rs.getString(4)),
				instant(rs, 5));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		long millis = rs.getLong(column);
		return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
	}

}
