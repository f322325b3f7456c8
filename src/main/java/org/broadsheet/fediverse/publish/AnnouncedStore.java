package org.broadsheet.fediverse.publish;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code fediverse_article} rows (migration V47): articles announced with a
 * {@code Create} and not deleted since.
 */
@Repository
class AnnouncedStore {

	/**
	 * @param articleId the article
	 * @param objectId its {@code Article} object's id
	 * @param createId the {@code Create} activity's id
	 * @param sender the actor that signed it
	 * @param actorKeys every actor whose followers got it
	 * @param createdAt UTC epoch ms
	 */
	record Announced(long articleId, String objectId, String createId, String sender, List<String> actorKeys,
			long createdAt) {
	}

	private final JdbcClient jdbc;

	AnnouncedStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void save(Announced row) {
		jdbc.sql("""
				INSERT INTO fediverse_article (article_id, object_id, create_id, sender, actor_keys, created_at)
				VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET object_id = EXCLUDED.object_id,
				create_id = EXCLUDED.create_id, sender = EXCLUDED.sender, actor_keys = EXCLUDED.actor_keys,
				created_at = EXCLUDED.created_at""")
			.params(row.articleId(), row.objectId(), row.createId(), row.sender(), String.join(" ", row.actorKeys()),
					row.createdAt())
			.update();
	}

	Optional<Announced> find(long articleId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM fediverse_article WHERE article_id = ?")
			.param(articleId)
			.query(AnnouncedStore::row)
			.optional();
	}

	void remove(long articleId) {
		jdbc.sql("DELETE FROM fediverse_article WHERE article_id = ?").param(articleId).update();
	}

	/**
	 * @param actorKey an actor
	 * @param before keyset: only rows before this (created_at, article_id), or null for
	 * the newest
	 * @param limit rows at most
	 * @return the articles whose followers included {@code actorKey}'s, newest first
	 */
	List<Announced> page(String actorKey, long[] before, int limit) {
		String keyset = before == null ? "" : " AND (created_at < :at OR (created_at = :at AND article_id < :id))";
		var sql = jdbc
			.sql("SELECT " + COLUMNS + " FROM fediverse_article WHERE (' ' || actor_keys || ' ') LIKE :key" + keyset
					+ " ORDER BY created_at DESC, article_id DESC LIMIT :limit")
			.param("key", "% " + actorKey + " %")
			.param("limit", limit);
		if (before != null) {
			sql = sql.param("at", before[0]).param("id", before[1]);
		}
		return sql.query(AnnouncedStore::row).list();
	}

	long count(String actorKey) {
		return jdbc.sql("SELECT COUNT(*) FROM fediverse_article WHERE (' ' || actor_keys || ' ') LIKE ?")
			.param("% " + actorKey + " %")
			.query(Long.class)
			.single();
	}

	private static final String COLUMNS = "article_id, object_id, create_id, sender, actor_keys, created_at";

	private static Announced row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Announced(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
				Arrays.asList(rs.getString(5).split(" ")), rs.getLong(6));
	}

}
