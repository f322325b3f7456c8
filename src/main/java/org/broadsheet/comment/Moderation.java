package org.broadsheet.comment;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.broadsheet.account.Actor;
import org.broadsheet.account.NewsroomAudit;
import org.broadsheet.account.Permission;
import org.broadsheet.delivery.PagesChanged;
import org.broadsheet.delivery.Surrogates;
import org.broadsheet.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The newsroom's moderation of readers' comments; editors and administrators only. Every
 * use case checks {@link Permission#MODERATE_COMMENTS}, changes the comments, writes one
 * {@link NewsroomAudit} entry per comment (or article) it changed, publishes one
 * {@link CommentEvent} per comment (or article) for the change log, and one
 * {@link PagesChanged} for the pages showing them.
 */
@Service
public class Moderation {

	/** What a moderator does to comments. */
	public enum Action {

		APPROVE, REJECT, SPAM, DELETE

	}

	/**
	 * @param items newest first
	 * @param counts comments in each status, for the queue's tabs
	 */
	public record Queue(List<Comment> items, CommentStatus status, int page, int pageCount,
			Map<CommentStatus, Integer> counts) {
	}

	private final JdbcClient jdbc;

	private final CommentSettings settings;

	private final Comments comments;

	private final ApplicationEventPublisher events;

	private final NewsroomAudit audit;

	Moderation(JdbcClient jdbc, CommentSettings settings, Comments comments, ApplicationEventPublisher events,
			NewsroomAudit audit) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.comments = comments;
		this.events = events;
		this.audit = audit;
	}

	/**
	 * Closes or reopens an article's comments (idempotent), audited as
	 * {@code comments-closed} or {@code comments-opened} on the subject {@code article}.
	 * @throws AccessDeniedException unless the actor is an editor or above
	 * @throws NotFound when there is no such article
	 */
	@Transactional
	public void setClosed(Actor actor, long articleId, boolean closed) {
		Permission.MODERATE_COMMENTS.require(actor);
		if (jdbc.sql("SELECT COUNT(*) FROM article WHERE id = ?").param(articleId).query(Integer.class).single() == 0) {
			throw new NotFound("article", articleId);
		}
		if (closed) {
			comments.close(articleId);
		}
		else {
			comments.reopen(articleId);
		}
		audit.record(NewsroomAudit.ARTICLE, articleId, actor, closed ? "comments-closed" : "comments-opened", null);
		events.publishEvent(PagesChanged.of(Surrogates.article(articleId)));
		events.publishEvent(new CommentEvent.DiscussionChanged(articleId, closed));
	}

	/**
	 * @param page 1-based, of {@code size} comments; past the last page gives the last
	 * page
	 * @throws AccessDeniedException unless the actor is an editor or above
	 */
	@Transactional(readOnly = true)
	public Queue queue(Actor actor, CommentStatus status, int page, int size) {
		Permission.MODERATE_COMMENTS.require(actor);
		Map<CommentStatus, Integer> counts = new EnumMap<>(CommentStatus.class);
		for (CommentStatus s : CommentStatus.values()) {
			counts.put(s, 0);
		}
		jdbc.sql("SELECT status, COUNT(*) FROM comment GROUP BY status").query(rs -> {
			counts.put(CommentStatus.of(rs.getString(1)), rs.getInt(2));
		});
		int pageCount = Math.max(1, (counts.get(status) + size - 1) / size);
		page = Math.min(Math.max(page, 1), pageCount);
		var items = jdbc
			.sql("SELECT " + Comments.COLUMNS + " FROM comment WHERE status = ? "
					+ "ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")
			.params(status.key(), size, (long) (Math.max(page, 1) - 1) * size)
			.query(Comments::row)
			.list();
		return new Queue(items, status, page, pageCount, counts);
	}

	/**
	 * Applies one action to every listed comment (those that no longer exist are
	 * skipped). Deleting a comment deletes its replies too. Each comment changed gets one
	 * audit entry: {@code approved}, {@code rejected} or {@code spam} with its former
	 * status as detail, or {@code deleted} (a reply deleted with its thread has
	 * {@code with-thread} as detail).
	 * @return how many listed comments were changed
	 * @throws AccessDeniedException unless the actor is an editor or above
	 */
	@Transactional
	public int apply(Actor actor, Action action, List<Long> ids) {
		Permission.MODERATE_COMMENTS.require(actor);
		if (ids.isEmpty()) {
			return 0;
		}
		var listed = new HashSet<>(ids);
		Map<Long, String> before = new LinkedHashMap<>();
		String affected = action == Action.DELETE ? """
				WITH RECURSIVE thread (id) AS (SELECT id FROM comment WHERE id IN (:ids)
				  UNION SELECT c.id FROM comment c JOIN thread t ON c.parent_id = t.id)
				SELECT c.id, c.status FROM comment c JOIN thread t ON t.id = c.id ORDER BY c.id"""
				: "SELECT id, status FROM comment WHERE id IN (:ids) ORDER BY id";
		jdbc.sql(affected).param("ids", ids).query(rs -> {
			before.put(rs.getLong(1), rs.getString(2));
		});
		pagesShowing(ids);
		int changed = switch (action) {
			case DELETE -> jdbc.sql("DELETE FROM comment WHERE id IN (:ids)").param("ids", ids).update();
			case APPROVE -> status(ids, CommentStatus.APPROVED);
			case REJECT -> status(ids, CommentStatus.REJECTED);
			case SPAM -> status(ids, CommentStatus.SPAM);
		};
		String done = switch (action) {
			case DELETE -> "deleted";
			case APPROVE -> "approved";
			case REJECT -> "rejected";
			case SPAM -> "spam";
		};
		before.forEach((id, status) -> {
			audit.record(NewsroomAudit.COMMENT, id, actor, done,
					action == Action.DELETE ? (listed.contains(id) ? null : "with-thread") : status);
			events.publishEvent(
					new CommentEvent.CommentChanged(id, CommentEvent.What.valueOf(done.toUpperCase(Locale.ROOT))));
		});
		return changed;
	}

	/**
	 * @return the comment, for the edit form
	 * @throws AccessDeniedException unless the actor is an editor or above
	 */
	public Optional<Comment> find(Actor actor, long id) {
		Permission.MODERATE_COMMENTS.require(actor);
		return jdbc.sql("SELECT " + Comments.COLUMNS + " FROM comment WHERE id = ?")
			.param(id)
			.query(Comments::row)
			.optional();
	}

	/**
	 * Corrects a comment's name, email, website and text, checked as a reader's are,
	 * except that the email may be left empty (imported comments may have none).
	 *
	 * <p>
	 * Audited as {@code edited}; an id that names no comment changes nothing and is not
	 * audited.
	 * @throws CommentRejected naming the fields at fault; nothing is changed then
	 * @throws AccessDeniedException unless the actor is an editor or above
	 */
	@Transactional
	public void edit(Actor actor, long id, String name, String email, String website, String text) {
		Permission.MODERATE_COMMENTS.require(actor);
		Map<String, String> problems = new LinkedHashMap<>();
		var fields = CommentFields.check(name, email, website, text, settings.maxLength(), false, problems);
		if (!problems.isEmpty()) {
			throw CommentRejected.invalid(problems);
		}
		pagesShowing(List.of(id));
		int updated = jdbc
			.sql("UPDATE comment SET author_name = ?, author_email = ?, author_url = ?, body = ? WHERE id = ?")
			.params(fields.name(), fields.email().isEmpty() ? null : fields.email(), fields.website(), fields.text(),
					id)
			.update();
		if (updated > 0) {
			audit.record(NewsroomAudit.COMMENT, id, actor, "edited", null);
			events.publishEvent(new CommentEvent.CommentChanged(id, CommentEvent.What.EDITED));
		}
	}

	/**
	 * The pages of the articles these comments are on change (their threads, their
	 * counts).
	 */
	private void pagesShowing(List<Long> commentIds) {
		var keys = new HashSet<String>();
		jdbc.sql("SELECT DISTINCT article_id FROM comment WHERE id IN (:ids)")
			.param("ids", commentIds)
			.query(Long.class)
			.list()
			.forEach(articleId -> keys.add(Surrogates.article(articleId)));
		if (!keys.isEmpty()) {
			events.publishEvent(new PagesChanged(keys));
		}
	}

	private int status(List<Long> ids, CommentStatus status) {
		return jdbc.sql("UPDATE comment SET status = :status WHERE id IN (:ids)")
			.param("status", status.key())
			.param("ids", ids)
			.update();
	}

}
