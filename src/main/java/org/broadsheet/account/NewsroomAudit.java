package org.broadsheet.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who did what in the newsroom outside articles (whose history is the article module's):
 * one entry per changed comment, section, tag, author or account, naming an account or a
 * {@link SystemActor}. Written in the caller's transaction, so it holds exactly the
 * committed changes.
 */
@Repository
public class NewsroomAudit {

	/** A reader's comment ({@code comment.id}). */
	public static final String COMMENT = "comment";

	/** An article's discussion, opened or closed ({@code article.id}). */
	public static final String ARTICLE = "article";

	/** A section ({@code section.id}). */
	public static final String SECTION = "section";

	/** A tag ({@code tag.id}). */
	public static final String TAG = "tag";

	/** An author's profile ({@code author.id}). */
	public static final String AUTHOR = "author";

	/** A static page ({@code page.id}). */
	public static final String PAGE = "page";

	/** A newsroom account ({@code account.id}). */
	public static final String ACCOUNT = "account";

	/** An Admin API key ({@code api_key.id}). */
	public static final String API_KEY = "api-key";

	/** An image of the media library ({@code image.id}). */
	public static final String IMAGE = "image";

	/** A Content API key ({@code content_key.id}). */
	public static final String CONTENT_KEY = "content-key";

	/** A webhook subscription ({@code webhook_subscription.id}). */
	public static final String WEBHOOK = "webhook";

	/**
	 * A newsletter subscriber ({@code subscriber.id}); an import of a list is one entry
	 * with id 0. Details never hold an address, so the trail outlives a deleted
	 * subscriber's data.
	 */
	public static final String SUBSCRIBER = "subscriber";

	/** A newsletter send ({@code newsletter_send.id}). */
	public static final String NEWSLETTER_SEND = "newsletter-send";

	/** A newsletter list's cadence ({@code newsletter_list.id}). */
	public static final String NEWSLETTER_LIST = "newsletter-list";

	/** The site settings (their one row, id 1). */
	public static final String SETTINGS = "settings";

	private final JdbcClient jdbc;

	private final Clock clock;

	NewsroomAudit(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records one change at the clock's current instant (UTC epoch milliseconds in the
	 * table).
	 * @param subject what kind of thing changed: one of this class's constants, at most
	 * 20 characters
	 * @param subjectId its id
	 * @param actor who changed it
	 * @param action what was done, at most 30 characters, e.g. {@code approved},
	 * {@code renamed}
	 * @param detail e.g. the former status or name; may be null
	 * @throws IllegalStateException for a subject or action that does not fit its column
	 * (a bug, not input)
	 */
	public void record(String subject, long subjectId, Actor actor, String action, String detail) {
		if (subject == null || subject.isEmpty() || subject.length() > 20 || action == null || action.isEmpty()
				|| action.length() > 30) {
			throw new IllegalStateException(
					"an audit entry needs a subject (≤ 20) and an action (≤ 30): " + subject + ", " + action);
		}
		jdbc.sql("""
				INSERT INTO newsroom_audit (subject, subject_id, account_id, api_key_id, actor, action, at, detail)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(subject, subjectId, actor.accountId(), actor.apiKeyId(),
					actor.accountId() == null ? actor.label() : null, action, clock.millis(), detail)
			.update();
	}

	/**
	 * @param subject one of this class's constants
	 * @param subjectId its id
	 * @return the subject's entries, oldest first, each naming who (an account's current
	 * display name, or the system actor); empty when there are none
	 */
	public List<NewsroomAuditEntry> trail(String subject, long subjectId) {
		return jdbc.sql("""
				SELECT l.account_id, COALESCE(a.display_name, l.actor), l.action, l.at, l.detail, k.name
				FROM newsroom_audit l LEFT JOIN account a ON a.id = l.account_id
				LEFT JOIN api_key k ON k.id = l.api_key_id
				WHERE l.subject = ? AND l.subject_id = ? ORDER BY l.at, l.id""")
			.params(subject, subjectId)
			.query((rs, n) -> {
				long account = rs.getLong(1);
				return new NewsroomAuditEntry(rs.wasNull() ? null : account,
						ApiKeyActor.who(rs.getString(2), rs.getString(6)), rs.getString(3),
						Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5));
			})
			.list();
	}

}
