package org.broadsheet.comment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Readers' comments on articles. */
@Service
public class Comments {

	private final JdbcClient jdbc;

	private final Clock clock;

	Comments(JdbcClient jdbc, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Stores a comment, dated now (UTC instant).
	 *
	 * @param status whether readers see it ({@link CommentStatus#APPROVED}) or it waits for moderation
	 * @throws IllegalArgumentException naming the field, when the name or the text is blank
	 */
	public Comment add(long articleId, String authorName, String body, CommentStatus status) {
		if (authorName == null || authorName.isBlank()) {
			throw new IllegalArgumentException("name: a comment needs a name");
		}
		if (body == null || body.isBlank()) {
			throw new IllegalArgumentException("text: a comment needs some text");
		}
		Instant now = clock.instant();
		long id = jdbc.sql("""
				INSERT INTO comment (article_id, author_name, body, status, created_at)
				VALUES (?, ?, ?, ?, ?) RETURNING id""")
			.params(articleId, authorName.strip(), body, status.name().toLowerCase(Locale.ROOT), now.toEpochMilli())
			.query(Long.class).single();
		return new Comment(id, articleId, authorName.strip(), body, status, now);
	}

	/** @return the article's approved comments, oldest first */
	public List<Comment> approved(long articleId) {
		return jdbc.sql("""
				SELECT id, article_id, author_name, body, status, created_at FROM comment
				WHERE article_id = ? AND status = 'approved' ORDER BY created_at, id""")
			.param(articleId)
			.query((rs, n) -> new Comment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					CommentStatus.valueOf(rs.getString(5).toUpperCase(Locale.ROOT)), Instant.ofEpochMilli(rs.getLong(6))))
			.list();
	}

}
