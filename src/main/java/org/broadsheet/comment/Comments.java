package org.broadsheet.comment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Readers' comments on articles: posting under the moderation and anti-spam rules of
 * {@link CommentSettings}, and the threads readers see.
 */
@Service
public class Comments {


	static final String COLUMNS = "id, article_id, parent_id, author_name, author_email, author_url, body, status, created_at";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final CommentSettings settings;

	private final ReaderKeys keys;

	private final ReaderThrottle throttle;

	Comments(JdbcClient jdbc, Optional<Clock> clock, CommentSettings settings, ReaderKeys keys,
			ReaderThrottle throttle) {
		this.jdbc = jdbc;
		this.clock = clock.orElse(Clock.systemUTC());
		this.settings = settings;
		this.keys = keys;
		this.throttle = throttle;
	}

	/** @return the token a comment form on that article carries, dated now */
	public String formToken(long articleId) {
		return keys.formToken(articleId);
	}

	/**
	 * @param publishedAt the article's publication instant (UTC)
	 * @return whether readers may comment on the article now: not closed by an editor, and not
	 *         older than the setting {@code close-after-days}
	 */
	public boolean isOpen(long articleId, Instant publishedAt) {
		if (settings.closeAfterDays() > 0
				&& publishedAt.plus(Duration.ofDays(settings.closeAfterDays())).isBefore(clock.instant())) {
			return false;
		}
		return !closedByEditor(articleId);
	}

	/**
	 * Stores a reader's comment, durably before returning. Its status follows the rules: words on
	 * the blocklist → spam; more links than allowed, or the first comment from an email → held
	 * (pending); else approved. The same text sent twice by the same email is stored once.
	 *
	 * @param publishedAt the article's publication instant (UTC), for automatic closing
	 * @return the stored comment
	 * @throws CommentRejected closed (nothing stored) or invalid input, naming the fields
	 * @throws Throttled when the client address sent too many comments
	 */
	@Transactional
	public Comment post(NewComment input, Instant publishedAt) {
		if (!isOpen(input.articleId(), publishedAt)) {
			throw new CommentRejected(CommentRejected.Reason.CLOSED, Map.of("form", "comment.error.closed"));
		}
		if (input.honeypot() != null && !input.honeypot().isEmpty()) {
			throw CommentRejected.invalid(Map.of("form", "comment.error.bot"));
		}
		var age = keys.formAge(input.formToken(), input.articleId());
		if (age.isEmpty() || age.get().compareTo(settings.maxFormAge()) > 0) {
			throw CommentRejected.invalid(Map.of("form", "comment.error.expired"));
		}
		if (age.get().compareTo(settings.minFillTime()) < 0) {
			throw CommentRejected.invalid(Map.of("form", "comment.error.fast"));
		}
		Map<String, String> problems = new LinkedHashMap<>();
		var fields = CommentFields.check(input.name(), input.email(), input.website(), input.text(),
				settings.maxLength(), true, problems);
		if (input.parentId() != null && !replyable(input.articleId(), input.parentId())) {
			problems.put("parent", "comment.error.parent");
		}
		if (!problems.isEmpty()) {
			throw CommentRejected.invalid(problems);
		}
		throttle.comment(input.address());
		String name = fields.name();
		String normalEmail = fields.email();
		String website = fields.website();
		String text = fields.text();
		var same = jdbc.sql("SELECT " + COLUMNS + " FROM comment WHERE article_id = ? AND author_email = ? AND body = ?")
			.params(input.articleId(), normalEmail, text).query(Comments::row).list();
		if (!same.isEmpty()) {
			return same.get(0);
		}
		CommentStatus status = judge(name, normalEmail, website, text);
		Instant now = clock.instant();
		long id = jdbc.sql("""
				INSERT INTO comment (article_id, parent_id, author_name, author_email, author_url, body, status,
				                     created_at, commenter)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(input.articleId(), input.parentId(), name, normalEmail, website, text, status.key(), now.toEpochMilli(),
					ReaderKeys.reader(input.reader()))
			.query(Long.class).single();
		return new Comment(id, input.articleId(), input.parentId(), name, normalEmail, website, text, status, now);
	}

	/**
	 * One page of the article's comments: the approved ones, and the held ones of this reader.
	 *
	 * @param reader the reader cookie's value, or null
	 * @param page 1-based; past the last page gives the last page
	 */
	@Transactional(readOnly = true)
	public CommentThread thread(long articleId, String reader, int page, boolean newestFirst) {
		String commenter = ReaderKeys.reader(reader);
		List<Comment> all = jdbc.sql("SELECT " + COLUMNS + " FROM comment WHERE article_id = ? AND (status = 'approved'"
				+ " OR (status = 'pending' AND commenter = ?)) ORDER BY created_at, id")
			.params(articleId, commenter == null ? "" : commenter).query(Comments::row).list();
		Map<Long, Comment> byId = new HashMap<>();
		Map<Long, List<Comment>> replies = new HashMap<>();
		all.forEach(c -> byId.put(c.id(), c));
		List<Comment> roots = new ArrayList<>();
		for (Comment c : all) {
			if (c.parentId() != null && byId.containsKey(c.parentId())) {
				replies.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
			}
			else {
				roots.add(c);
			}
		}
		if (newestFirst) {
			roots.sort(Comparator.comparing(Comment::createdAt).thenComparing(Comment::id).reversed());
		}
		int size = settings.threadsPerPage();
		int pageCount = Math.max(1, (roots.size() + size - 1) / size);
		int current = Math.min(Math.max(page, 1), pageCount);
		List<CommentThread.Item> items = new ArrayList<>();
		for (Comment root : roots.subList(Math.min(roots.size(), (current - 1) * size),
				Math.min(roots.size(), current * size))) {
			flatten(root, null, 0, replies, items);
		}
		int approved = (int) all.stream().filter(c -> c.status() == CommentStatus.APPROVED).count();
		return new CommentThread(items, approved, current, pageCount, newestFirst);
	}

	private void flatten(Comment comment, Comment parent, int depth, Map<Long, List<Comment>> replies,
			List<CommentThread.Item> items) {
		int shown = Math.min(depth, settings.maxDepth());
		items.add(new CommentThread.Item(comment, shown, parent, comment.status() == CommentStatus.PENDING,
				comment.status() == CommentStatus.APPROVED && shown < settings.maxDepth()));
		for (Comment reply : replies.getOrDefault(comment.id(), List.of())) {
			flatten(reply, comment, depth + 1, replies, items);
		}
	}

	/** @return the number of approved comments on the article */
	public int approvedCount(long articleId) {
		return jdbc.sql("SELECT COUNT(*) FROM comment WHERE article_id = ? AND status = 'approved'").param(articleId)
			.query(Integer.class).single();
	}

	private boolean replyable(long articleId, long parentId) {
		return jdbc.sql("SELECT COUNT(*) FROM comment WHERE id = ? AND article_id = ? AND status = 'approved'")
			.params(parentId, articleId).query(Integer.class).single() > 0;
	}

	private CommentStatus judge(String name, String email, String website, String text) {
		String all = String.join("\n", name, email, website == null ? "" : website, text).toLowerCase(Locale.ROOT);
		if (settings.blocklist().stream().anyMatch(all::contains)) {
			return CommentStatus.SPAM;
		}
		if (CommentText.linkCount(text) > settings.maxLinks()) {
			return CommentStatus.PENDING;
		}
		if (settings.holdFirst() && jdbc.sql("SELECT COUNT(*) FROM comment WHERE author_email = ? AND status = 'approved'")
			.param(email).query(Integer.class).single() == 0) {
			return CommentStatus.PENDING;
		}
		return CommentStatus.APPROVED;
	}

	/**
	 * Stores a comment, dated now (UTC instant), without moderation rules or anti-spam checks (for
	 * tests and tools; readers post through {@link #post(NewComment, Instant)}).
	 *
	 * @param status whether readers see it ({@link CommentStatus#APPROVED}) or it waits for moderation
	 * @throws IllegalArgumentException naming the field, when the name or the text is blank
	 */
	public Comment add(long articleId, String authorName, String body, CommentStatus status) {
		requireText("name", authorName);
		requireText("text", body);
		Instant now = clock.instant();
		long id = jdbc.sql("""
				INSERT INTO comment (article_id, author_name, body, status, created_at)
				VALUES (?, ?, ?, ?, ?) RETURNING id""")
			.params(articleId, authorName.strip(), body, status.key(), now.toEpochMilli())
			.query(Long.class).single();
		return new Comment(id, articleId, null, authorName.strip(), null, null, body, status, now);
	}

	/**
	 * Stores an imported comment, or updates the one restored before under the same import key.
	 *
	 * @return the comment's id
	 * @throws IllegalArgumentException naming the field: blank name or text, or a parent not restored
	 */
	public long restore(ImportedComment comment) {
		requireText("name", comment.authorName());
		requireText("text", comment.body());
		requireText("importKey", comment.importKey());
		Long parentId = null;
		if (comment.parentImportKey() != null) {
			parentId = jdbc.sql("SELECT id FROM comment WHERE import_key = ?").param(comment.parentImportKey())
				.query(Long.class).optional()
				.orElseThrow(() -> new IllegalArgumentException("parent: no comment imported as " + comment.parentImportKey()));
		}
		return jdbc.sql("""
				INSERT INTO comment (article_id, parent_id, author_name, author_email, author_url, body, status,
				                     created_at, import_key)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (import_key) DO UPDATE SET article_id = excluded.article_id, parent_id = excluded.parent_id,
				  author_name = excluded.author_name, author_email = excluded.author_email,
				  author_url = excluded.author_url, body = excluded.body, status = excluded.status,
				  created_at = excluded.created_at
				RETURNING id""")
			.params(comment.articleId(), parentId, comment.authorName().strip(), comment.authorEmail(),
					comment.authorUrl(), comment.body(), comment.status().key(), comment.createdAt().toEpochMilli(),
					comment.importKey())
			.query(Long.class).single();
	}

	/** @return every comment on the article whatever its status, oldest first (parents before replies) */
	public List<Comment> all(long articleId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM comment WHERE article_id = ? ORDER BY created_at, id")
			.param(articleId).query(Comments::row).list();
	}

	/** Closes the article's comments (idempotent): readers can no longer post, existing ones stay. */
	public void close(long articleId) {
		jdbc.sql("INSERT INTO comments_closed (article_id, closed_at) VALUES (?, ?) ON CONFLICT (article_id) DO NOTHING")
			.params(articleId, clock.millis()).update();
	}

	/** Opens the article's comments again, if an editor closed them (idempotent). */
	public void reopen(long articleId) {
		jdbc.sql("DELETE FROM comments_closed WHERE article_id = ?").param(articleId).update();
	}

	/** @return whether an editor (or an import) closed this article's comments */
	public boolean closedByEditor(long articleId) {
		return jdbc.sql("SELECT COUNT(*) FROM comments_closed WHERE article_id = ?").param(articleId)
			.query(Integer.class).single() > 0;
	}

	static Comment row(ResultSet rs, int n) throws SQLException {
		long parent = rs.getLong(3);
		return new Comment(rs.getLong(1), rs.getLong(2), rs.wasNull() ? null : parent, rs.getString(4),
				rs.getString(5), rs.getString(6), rs.getString(7), CommentStatus.of(rs.getString(8)),
				Instant.ofEpochMilli(rs.getLong(9)));
	}

	private static void requireText(String field, String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(field + ": " + switch (field) {
				case "name" -> "a comment needs a name";
				case "text" -> "a comment needs some text";
				default -> "required";
			});
		}
	}

}
