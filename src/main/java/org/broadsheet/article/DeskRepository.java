package org.broadsheet.article;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.broadsheet.account.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The editorial desk's storage: staff-only notes ({@code article_note}), the note an
 * article was last sent back with ({@code article.sent_back_note_id}) and the front-page
 * flags ({@code article.sticky}, {@code article.breaking}).
 */
@Repository
class DeskRepository {

	private static final String NOTE_COLUMNS = "SELECT n.id, n.article_id, n.account_id, "
			+ "COALESCE(a.display_name, n.actor), n.kind, n.body, n.at FROM article_note n "
			+ "LEFT JOIN account a ON a.id = n.account_id ";

	private final JdbcClient jdbc;

	DeskRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param at the UTC instant, in epoch milliseconds
	 * @return the new note's id
	 */
	long addNote(long articleId, Actor actor, String kind, String text, long at) {
		return jdbc.sql("""
				INSERT INTO article_note (article_id, account_id, actor, kind, body, at) VALUES (?, ?, ?, ?, ?, ?)
				RETURNING id""")
			.params(articleId, actor.accountId(), actor.accountId() == null ? actor.label() : null, kind, text, at)
			.query(Long.class)
			.single();
	}

	/**
	 * @return the article's notes, oldest first
	 */
	List<ArticleNote> notes(long articleId) {
		return jdbc.sql(NOTE_COLUMNS + "WHERE n.article_id = ? ORDER BY n.at, n.id")
			.param(articleId)
			.query((rs, n) -> note(rs))
			.list();
	}

	/**
	 * @param noteId the sent-back note, or null once the writer submitted the article
	 * again
	 */
	void setSentBack(long articleId, Long noteId) {
		jdbc.sql("UPDATE article SET sent_back_note_id = ? WHERE id = ?").params(noteId, articleId).update();
	}

	/**
	 * @return for each of these articles that is a draft sent back to its writer, the
	 * note it was sent back with
	 */
	Map<Long, ArticleNote> sentBack(Collection<Long> articleIds) {
		Map<Long, ArticleNote> out = new HashMap<>();
		if (articleIds.isEmpty()) {
			return out;
		}
		jdbc.sql(NOTE_COLUMNS + "JOIN article r ON r.sent_back_note_id = n.id "
				+ "WHERE r.status = 'draft' AND r.id IN (:ids)")
			.param("ids", articleIds)
			.query((rs, n) -> note(rs))
			.list()
			.forEach(note -> out.put(note.articleId(), note));
		return out;
	}

	Optional<FrontPageFlags> flags(long articleId) {
		return jdbc.sql("SELECT sticky, breaking FROM article WHERE id = ?")
			.param(articleId)
			.query((rs, n) -> new FrontPageFlags(rs.getBoolean(1), rs.getBoolean(2)))
			.optional();
	}

	Map<Long, FrontPageFlags> flags(Collection<Long> articleIds) {
		Map<Long, FrontPageFlags> out = new HashMap<>();
		if (!articleIds.isEmpty()) {
			jdbc.sql("SELECT id, sticky, breaking FROM article WHERE id IN (:ids)")
				.param("ids", articleIds)
				.query((rs, n) -> out.put(rs.getLong(1), new FrontPageFlags(rs.getBoolean(2), rs.getBoolean(3))))
				.list();
		}
		return out;
	}

	void setFlags(long articleId, FrontPageFlags flags) {
		jdbc.sql("UPDATE article SET sticky = ?, breaking = ? WHERE id = ?")
			.params(flags.pinned(), flags.breaking(), articleId)
			.update();
	}

	/**
	 * @param now the UTC instant, in epoch milliseconds
	 * @return public articles flagged as breaking news, newest first
	 */
	List<ArticleRow> breaking(long now, int limit) {
		return jdbc
			.sql("SELECT " + ArticleRow.TEASER_COLUMNS + " FROM article a WHERE a.breaking = TRUE "
					+ "AND a.status = 'published' AND a.published_at <= ? ORDER BY a.published_at DESC, a.id DESC "
					+ "LIMIT ?")
			.params(now, limit)
			.query(ArticleRow.class)
			.list();
	}

	private static ArticleNote note(ResultSet rs) throws SQLException {
		long account = rs.getLong(3);
		return new ArticleNote(rs.getLong(1), rs.getLong(2), rs.wasNull() ? null : account, rs.getString(4),
				rs.getString(5), rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)));
	}

}
