package org.broadsheet.comment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.broadsheet.delivery.PagesChanged;
import org.broadsheet.delivery.Surrogates;
import org.broadsheet.settings.SettingsStore;
import org.broadsheet.shared.InvalidInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Readers' comments on articles: posting under the moderation and anti-spam rules of
 * {@link CommentSettings}, and the threads readers see.
 */
@Service
public class Comments {

	/** A reply sent again within this time is a double click, not a new comment. */
	private static final Duration DOUBLE_SUBMIT = Duration.ofMinutes(10);

	static final String COLUMNS = "id, article_id, parent_id, author_name, author_email, author_url, body, status, created_at";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final CommentSettings defaults;

	private final SettingsStore saved;

	private final ReaderKeys keys;

	private final ReaderThrottle throttle;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher events;

	/** The blocklist compiled from its words, rebuilt when the words change. */
	private volatile Map.Entry<List<String>, Blocklist> blocklist;

	Comments(JdbcClient jdbc, Clock clock, CommentSettings settings, SettingsStore saved, ReaderKeys keys,
			ReaderThrottle throttle, TransactionTemplate transaction, ApplicationEventPublisher events) {
		this.events = events;
		this.transaction = transaction;
		this.blocklist = Map.entry(settings.blocklist(), new Blocklist(settings.blocklist()));
		this.jdbc = jdbc;
		this.clock = clock;
		this.defaults = settings;
		this.saved = saved;
		this.keys = keys;
		this.throttle = throttle;
	}

	/**
	 * @return the token a comment form on that article carries, dated now
	 */
	public String formToken(long articleId) {
		return keys.formToken(articleId);
	}

	/**
	 * @param publishedAt the article's publication instant (UTC)
	 * @return whether readers may comment on the article now: not closed by an editor,
	 * and not older than the setting {@code close-after-days}
	 */
	public boolean isOpen(long articleId, Instant publishedAt) {
		if (settings().closeAfterDays() > 0
				&& publishedAt.plus(Duration.ofDays(settings().closeAfterDays())).isBefore(clock.instant())) {
			return false;
		}
		return !closedByEditor(articleId);
	}

	/**
	 * Stores a reader's comment, durably before returning. Every attempt counts against
	 * the address's rate limit. Its status follows the rules: a word on the blocklist →
	 * spam; more links than allowed, or the first comment from an email → held (pending);
	 * else approved. The same reply sent again by the same reader within ten minutes (a
	 * double click) returns the first one instead of storing a copy. A form token is
	 * spent by its comment: another comment with the same token is refused (the page's
	 * next form has a new one).
	 * @param publishedAt the article's publication instant (UTC), for automatic closing
	 * @return the stored comment
	 * @throws CommentRejected closed (nothing stored) or invalid input, naming the fields
	 * @throws Throttled when the client address sent too many comments
	 */
	public Comment post(NewComment input, Instant publishedAt) {
		if (!isOpen(input.articleId(), publishedAt)) {
			throw new CommentRejected(CommentRejected.Reason.CLOSED, Map.of("form", "comment.error.closed"));
		}
		throttle.comment(input.address());
		if (input.honeypot() != null && !input.honeypot().isEmpty()) {
			throw CommentRejected.invalid(Map.of("form", "comment.error.bot"));
		}
		var age = keys.formAge(input.formToken(), input.articleId());
		if (age.isEmpty() || age.get().compareTo(settings().maxFormAge()) > 0) {
			throw CommentRejected.invalid(Map.of("form", "comment.error.expired"));
		}
		if (age.get().compareTo(settings().minFillTime()) < 0) {
			throw CommentRejected.invalid(Map.of("form", "comment.error.fast"));
		}
		Map<String, String> problems = new LinkedHashMap<>();
		var fields = CommentFields.check(input.name(), input.email(), input.website(), input.text(),
				settings().maxLength(), true, problems);
		if (input.parentId() != null && find(input.articleId(), input.parentId()).isEmpty()) {
			problems.put("parent", "comment.error.parent");
		}
		if (!problems.isEmpty()) {
			throw CommentRejected.invalid(problems);
		}
		String commenter = ReaderKeys.reader(input.reader());
		var sent = sentWith(input.formToken(), commenter, fields.text(), input.parentId());
		if (sent.isPresent()) {
			return sent.get();
		}
		CommentStatus status = judge(fields);
		// Only the write takes SQLite's write lock; refused attempts never do.
		return transaction.execute(tx -> {
			Instant now = clock.instant();
			var again = jdbc
				.sql("SELECT " + COLUMNS + " FROM comment WHERE article_id = ? AND commenter = ? AND body = ?" + " AND "
						+ (input.parentId() == null ? "parent_id IS NULL" : "parent_id = " + input.parentId())
						+ " AND created_at > ?")
				.params(input.articleId(), commenter == null ? "" : commenter, fields.text(),
						now.minus(DOUBLE_SUBMIT).toEpochMilli())
				.query(Comments::row)
				.list();
			if (!again.isEmpty()) {
				return again.get(0);
			}
			var inserted = jdbc.sql("""
					INSERT INTO comment (article_id, parent_id, author_name, author_email, author_url, body, status,
					                     created_at, commenter, form_token)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (form_token) DO NOTHING RETURNING id""")
				.params(input.articleId(), input.parentId(), fields.name(), fields.email(), fields.website(),
						fields.text(), status.key(), now.toEpochMilli(), commenter, input.formToken())
				.query(Long.class)
				.optional();
			if (inserted.isEmpty()) {
				// Another request spent the token meanwhile (PostgreSQL: a double click's
				// twin).
				return sentWith(input.formToken(), commenter, fields.text(), input.parentId()).orElseThrow();
			}
			long id = inserted.get();
			if (status == CommentStatus.APPROVED) {
				events.publishEvent(PagesChanged.of(Surrogates.article(input.articleId())));
			}
			events.publishEvent(new CommentEvent.CommentChanged(id, CommentEvent.What.POSTED));
			return new Comment(id, input.articleId(), input.parentId(), fields.name(), fields.email(), fields.website(),
					fields.text(), status, now);
		});
	}

	/**
	 * A form token is good for one comment: the comment already sent with it, if it is
	 * this one (same reader, text and parent: a double click), else refused.
	 * @return the comment sent with {@code token}, or empty when the token is unspent
	 * @throws CommentRejected naming {@code form} when the token was spent on another
	 * comment
	 */
	private Optional<Comment> sentWith(String token, String commenter, String text, Long parentId) {
		record Sent(Comment comment, String commenter) {
		}
		var sent = jdbc.sql("SELECT " + COLUMNS + ", commenter FROM comment WHERE form_token = ?")
			.param(token)
			.query((rs, n) -> new Sent(row(rs, n), rs.getString(10)))
			.optional();
		if (sent.isEmpty()) {
			return Optional.empty();
		}
		Comment first = sent.get().comment();
		if (Objects.equals(sent.get().commenter(), commenter) && first.body().equals(text)
				&& Objects.equals(first.parentId(), parentId)) {
			return Optional.of(first);
		}
		throw CommentRejected.invalid(Map.of("form", "comment.error.formUsed"));
	}

	/**
	 * @return the approved comment with that id on that article
	 */
	public Optional<Comment> find(long articleId, long commentId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM comment WHERE id = ? AND article_id = ? AND status = 'approved'")
			.params(commentId, articleId)
			.query(Comments::row)
			.optional();
	}

	/**
	 * One page of the article's comments: the approved ones, and the held ones of this
	 * reader.
	 * @param reader the reader cookie's value, or null
	 * @param page 1-based; past the last page gives the last page
	 */
	@Transactional(readOnly = true)
	public CommentThread thread(long articleId, String reader, int page, boolean newestFirst) {
		var visible = visible(articleId, reader, newestFirst);
		int size = settings().threadsPerPage();
		int pageCount = Math.max(1, (visible.roots().size() + size - 1) / size);
		int current = Math.min(Math.max(page, 1), pageCount);
		List<CommentThread.Item> items = new ArrayList<>();
		for (Comment root : visible.roots()
			.subList(Math.min(visible.roots().size(), (current - 1) * size),
					Math.min(visible.roots().size(), current * size))) {
			flatten(root, visible.replies(), items);
		}
		return new CommentThread(items, visible.approved(), current, pageCount, newestFirst);
	}

	/**
	 * @param reader the reader cookie's value, or null
	 * @return the page (oldest first) on which this reader finds the comment, 1 if not
	 * visible
	 */
	@Transactional(readOnly = true)
	public int pageOf(long articleId, long commentId, String reader) {
		var visible = visible(articleId, reader, false);
		Map<Long, Comment> byId = new HashMap<>();
		visible.roots().forEach(c -> byId.put(c.id(), c));
		visible.replies().values().forEach(list -> list.forEach(c -> byId.put(c.id(), c)));
		Comment c = byId.get(commentId);
		while (c != null && c.parentId() != null && byId.containsKey(c.parentId())) {
			c = byId.get(c.parentId());
		}
		int index = c == null ? 0 : visible.roots().indexOf(c);
		return Math.max(index, 0) / settings().threadsPerPage() + 1;
	}

	/**
	 * The comments a reader sees: threads in order, replies by parent id (oldest first).
	 */
	private record Visible(List<Comment> roots, Map<Long, List<Comment>> replies, int approved) {
	}

	private Visible visible(long articleId, String reader, boolean newestFirst) {
		String commenter = ReaderKeys.reader(reader);
		List<Comment> all = jdbc
			.sql("SELECT " + COLUMNS + " FROM comment WHERE article_id = ? AND (status = 'approved'"
					+ " OR (status = 'pending' AND commenter = ?)) ORDER BY created_at, id")
			.params(articleId, commenter == null ? "" : commenter)
			.query(Comments::row)
			.list();
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
		int approved = (int) all.stream().filter(c -> c.status() == CommentStatus.APPROVED).count();
		return new Visible(roots, replies, approved);
	}

	/**
	 * Depth first, without recursion: a chain of replies of any length cannot overflow
	 * the stack.
	 */
	private void flatten(Comment root, Map<Long, List<Comment>> replies, List<CommentThread.Item> items) {
		record Step(Comment comment, Comment parent, int depth) {
		}
		var stack = new ArrayDeque<Step>();
		stack.push(new Step(root, null, 0));
		while (!stack.isEmpty()) {
			Step step = stack.pop();
			int shown = Math.min(step.depth(), settings().maxDepth());
			Comment c = step.comment();
			items.add(new CommentThread.Item(c, shown, step.parent(), c.status() == CommentStatus.PENDING,
					c.status() == CommentStatus.APPROVED && shown < settings().maxDepth()));
			List<Comment> children = replies.getOrDefault(c.id(), List.of());
			for (int i = children.size() - 1; i >= 0; i--) {
				stack.push(new Step(children.get(i), c, step.depth() + 1));
			}
		}
	}

	/**
	 * @return the number of approved comments on the article
	 */
	public int approvedCount(long articleId) {
		return jdbc.sql("SELECT COUNT(*) FROM comment WHERE article_id = ? AND status = 'approved'")
			.param(articleId)
			.query(Integer.class)
			.single();
	}

	/**
	 * @return the settings in force: the properties, with what administrators saved
	 */
	CommentSettings settings() {
		return defaults.overriddenBy(saved.current());
	}

	private Blocklist blocklist() {
		var words = settings().blocklist();
		var compiled = blocklist;
		if (!compiled.getKey().equals(words)) {
			compiled = Map.entry(words, new Blocklist(words));
			blocklist = compiled;
		}
		return compiled.getValue();
	}

	/**
	 * @return whether a word of the blocklist is in the name, email, website or text
	 */
	boolean blocklisted(CommentFields fields) {
		return blocklist().matches(fields.name(), fields.email(), fields.website(), fields.text());
	}

	private CommentStatus judge(CommentFields fields) {
		if (blocklisted(fields)) {
			return CommentStatus.SPAM;
		}
		if (CommentText.linkCount(fields.text()) > settings().maxLinks()) {
			return CommentStatus.PENDING;
		}
		if (settings().holdFirst()
				&& jdbc.sql("SELECT COUNT(*) FROM comment WHERE author_email = ? AND status = 'approved'")
					.param(fields.email())
					.query(Integer.class)
					.single() == 0) {
			return CommentStatus.PENDING;
		}
		return CommentStatus.APPROVED;
	}

	/**
	 * Stores a comment, dated now (UTC instant), without moderation rules or anti-spam
	 * checks (for tests and tools; readers post through
	 * {@link #post(NewComment, Instant)}).
	 * @param status whether readers see it ({@link CommentStatus#APPROVED}) or it waits
	 * for moderation
	 * @throws IllegalArgumentException naming the field, when the name or the text is
	 * blank
	 */
	public Comment add(long articleId, String authorName, String body, CommentStatus status) {
		requireText("name", authorName);
		requireText("text", body);
		Instant now = clock.instant();
		long id = jdbc.sql("""
				INSERT INTO comment (article_id, author_name, body, status, created_at)
				VALUES (?, ?, ?, ?, ?) RETURNING id""")
			.params(articleId, authorName.strip(), body, status.key(), now.toEpochMilli())
			.query(Long.class)
			.single();
		events.publishEvent(PagesChanged.of(Surrogates.article(articleId)));
		events.publishEvent(new CommentEvent.CommentChanged(id, CommentEvent.What.POSTED));
		return new Comment(id, articleId, null, authorName.strip(), null, null, body, status, now);
	}

	/** What {@link #restore} did. */
	public enum Restored {

		CREATED, UPDATED, UNCHANGED

	}

	/**
	 * Stores an imported comment, or updates the one restored before under the same
	 * import key (unless nothing changed: then nothing is written). A website that is not
	 * an http(s) address readers could safely follow is dropped.
	 * @return what was done
	 * @throws IllegalArgumentException naming the field: blank name or text, or a parent
	 * not restored
	 */
	public Restored restore(ImportedComment comment) {
		requireText("name", comment.authorName());
		requireText("text", comment.body());
		requireText("importKey", comment.importKey());
		Long parentId = null;
		if (comment.parentImportKey() != null) {
			parentId = jdbc.sql("SELECT id FROM comment WHERE import_key = ?")
				.param(comment.parentImportKey())
				.query(Long.class)
				.optional()
				.orElseThrow(
						() -> new InvalidInput("parent", "comment.invalid.parent-import", comment.parentImportKey()));
		}
		String website = comment.authorUrl() == null ? null : CommentFields.website(comment.authorUrl().strip());
		var existing = jdbc.sql("SELECT " + COLUMNS + " FROM comment WHERE import_key = ?")
			.param(comment.importKey())
			.query(Comments::row)
			.optional();
		var wanted = new Comment(existing.map(Comment::id).orElse(0L), comment.articleId(), parentId,
				comment.authorName().strip(), comment.authorEmail(), website, comment.body(), comment.status(),
				Instant.ofEpochMilli(comment.createdAt().toEpochMilli()));
		if (existing.isPresent() && existing.get().equals(wanted)) {
			return Restored.UNCHANGED;
		}
		events.publishEvent(PagesChanged.of(Surrogates.article(comment.articleId())));
		long id = jdbc.sql("""
				INSERT INTO comment (article_id, parent_id, author_name, author_email, author_url, body, status,
				                     created_at, import_key)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (import_key) DO UPDATE SET article_id = excluded.article_id, parent_id = excluded.parent_id,
				  author_name = excluded.author_name, author_email = excluded.author_email,
				  author_url = excluded.author_url, body = excluded.body, status = excluded.status,
				  created_at = excluded.created_at RETURNING id""")
			.params(wanted.articleId(), parentId, wanted.authorName(), wanted.authorEmail(), website, wanted.body(),
					wanted.status().key(), wanted.createdAt().toEpochMilli(), comment.importKey())
			.query(Long.class)
			.single();
		events.publishEvent(new CommentEvent.CommentChanged(id, CommentEvent.What.IMPORTED));
		return existing.isPresent() ? Restored.UPDATED : Restored.CREATED;
	}

	/**
	 * @return every comment on the article whatever its status, oldest first (parents
	 * before replies)
	 */
	public List<Comment> all(long articleId) {
		return allOf(List.of(articleId)).getOrDefault(articleId, List.of());
	}

	/**
	 * @return every comment on these articles whatever its status, by article id, each
	 * list oldest first (one query; articles without comments are left out)
	 */
	public Map<Long, List<Comment>> allOf(Collection<Long> articleIds) {
		Map<Long, List<Comment>> byArticle = new HashMap<>();
		if (!articleIds.isEmpty()) {
			jdbc.sql("SELECT " + COLUMNS + " FROM comment WHERE article_id IN (:ids) ORDER BY created_at, id")
				.param("ids", articleIds)
				.query(Comments::row)
				.list()
				.forEach(c -> byArticle.computeIfAbsent(c.articleId(), k -> new ArrayList<>()).add(c));
		}
		return byArticle;
	}

	/**
	 * @return those of these articles whose comments an editor (or an import) closed (one
	 * query)
	 */
	public Set<Long> closedAmong(Collection<Long> articleIds) {
		return articleIds.isEmpty() ? Set.of()
				: new HashSet<>(jdbc.sql("SELECT article_id FROM comments_closed WHERE article_id IN (:ids)")
					.param("ids", articleIds)
					.query(Long.class)
					.list());
	}

	/**
	 * Closes the article's comments (idempotent): readers can no longer post, existing
	 * ones stay.
	 */
	public void close(long articleId) {
		jdbc.sql(
				"INSERT INTO comments_closed (article_id, closed_at) VALUES (?, ?) ON CONFLICT (article_id) DO NOTHING")
			.params(articleId, clock.millis())
			.update();
	}

	/** Opens the article's comments again, if an editor closed them (idempotent). */
	public void reopen(long articleId) {
		jdbc.sql("DELETE FROM comments_closed WHERE article_id = ?").param(articleId).update();
	}

	/**
	 * @return whether an editor (or an import) closed this article's comments
	 */
	public boolean closedByEditor(long articleId) {
		return jdbc.sql("SELECT COUNT(*) FROM comments_closed WHERE article_id = ?")
			.param(articleId)
			.query(Integer.class)
			.single() > 0;
	}

	static Comment row(ResultSet rs, int n) throws SQLException {
		long parent = rs.getLong(3);
		Long parentId = rs.wasNull() ? null : parent;
		return new Comment(rs.getLong(1), rs.getLong(2), parentId, rs.getString(4), rs.getString(5), rs.getString(6),
				rs.getString(7), CommentStatus.of(rs.getString(8)), Instant.ofEpochMilli(rs.getLong(9)));
	}

	private static void requireText(String field, String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidInput(field, switch (field) {
				case "name" -> "comment.invalid.name-required";
				case "text" -> "comment.invalid.text-required";
				default -> "comment.invalid.required";
			});
		}
	}

}
