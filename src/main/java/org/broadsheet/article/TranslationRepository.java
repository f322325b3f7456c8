package org.broadsheet.article;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for translation groups ({@code translation_group}, {@code article_translation}):
 * which group an article is in, who else is in it, and moving articles between groups.
 */
@Repository
class TranslationRepository {

	private static final String MEMBERS = """
			SELECT a.id, a.title, a.language, a.status, s.slug, a.slug FROM article_translation t
			JOIN article_translation m ON m.group_id = t.group_id
			JOIN article a ON a.id = m.article_id JOIN section s ON s.id = a.section_id
			WHERE t.article_id = :id""";

	private final JdbcClient jdbc;

	TranslationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return the group the article is in, if any
	 */
	Optional<Long> group(long articleId) {
		return jdbc.sql("SELECT group_id FROM article_translation WHERE article_id = ?")
			.param(articleId)
			.query(Long.class)
			.optional();
	}

	/**
	 * @return every article of the article's group, itself included, by language then id;
	 * empty when it is in none
	 */
	List<Translation> members(long articleId) {
		return jdbc.sql(MEMBERS + " ORDER BY COALESCE(a.language, ''), a.id")
			.param("id", articleId)
			.query(this::translation)
			.list();
	}

	/**
	 * @param now epoch milliseconds
	 * @return the public articles of the article's group (published, their instant come),
	 * itself included if public, by language then id
	 */
	List<Translation> publicMembers(long articleId, long now) {
		return jdbc
			.sql(MEMBERS
					+ " AND a.status = 'published' AND a.published_at <= :now ORDER BY COALESCE(a.language, ''), a.id")
			.param("id", articleId)
			.param("now", now)
			.query(this::translation)
			.list();
	}

	/**
	 * @return the ids of the articles in the article's group, itself included; empty when
	 * it is in none
	 */
	List<Long> memberIds(long articleId) {
		return jdbc.sql("""
				SELECT m.article_id FROM article_translation t JOIN article_translation m ON m.group_id = t.group_id
				WHERE t.article_id = ? ORDER BY m.article_id""").param(articleId).query(Long.class).list();
	}

	/**
	 * @return the most recently changed articles outside the article's group (and not the
	 * article itself), newest first, at most {@code limit}
	 */
	List<Translation> candidates(long articleId, int limit) {
		return jdbc.sql("""
				SELECT a.id, a.title, a.language, a.status, s.slug, a.slug FROM article a
				JOIN section s ON s.id = a.section_id
				WHERE a.id <> :id AND a.id NOT IN (
				    SELECT m.article_id FROM article_translation t JOIN article_translation m ON m.group_id = t.group_id
				    WHERE t.article_id = :id)
				ORDER BY a.updated_at DESC, a.id DESC LIMIT :limit""")
			.param("id", articleId)
			.param("limit", limit)
			.query(this::translation)
			.list();
	}

	/**
	 * @return the id of a new, empty group
	 */
	long newGroup() {
		return jdbc.sql("INSERT INTO translation_group DEFAULT VALUES RETURNING id").query(Long.class).single();
	}

	/** Puts the article in {@code group}, leaving the group it was in. */
	void join(long articleId, long group) {
		jdbc.sql("""
				INSERT INTO article_translation (article_id, group_id) VALUES (?, ?)
				ON CONFLICT (article_id) DO UPDATE SET group_id = excluded.group_id""")
			.params(articleId, group)
			.update();
	}

	/**
	 * Moves every article of group {@code from} into group {@code to}, and drops
	 * {@code from}.
	 */
	void merge(long from, long to) {
		jdbc.sql("UPDATE article_translation SET group_id = ? WHERE group_id = ?").params(to, from).update();
		jdbc.sql("DELETE FROM translation_group WHERE id = ?").param(from).update();
	}

	/**
	 * Takes the article out of its group; a group left with one article is dropped.
	 */
	void leave(long articleId, long group) {
		jdbc.sql("DELETE FROM article_translation WHERE article_id = ?").param(articleId).update();
		int left = jdbc.sql("SELECT COUNT(*) FROM article_translation WHERE group_id = ?")
			.param(group)
			.query(Integer.class)
			.single();
		if (left < 2) {
			jdbc.sql("DELETE FROM article_translation WHERE group_id = ?").param(group).update();
			jdbc.sql("DELETE FROM translation_group WHERE id = ?").param(group).update();
		}
	}

	private Translation translation(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Translation(rs.getLong(1), rs.getString(2), rs.getString(3), ArticleStatus.ofCode(rs.getString(4)),
				rs.getString(5), rs.getString(6));
	}

}
