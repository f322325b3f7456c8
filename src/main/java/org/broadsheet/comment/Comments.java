package org.broadsheet.comment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Readers' comments on articles. */
@Service
public class Comments {

	static final String COLUMNS = "id, article_id, parent_id, author_name, author_email, author_url, body, status, created_at";

	private final JdbcClient jdbc;

	private final Clock clock;

	Comments(JdbcClient jdbc, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Stores a comment, dated now (UTC instant), without moderation rules (demo content, tests).
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

	/** @return the article's approved comments, oldest first */
	public List<Comment> approved(long articleId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM comment WHERE article_id = ? AND status = 'approved' "
				+ "ORDER BY created_at, id").param(articleId).query(Comments::row).list();
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
	public void open(long articleId) {
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
