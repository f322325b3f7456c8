package org.broadsheet.article;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/**
 * The revision store: every save of an article is a revision, a JSON snapshot of its
 * {@link ArticleDraft}. Which revision is latest, live or scheduled is the article row's
 * ({@link ArticleRepository}); who did what is the {@link AuditLog}'s.
 */
@Repository
class Revisions {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Revisions(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * @param accountId the account that saved it, or null for a system actor
	 * @param at the UTC instant, in epoch milliseconds
	 * @return the new revision's id
	 */
	long add(long articleId, Long accountId, ArticleDraft draft, long at) {
		return jdbc.sql("""
				INSERT INTO article_revision (article_id, account_id, created_at, snapshot) VALUES (?, ?, ?, ?)
				RETURNING id""")
			.params(articleId, accountId, at, json.writeValueAsString(draft))
			.query(Long.class)
			.single();
	}

	Optional<Revision> find(long articleId, long revisionId) {
		return jdbc
			.sql("SELECT id, article_id, account_id, created_at, snapshot FROM article_revision "
					+ "WHERE id = ? AND article_id = ?")
			.params(revisionId, articleId)
			.query((rs, n) -> revision(rs))
			.optional();
	}

	/**
	 * @return the article's revisions, newest first
	 */
	List<Revision> list(long articleId) {
		return jdbc
			.sql("SELECT id, article_id, account_id, created_at, snapshot FROM article_revision "
					+ "WHERE article_id = ? ORDER BY id DESC")
			.param(articleId)
			.query((rs, n) -> revision(rs))
			.list();
	}

	private Revision revision(ResultSet rs) throws SQLException {
		long account = rs.getLong(3);
		Long accountId = rs.wasNull() ? null : account;
		return new Revision(rs.getLong(1), rs.getLong(2), accountId, Instant.ofEpochMilli(rs.getLong(4)),
				json.readValue(rs.getString(5), ArticleDraft.class));
	}

}
