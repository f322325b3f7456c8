package org.broadsheet.newsletter.sending;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code newsletter_send} and {@code newsletter_delivery} rows (migration V42, whose
 * comments are the contract). Each method runs in the caller's transaction, or on its own
 * (autocommitted) when there is none: the worker's claims and marks never hold a
 * transaction open while it talks to the SMTP server.
 */
@Repository
class SendStore {

	private static final String SEND = """
			SELECT s.id, s.kind, s.article_id, s.list_keys, s.subject, s.status, s.created_at, s.started_at,
			s.finished_at,
			(SELECT COUNT(*) FROM newsletter_delivery d WHERE d.send_id = s.id AND d.status = 'sent'),
			(SELECT COUNT(*) FROM newsletter_delivery d WHERE d.send_id = s.id AND d.status = 'failed'),
			(SELECT COUNT(*) FROM newsletter_delivery d WHERE d.send_id = s.id AND d.status IN ('queued', 'claimed')),
			(SELECT COUNT(*) FROM newsletter_delivery d WHERE d.send_id = s.id AND d.status = 'skipped')
			FROM newsletter_send s""";

	/**
	 * Rows a claim may take: queued and due, or claimed by a node whose claim expired.
	 */
	private static final String CLAIMABLE = """
			((status = 'queued' AND COALESCE(claimed_until, 0) <= :now)
			OR (status = 'claimed' AND claimed_until <= :now))""";

	private final JdbcClient jdbc;

	SendStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A claimed delivery. */
	record Claimed(long sendId, long subscriberId, int attempts) {
	}

	/** Who a claimed delivery goes to, as the subscriber is now. */
	record Recipient(long id, String email, String name, String status, String linkSecret, int hardBounces) {
	}

	/**
	 * Inserts a send; for kind {@code article} nothing when the article has one already
	 * (the unique index {@code newsletter_send_article}).
	 * @return its id, or empty when it existed
	 */
	Optional<Long> insertSend(String kind, Long articleId, String listKeys, String subject, String status,
			Long requestedBy, long now) {
		return jdbc.sql("""
				INSERT INTO newsletter_send (kind, article_id, list_keys, subject, status, requested_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id""")
			.params(kind, articleId, listKeys, subject, status, requestedBy, now)
			.query(Long.class)
			.optional();
	}

	/**
	 * Inserts a digest send; nothing when the list's period has one already (the unique
	 * index {@code newsletter_send_period}: of two nodes racing, one inserts).
	 * @return its id, or empty when it existed
	 */
	Optional<Long> insertDigest(String listKey, String periodKey, String subject, long now) {
		return jdbc.sql("""
				INSERT INTO newsletter_send (kind, list_keys, period_key, subject, status, created_at)
				VALUES ('digest', ?, ?, ?, 'queued', ?) ON CONFLICT DO NOTHING RETURNING id""")
			.params(listKey, periodKey, subject, now)
			.query(Long.class)
			.optional();
	}

	/** Records a digest's articles in the order its e-mail shows them. */
	void digestArticles(long sendId, List<Long> articleIds) {
		for (int i = 0; i < articleIds.size(); i++) {
			jdbc.sql("INSERT INTO newsletter_digest_article (send_id, ordinal, article_id) VALUES (?, ?, ?)")
				.params(sendId, i, articleIds.get(i))
				.update();
		}
	}

	/**
	 * @return a digest's articles in the order its e-mail shows them
	 */
	List<Long> digestArticles(long sendId) {
		return jdbc.sql("SELECT article_id FROM newsletter_digest_article WHERE send_id = ? ORDER BY ordinal")
			.param(sendId)
			.query(Long.class)
			.list();
	}

	/**
	 * @return whether the digest of this period was queued (a read of the unique index)
	 */
	boolean periodQueued(String periodKey) {
		return jdbc.sql("SELECT 1 FROM newsletter_send WHERE kind = 'digest' AND period_key = ?")
			.param(periodKey)
			.query(Integer.class)
			.optional()
			.isPresent();
	}

	/**
	 * @return whether the list has an active subscriber (stops at the first)
	 */
	boolean anyActive(String listKey) {
		return jdbc.sql("""
				SELECT 1 FROM subscription s JOIN subscriber r ON r.id = s.subscriber_id
				WHERE s.list_key = ? AND r.status = 'active' LIMIT 1""")
			.param(listKey)
			.query(Integer.class)
			.optional()
			.isPresent();
	}

	/**
	 * Queues one delivery per active subscriber of any of the lists (a subscriber in
	 * several lists once).
	 * @return how many
	 */
	int queueRecipients(long sendId, Collection<String> listKeys) {
		return jdbc.sql("""
				INSERT INTO newsletter_delivery (send_id, subscriber_id, status, attempts)
				SELECT DISTINCT :send, s.subscriber_id, 'queued', 0 FROM subscription s
				JOIN subscriber r ON r.id = s.subscriber_id
				WHERE r.status = 'active' AND s.list_key IN (:lists)""")
			.param("send", sendId)
			.param("lists", List.copyOf(listKeys))
			.update();
	}

	/**
	 * @return how many active subscribers are in any of the lists (each once)
	 */
	int audience(Collection<String> listKeys) {
		return jdbc.sql("""
				SELECT COUNT(DISTINCT s.subscriber_id) FROM subscription s JOIN subscriber r ON r.id = s.subscriber_id
				WHERE r.status = 'active' AND s.list_key IN (:lists)""")
			.param("lists", List.copyOf(listKeys))
			.query(Integer.class)
			.single();
	}

	/** Marks a send finished (a test send at once; a send without recipients). */
	void finish(long sendId, long now) {
		jdbc.sql(
				"UPDATE newsletter_send SET status = 'finished', started_at = COALESCE(started_at, ?), finished_at = ? "
						+ "WHERE id = ?")
			.params(now, now, sendId)
			.update();
	}

	/**
	 * Cancels a send that is queued or sending.
	 * @return whether it was (false: finished or cancelled already)
	 */
	boolean cancel(long sendId, long now) {
		return jdbc
			.sql("UPDATE newsletter_send SET status = 'cancelled', finished_at = ? WHERE id = ? "
					+ "AND status IN ('queued', 'sending')")
			.params(now, sendId)
			.update() == 1;
	}

	/**
	 * Skips a send's deliveries not yet made: queued (retries too) or claimed. A worker's
	 * mark of a row taken here fails, so its message is not finished.
	 * @return how many
	 */
	int skipUnsent(long sendId, String reason) {
		return jdbc.sql("""
				UPDATE newsletter_delivery SET status = 'skipped', claimed_by = NULL, claimed_until = NULL, error = ?
				WHERE send_id = ? AND status IN ('queued', 'claimed')""").params(reason, sendId).update();
	}

	/**
	 * @return whether the send was cancelled (one primary-key read, before each message)
	 */
	boolean cancelled(long sendId) {
		return jdbc.sql("SELECT 1 FROM newsletter_send WHERE id = ? AND status = 'cancelled'")
			.param(sendId)
			.query(Integer.class)
			.optional()
			.isPresent();
	}

	/**
	 * @return whether any delivery can be claimed now (a read: cheap on SQLite)
	 */
	boolean anyDue(long now) {
		return jdbc
			.sql("SELECT 1 FROM newsletter_delivery WHERE status IN ('queued', 'claimed') AND " + CLAIMABLE
					+ " LIMIT 1")
			.param("now", now)
			.query(Integer.class)
			.optional()
			.isPresent();
	}

	/**
	 * Claims up to {@code rows} deliveries for {@code node} until {@code until} (epoch
	 * ms): one conditional {@code UPDATE … RETURNING}. The condition is repeated outside
	 * the sub-select so that on PostgreSQL a row another node claimed meanwhile is
	 * rechecked and left alone.
	 */
	List<Claimed> claim(String node, long now, long until, int rows) {
		return jdbc.sql("""
				UPDATE newsletter_delivery SET status = 'claimed', claimed_by = :node, claimed_until = :until
				WHERE %s AND (send_id, subscriber_id) IN (SELECT send_id, subscriber_id FROM newsletter_delivery
				WHERE status IN ('queued', 'claimed') AND %s ORDER BY send_id, subscriber_id LIMIT :rows)
				RETURNING send_id, subscriber_id, attempts""".formatted(CLAIMABLE, CLAIMABLE))
			.param("node", node)
			.param("until", until)
			.param("now", now)
			.param("rows", rows)
			.query((rs, n) -> new Claimed(rs.getLong(1), rs.getLong(2), rs.getInt(3)))
			.list();
	}

	/** Marks sends that have claimed rows as started. */
	void started(Collection<Long> sendIds, long now) {
		jdbc.sql("UPDATE newsletter_send SET status = 'sending', started_at = :now WHERE id IN (:ids) "
				+ "AND status = 'queued'")
			.param("now", now)
			.param("ids", List.copyOf(sendIds))
			.update();
	}

	List<Recipient> recipients(Collection<Long> subscriberIds) {
		return jdbc.sql("SELECT id, email, name, status, link_secret, hard_bounces FROM subscriber WHERE id IN (:ids)")
			.param("ids", List.copyOf(subscriberIds))
			.query((rs, n) -> new Recipient(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getInt(6)))
			.list();
	}

	/**
	 * Moves a claimed delivery on, if the claim is still {@code node}'s.
	 * @param status sent, failed, skipped, or queued again (with {@code notBefore})
	 * @param notBefore for queued: when it may be claimed again (epoch ms)
	 * @return whether it was this node's
	 */
	boolean settle(Claimed row, String node, String status, long now, Long notBefore, String error) {
		return jdbc.sql("""
				UPDATE newsletter_delivery SET status = ?, claimed_by = NULL, claimed_until = ?,
				attempts = attempts + ?, sent_at = ?, error = ?
				WHERE send_id = ? AND subscriber_id = ? AND status = 'claimed' AND claimed_by = ?""")
			.params(status, notBefore, "sent".equals(status) || "skipped".equals(status) ? 0 : 1,
					"sent".equals(status) ? now : null, error, row.sendId(), row.subscriberId(), node)
			.update() == 1;
	}

	/**
	 * Records a refusal that came after the final dot, to a row already marked sent: it
	 * becomes failed with the reply, and is never sent again.
	 */
	void refusedAfterMark(Claimed row, String error) {
		jdbc.sql("UPDATE newsletter_delivery SET status = 'failed', error = ? "
				+ "WHERE send_id = ? AND subscriber_id = ? AND status = 'sent'")
			.params(error, row.sendId(), row.subscriberId())
			.update();
	}

	/**
	 * Counts a hard bounce; the third in a row pauses the subscriber.
	 * @return whether the subscriber is paused now
	 */
	boolean hardBounce(long subscriberId, int pauseAfter, String reason, long now) {
		return jdbc.sql("""
				UPDATE subscriber SET hard_bounces = hard_bounces + 1, updated_at = ?,
				status = CASE WHEN hard_bounces + 1 >= ? AND status = 'active' THEN 'paused' ELSE status END,
				paused_reason = CASE WHEN hard_bounces + 1 >= ? AND status = 'active' THEN ? ELSE paused_reason END
				WHERE id = ? RETURNING status""")
			.params(now, pauseAfter, pauseAfter, reason, subscriberId)
			.query(String.class)
			.optional()
			.filter("paused"::equals)
			.isPresent();
	}

	/** A delivery went through: the bounces in a row start again from 0. */
	void delivered(long subscriberId) {
		jdbc.sql("UPDATE subscriber SET hard_bounces = 0 WHERE id = ? AND hard_bounces > 0")
			.param(subscriberId)
			.update();
	}

	/** Marks the sends of {@code sendIds} finished that have nothing left to send. */
	void finishDone(Collection<Long> sendIds, long now) {
		jdbc.sql(
				"""
						UPDATE newsletter_send SET status = 'finished', finished_at = :now
						WHERE id IN (:ids) AND status IN ('queued', 'sending') AND NOT EXISTS (SELECT 1 FROM newsletter_delivery d
						WHERE d.send_id = newsletter_send.id AND d.status IN ('queued', 'claimed'))""")
			.param("now", now)
			.param("ids", List.copyOf(sendIds))
			.update();
	}

	Optional<NewsletterSend> send(long id) {
		return jdbc.sql(SEND + " WHERE s.id = ?").param(id).query((rs, n) -> send(rs)).optional();
	}

	/**
	 * @return the article's sends, newest first
	 */
	List<NewsletterSend> sendsOf(long articleId) {
		return jdbc.sql(SEND + " WHERE s.article_id = ? ORDER BY s.created_at DESC, s.id DESC")
			.param(articleId)
			.query((rs, n) -> send(rs))
			.list();
	}

	/**
	 * @return the latest digest sends, newest first (index
	 * {@code newsletter_send_digest})
	 */
	List<NewsletterSend> recentDigests(int limit) {
		return jdbc.sql(SEND + " WHERE s.kind = 'digest' ORDER BY s.created_at DESC, s.id DESC LIMIT ?")
			.param(limit)
			.query((rs, n) -> send(rs))
			.list();
	}

	/**
	 * @return the deliveries still to do (queued or claimed), over all sends
	 */
	long pending() {
		return jdbc.sql("SELECT COUNT(*) FROM newsletter_delivery WHERE status IN ('queued', 'claimed')")
			.query(Long.class)
			.single();
	}

	private static NewsletterSend send(java.sql.ResultSet rs) throws java.sql.SQLException {
		long article = rs.getLong(3);
		Long articleId = rs.wasNull() ? null : article;
		return new NewsletterSend(rs.getLong(1), rs.getString(2), articleId, rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getLong(7), instant(rs, 8), instant(rs, 9), rs.getInt(10), rs.getInt(11),
				rs.getInt(12), rs.getInt(13));
	}

	private static Long instant(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

}
