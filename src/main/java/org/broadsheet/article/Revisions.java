package org.broadsheet.article;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/** Revisions (JSON snapshots of {@link ArticleDraft}) and the audit log. */
@Repository
class Revisions {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Revisions(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Stores a revision and makes it the article's latest; @return its id */
	long add(long articleId, Long accountId, ArticleDraft draft, long at) {
		long id = jdbc.sql("""
				INSERT INTO article_revision (article_id, account_id, created_at, snapshot) VALUES (?, ?, ?, ?)
				RETURNING id""")
			.params(articleId, accountId, at, json.writeValueAsString(draft)).query(Long.class).single();
		jdbc.sql("UPDATE article SET latest_revision_id = ? WHERE id = ?").params(id, articleId).update();
		return id;
	}

	void markLive(long articleId, long revisionId) {
		jdbc.sql("UPDATE article SET live_revision_id = ? WHERE id = ?").params(revisionId, articleId).update();
	}

	Optional<Revision> find(long articleId, long revisionId) {
		return jdbc.sql("SELECT id, article_id, account_id, created_at, snapshot FROM article_revision "
				+ "WHERE id = ? AND article_id = ?")
			.params(revisionId, articleId).query((rs, n) -> revision(rs)).optional();
	}

	/** @return the article's revisions, newest first */
	List<Revision> list(long articleId) {
		return jdbc.sql("SELECT id, article_id, account_id, created_at, snapshot FROM article_revision "
				+ "WHERE article_id = ? ORDER BY id DESC")
			.param(articleId).query((rs, n) -> revision(rs)).list();
	}

	/**
	 * @return live and latest revision ids, created_by and status of an article, with its row locked
	 *         for the rest of the transaction: a no-op UPDATE takes PostgreSQL's row lock (SQLite's
	 *         IMMEDIATE transactions hold the database lock already), so the scheduler and an
	 *         editor never act on the same stale state
	 */
	Optional<State> lockedState(long articleId) {
		jdbc.sql("UPDATE article SET status = status WHERE id = ?").param(articleId).update();
		return state(articleId);
	}

	/** @return live and latest revision ids, created_by and status of an article */
	Optional<State> state(long articleId) {
		return jdbc.sql("SELECT status, created_by, live_revision_id, latest_revision_id, go_live_at FROM article WHERE id = ?")
			.param(articleId)
			.query((rs, n) -> new State(ArticleStatus.ofCode(rs.getString(1)), nullableLong(rs, 2), nullableLong(rs, 3),
					nullableLong(rs, 4), nullableLong(rs, 5)))
			.optional();
	}

	record State(ArticleStatus status, Long createdBy, Long liveRevision, Long latestRevision, Long goLiveAt) {

		boolean hasUnpublishedChanges() {
			return status.live() && latestRevision != null && !latestRevision.equals(liveRevision);
		}

	}

	void audit(long articleId, Long accountId, String action, long at, String detail) {
		jdbc.sql("INSERT INTO audit_log (article_id, account_id, action, at, detail) VALUES (?, ?, ?, ?, ?)")
			.params(articleId, accountId, action, at, detail).update();
	}

	/** @return the article's audit entries, oldest first */
	List<AuditEntry> auditTrail(long articleId) {
		return jdbc.sql("SELECT account_id, action, at, detail FROM audit_log WHERE article_id = ? ORDER BY at, id")
			.param(articleId)
			.query((rs, n) -> new AuditEntry(nullableLong(rs, 1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
					rs.getString(4)))
			.list();
	}

	private Revision revision(ResultSet rs) throws SQLException {
		return new Revision(rs.getLong(1), rs.getLong(2), nullableLong(rs, 3), Instant.ofEpochMilli(rs.getLong(4)),
				json.readValue(rs.getString(5), ArticleDraft.class));
	}

	private static Long nullableLong(ResultSet rs, int column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

}
