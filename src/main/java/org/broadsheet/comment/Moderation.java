package org.broadsheet.comment;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.broadsheet.account.Account;
import org.broadsheet.account.Permission;
import org.broadsheet.delivery.PagesChanged;
import org.broadsheet.delivery.Surrogates;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The newsroom's moderation of readers' comments; editors and administrators only. */
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

	Moderation(JdbcClient jdbc, CommentSettings settings, Comments comments, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.comments = comments;
		this.events = events;
	}

	/**
	 * Closes or reopens an article's comments.
	 *
	 * @throws AccessDeniedException unless the actor is an editor or above
	 */
	@Transactional
	public void setClosed(Account actor, long articleId, boolean closed) {
		Permission.MODERATE_COMMENTS.require(actor);
		events.publishEvent(PagesChanged.of(Surrogates.article(articleId)));
		if (closed) {
			comments.close(articleId);
		}
		else {
			comments.reopen(articleId);
		}
	}

	/**
	 * @param page 1-based, of {@code size} comments; past the last page gives the last page
	 * @throws AccessDeniedException unless the actor is an editor or above
	 */
	@Transactional(readOnly = true)
	public Queue queue(Account actor, CommentStatus status, int page, int size) {
		Permission.MODERATE_COMMENTS.require(actor);
		Map<CommentStatus, Integer> counts = new EnumMap<>(CommentStatus.class);
		for (CommentStatus s : CommentStatus.values()) {
			counts.put(s, 0);
		}
		jdbc.sql("SELECT status, COUNT(*) FROM comment GROUP BY status")
			.query(rs -> {
				counts.put(CommentStatus.of(rs.getString(1)), rs.getInt(2));
			});
		int pageCount = Math.max(1, (counts.get(status) + size - 1) / size);
		page = Math.min(Math.max(page, 1), pageCount);
		var items = jdbc.sql("SELECT " + Comments.COLUMNS + " FROM comment WHERE status = ? "
				+ "ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")
			.params(status.key(), size, (long) (Math.max(page, 1) - 1) * size).query(Comments::row).list();
		return new Queue(items, status, page, pageCount, counts);
	}

	/**
	 * Applies one action to every listed comment (those that no longer exist are skipped).
	 * Deleting a comment deletes its replies too.
	 *
	 * @return how many comments were changed
	 * @throws AccessDeniedException unless the actor is an editor or above
	 */
	@Transactional
	public int apply(Account actor, Action action, List<Long> ids) {
		Permission.MODERATE_COMMENTS.require(actor);
		if (ids.isEmpty()) {
			return 0;
		}
		pagesShowing(ids);
		return switch (action) {
			case DELETE -> jdbc.sql("DELETE FROM comment WHERE id IN (:ids)").param("ids", ids).update();
			case APPROVE -> status(ids, CommentStatus.APPROVED);
			case REJECT -> status(ids, CommentStatus.REJECTED);
			case SPAM -> status(ids, CommentStatus.SPAM);
		};
	}

	/**
	 * @return the comment, for the edit form
	 * @throws AccessDeniedException unless the actor is an editor or above
	 */
	public Optional<Comment> find(Account actor, long id) {
		Permission.MODERATE_COMMENTS.require(actor);
		return jdbc.sql("SELECT " + Comments.COLUMNS + " FROM comment WHERE id = ?").param(id).query(Comments::row)
			.optional();
	}

	/**
	 * Corrects a comment's name, email, website and text, checked as a reader's are, except that
	 * the email may be left empty (imported comments may have none).
	 *
	 * @throws CommentRejected naming the fields at fault; nothing is changed then
	 * @throws AccessDeniedException unless the actor is an editor or above
	 */
	@Transactional
	public void edit(Account actor, long id, String name, String email, String website, String text) {
		Permission.MODERATE_COMMENTS.require(actor);
		Map<String, String> problems = new LinkedHashMap<>();
		var fields = CommentFields.check(name, email, website, text, settings.maxLength(), false, problems);
		if (!problems.isEmpty()) {
			throw CommentRejected.invalid(problems);
		}
		pagesShowing(List.of(id));
		jdbc.sql("UPDATE comment SET author_name = ?, author_email = ?, author_url = ?, body = ? WHERE id = ?")
			.params(fields.name(), fields.email().isEmpty() ? null : fields.email(), fields.website(), fields.text(), id)
			.update();
	}

	/** The pages of the articles these comments are on change (their threads, their counts). */
	private void pagesShowing(List<Long> commentIds) {
		var keys = new HashSet<String>();
		jdbc.sql("SELECT DISTINCT article_id FROM comment WHERE id IN (:ids)").param("ids", commentIds)
			.query(Long.class).list().forEach(articleId -> keys.add(Surrogates.article(articleId)));
		if (!keys.isEmpty()) {
			events.publishEvent(new PagesChanged(keys));
		}
	}

	private int status(List<Long> ids, CommentStatus status) {
		return jdbc.sql("UPDATE comment SET status = :status WHERE id IN (:ids)").param("status", status.key())
			.param("ids", ids).update();
	}

}
