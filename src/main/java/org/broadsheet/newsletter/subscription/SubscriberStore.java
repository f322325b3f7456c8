package org.broadsheet.newsletter.subscription;

import java.util.List;
import java.util.Optional;

import org.broadsheet.newsletter.ListKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rows of {@code subscriber}, {@code subscription} and {@code subscriber_consent}
 * (migration V42) that the readers' side reads and writes. Lists are stored by key; the
 * consent record's {@code list_keys} holds them as {@link ListKey#join} writes them.
 */
@Component
class SubscriberStore {

	private static final String COLUMNS = "SELECT id, email, name, status, link_secret FROM subscriber ";

	private final JdbcClient jdbc;

	SubscriberStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param status {@code pending}, {@code active}, {@code paused} or
	 * {@code unsubscribed}
	 */
	record Subscriber(long id, String email, String name, String status, String linkSecret) {
	}

	/** A consent record's sign-up: what was asked, in which words. */
	record SignUpConsent(long id, String wording, List<ListKey> lists) {
	}

	Optional<Subscriber> byId(long id) {
		return jdbc.sql(COLUMNS + "WHERE id = ?").param(id).query(Subscriber.class).optional();
	}

	/**
	 * @return the subscriber of this mailbox, created {@code pending} with this name and
	 * secret when there was none (two sign-ups at once make one row)
	 */
	Subscriber createOrFind(String email, String emailKey, String name, String linkSecret, long now) {
		jdbc.sql("""
				INSERT INTO subscriber (email, email_key, name, status, link_secret, created_at, updated_at)
				VALUES (?, ?, ?, 'pending', ?, ?, ?) ON CONFLICT (email_key) DO NOTHING""")
			.params(email, emailKey, name, linkSecret, now, now)
			.update();
		return jdbc.sql(COLUMNS + "WHERE email_key = ?").param(emailKey).query(Subscriber.class).single();
	}

	void consent(long subscriberId, long at, String action, String source, String wording, List<ListKey> lists,
			String clientAddress) {
		jdbc.sql("""
				INSERT INTO subscriber_consent (subscriber_id, at, action, source, wording, list_keys, client_address)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(subscriberId, at, action, source, wording, ListKey.join(lists), clip(clientAddress, 64))
			.update();
	}

	/**
	 * @return the sign-up recorded at {@code at} (the instant a confirm link's expiry
	 * counts from)
	 */
	Optional<SignUpConsent> signUpAt(long subscriberId, long at) {
		return jdbc.sql("""
				SELECT id, wording, list_keys FROM subscriber_consent
				WHERE subscriber_id = ? AND action = 'signup' AND at = ? ORDER BY id DESC LIMIT 1""")
			.params(subscriberId, at)
			.query((rs, n) -> new SignUpConsent(rs.getLong(1), rs.getString(2),
					ListKey.split("list_keys", rs.getString(3))))
			.optional();
	}

	/**
	 * @return whether the subscriber unsubscribed after consent record {@code consentId}
	 */
	boolean unsubscribedAfter(long subscriberId, long consentId) {
		return jdbc
			.sql("SELECT COUNT(*) FROM subscriber_consent WHERE subscriber_id = ? AND action = 'unsubscribed' "
					+ "AND id > ?")
			.params(subscriberId, consentId)
			.query(Integer.class)
			.single() > 0;
	}

	List<ListKey> lists(long subscriberId) {
		return jdbc.sql("SELECT list_key FROM subscription WHERE subscriber_id = ? ORDER BY created_at, list_key")
			.param(subscriberId)
			.query(String.class)
			.list()
			.stream()
			.map(key -> ListKey.parse("list", key))
			.toList();
	}

	void addLists(long subscriberId, List<ListKey> lists, long now) {
		for (ListKey list : lists) {
			jdbc.sql("INSERT INTO subscription (subscriber_id, list_key, created_at) VALUES (?, ?, ?) "
					+ "ON CONFLICT DO NOTHING")
				.params(subscriberId, list.toString(), now)
				.update();
		}
	}

	void replaceLists(long subscriberId, List<ListKey> lists, long now) {
		var keep = lists.stream().map(ListKey::toString).toList();
		for (ListKey old : lists(subscriberId)) {
			if (!keep.contains(old.toString())) {
				jdbc.sql("DELETE FROM subscription WHERE subscriber_id = ? AND list_key = ?")
					.params(subscriberId, old.toString())
					.update();
			}
		}
		addLists(subscriberId, lists, now);
	}

	/**
	 * Sets the status; {@code active} after {@code pending} or {@code unsubscribed} also
	 * sets {@code confirmed_at}, and any new status but {@code paused} clears the pause's
	 * reason and the hard bounces counted.
	 */
	void status(long subscriberId, String status, long now) {
		jdbc.sql("""
				UPDATE subscriber SET
				  confirmed_at = CASE WHEN :status = 'active' AND status IN ('pending', 'unsubscribed') THEN :now
				    ELSE confirmed_at END,
				  paused_reason = CASE WHEN :status = 'paused' THEN paused_reason ELSE NULL END,
				  hard_bounces = CASE WHEN :status = 'paused' THEN hard_bounces ELSE 0 END,
				  status = :status, updated_at = :now
				WHERE id = :id""").param("status", status).param("now", now).param("id", subscriberId).update();
	}

	private static String clip(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

}
