package org.broadsheet.comment;

import java.time.Clock;

import org.broadsheet.delivery.PagesChanged;
import org.broadsheet.delivery.Surrogates;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Readers' likes of articles: one per reader cookie (stored as its SHA-256), and about
 * the setting {@code likes-per-address} per article from one client address a day (stored
 * as an HMAC under the day's salt). A client that sends no cookie is a new reader each
 * time, so the address cap is what limits it; it is checked in the insert itself, exact
 * on SQLite, and on PostgreSQL likes sent at the same instant may pass it by a few.
 * Nothing personal is stored in clear.
 */
@Service
public class Likes {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ReaderKeys keys;

	private final ReaderThrottle throttle;

	private final CommentSettings settings;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	Likes(JdbcClient jdbc, Clock clock, ReaderKeys keys, ReaderThrottle throttle, CommentSettings settings,
			ApplicationEventPublisher events, TransactionTemplate transaction) {
		this.events = events;
		this.transaction = transaction;
		this.jdbc = jdbc;
		this.clock = clock;
		this.keys = keys;
		this.throttle = throttle;
		this.settings = settings;
	}

	/**
	 * @param count the article's likes
	 * @param liked whether this reader likes it
	 */
	public record State(int count, boolean liked) {
	}

	/**
	 * Likes the article for this reader; liking twice changes nothing. Durable before
	 * returning.
	 * @param reader the reader cookie's value (see {@link #newReader()}), never null
	 * @param address the client's IP address
	 * @return the article's likes after this one
	 * @throws Throttled when the address sent too many likes
	 */
	public State like(long articleId, String reader, String address) {
		// Before the transaction: on PostgreSQL the rate limit takes a connection of its
		// own,
		// and a transaction waiting for a second connection could drain the pool.
		throttle.like(address);
		return transaction.execute(status -> store(articleId, reader, address));
	}

	private State store(long articleId, String reader, String address) {
		String addressKey = keys.address(address);
		int liked = jdbc.sql("""
				INSERT INTO article_like (article_id, reader, address, created_at)
				SELECT ?, ?, ?, ? WHERE (SELECT COUNT(*) FROM article_like WHERE article_id = ? AND address = ?) < ?
				ON CONFLICT (article_id, reader) DO NOTHING""")
			.params(articleId, ReaderKeys.reader(reader), addressKey, clock.millis(), articleId, addressKey,
					settings.likesPerAddress())
			.update();
		if (liked > 0) {
			// Only the page keys: a like is not written to the change log (no
			// CommentEvent). Likes are the most frequent write readers make, nothing a
			// node
			// derives follows a like but the article's cached pages, which the purge log
			// already evicts on every node, and a log row per like would double the
			// writes on the hot path and grow the log that followers read.
			events.publishEvent(PagesChanged.of(Surrogates.article(articleId)));
		}
		return state(articleId, reader);
	}

	/**
	 * @param reader the reader cookie's value, or null
	 * @return the article's likes, and whether this reader likes it (one query)
	 */
	public State state(long articleId, String reader) {
		String hashed = reader == null ? "" : ReaderKeys.reader(reader);
		return jdbc.sql("""
				SELECT COUNT(*), COALESCE(SUM(CASE WHEN reader = ? THEN 1 ELSE 0 END), 0)
				FROM article_like WHERE article_id = ?""")
			.params(hashed, articleId)
			.query((rs, n) -> new State(rs.getInt(1), rs.getInt(2) > 0))
			.single();
	}

	/**
	 * @return a new reader cookie value (128 random bits, hex)
	 */
	public static String newReader() {
		return ReaderKeys.newReader();
	}

	/**
	 * @return whether a cookie value is a reader id as {@link #newReader()} makes them
	 */
	public static boolean isReader(String value) {
		return ReaderKeys.isReader(value);
	}

}
