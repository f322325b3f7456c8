package org.broadsheet.article;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the trash ({@code article.trashed_at}), of the addresses of purged articles
 * ({@code article_gone}) and of when articles left the site ({@code article.left_at}).
 * Instants are epoch milliseconds.
 */
@Repository
class TrashStore {

	private final JdbcClient jdbc;

	TrashStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Moves the article to the trash, off the site: it becomes a draft with nothing
	 * scheduled.
	 * @param neverPublic its publication instant was only a schedule: forget it
	 */
	void trash(long id, long now, boolean neverPublic) {
		jdbc.sql("""
				UPDATE article SET trashed_at = ?, status = 'draft',
				  published_at = CASE WHEN ? THEN NULL ELSE published_at END,
				  go_live_at = NULL, scheduled_revision_id = NULL, unpublish_at = NULL WHERE id = ?""")
			.params(now, neverPublic, id)
			.update();
	}

	/**
	 * @return whether the article was in the trash; it is a draft again
	 */
	boolean restore(long id) {
		return jdbc
			.sql("UPDATE article SET trashed_at = NULL, status = 'draft' WHERE id = ? AND trashed_at IS NOT NULL")
			.param(id)
			.update() == 1;
	}

	/**
	 * @return the trashed articles, most recently trashed first
	 */
	List<TrashedArticle> list(long retentionMillis) {
		return jdbc.sql(
				"SELECT id, title, trashed_at FROM article WHERE trashed_at IS NOT NULL ORDER BY trashed_at DESC, id DESC")
			.query((rs, n) -> new TrashedArticle(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
					Instant.ofEpochMilli(rs.getLong(3) + retentionMillis)))
			.list();
	}

	/**
	 * @return the trashed articles trashed at or before {@code cutoff}, oldest first
	 * (indexed)
	 */
	List<Long> due(long cutoff, int limit) {
		return jdbc.sql("SELECT id FROM article WHERE trashed_at <= ? ORDER BY trashed_at, id LIMIT ?")
			.params(cutoff, limit)
			.query(Long.class)
			.list();
	}

	/**
	 * Remembers the addresses of a trashed article that was public (its own and its
	 * former ones), so that they answer 410 Gone once it is purged; nothing for an
	 * article not trashed at or before {@code cutoff}.
	 */
	void rememberGone(long id, long cutoff, long now) {
		jdbc.sql("""
				INSERT INTO article_gone (section_slug, slug, gone_at)
				SELECT s.slug, a.slug, ? FROM article a JOIN section s ON s.id = a.section_id
				WHERE a.id = ? AND a.trashed_at <= ? AND a.published_at IS NOT NULL AND a.published_at <= ?
				UNION SELECT r.section_slug, r.slug, ? FROM article_redirect r JOIN article a ON a.id = r.article_id
				WHERE r.article_id = ? AND a.trashed_at <= ? AND a.published_at IS NOT NULL AND a.published_at <= ?
				ON CONFLICT (section_slug, slug) DO UPDATE SET gone_at = excluded.gone_at""")
			.params(now, id, cutoff, now, now, id, cutoff, now)
			.update();
	}

	/**
	 * Deletes a trashed article with its revisions, authorship, tags, redirects, comments
	 * and corrections, if it was trashed at or before {@code cutoff}: with several nodes
	 * purging, exactly one deletes it.
	 * @return whether this call deleted it
	 */
	boolean purge(long id, long cutoff) {
		return jdbc.sql("DELETE FROM article WHERE id = ? AND trashed_at <= ?").params(id, cutoff).update() == 1;
	}

	/** Dates the article's leaving the site, which moves feeds' Last-Modified forward. */
	void left(long id, long now) {
		jdbc.sql("UPDATE article SET left_at = ? WHERE id = ?").params(now, id).update();
	}

}
