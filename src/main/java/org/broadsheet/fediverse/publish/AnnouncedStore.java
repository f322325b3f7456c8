package org.broadsheet.fediverse.publish;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code fediverse_article} rows (migrations V47, V50): articles announced with a
 * {@code Create} (and an {@code Announce} by the publication and section actors) and not
 * deleted since.
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
	 * @param announcers the actors ({@code site}, {@code section:<id>}) that sent an
	 * {@code Announce} of it to their followers; empty for rows from before V50
	 */
	record Announced(long articleId, String objectId, String createId, String sender, List<String> actorKeys,
			long createdAt, List<String> announcers) {
	}

	/** Which actors' outboxes list a row. */
	enum Listing {

		/** Actors whose followers got the {@code Create} (authors). */
		CREATES("actor_keys"),
		/** Actors that sent an {@code Announce} (the publication, sections). */
		ANNOUNCES("announcers");

		private final String column;

		Listing(String column) {
			this.column = column;
		}

	}

	private final JdbcClient jdbc;

	AnnouncedStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void save(Announced row) {
		jdbc.sql("""
				INSERT INTO fediverse_article (article_id, object_id, create_id, sender, actor_keys, created_at,
				announcers) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET
				object_id = EXCLUDED.object_id, create_id = EXCLUDED.create_id, sender = EXCLUDED.sender,
				actor_keys = EXCLUDED.actor_keys, created_at = EXCLUDED.created_at, announcers = EXCLUDED.announcers""")
			.params(row.articleId(), row.objectId(), row.createId(), row.sender(), String.join(" ", row.actorKeys()),
					row.createdAt(), String.join(" ", row.announcers()))
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
	 * @param listing which column names the actor
	 * @param actorKey an actor
	 * @param before keyset: only rows before this (created_at, article_id), or null for
	 * the newest
	 * @param limit rows at most
	 * @return the articles whose followers included {@code actorKey}'s
	 * ({@link Listing#CREATES}) or that it announced ({@link Listing#ANNOUNCES}), newest
	 * first
	 */
	List<Announced> page(Listing listing, String actorKey, long[] before, int limit) {
		String keyset = before == null ? "" : " AND (created_at < :at OR (created_at = :at AND article_id < :id))";
		var sql = jdbc
			.sql("SELECT " + COLUMNS + " FROM fediverse_article WHERE (' ' || " + listing.column + " || ' ') LIKE :key"
					+ keyset + " ORDER BY created_at DESC, article_id DESC LIMIT :limit")
			.param("key", "% " + actorKey + " %")
			.param("limit", limit);
		if (before != null) {
			sql = sql.param("at", before[0]).param("id", before[1]);
		}
		return sql.query(AnnouncedStore::row).list();
	}

	long count(Listing listing, String actorKey) {
		return jdbc.sql("SELECT COUNT(*) FROM fediverse_article WHERE (' ' || " + listing.column + " || ' ') LIKE ?")
			.param("% " + actorKey + " %")
			.query(Long.class)
			.single();
	}

	private static final String COLUMNS = "article_id, object_id, create_id, sender, actor_keys, created_at, announcers";

	private static Announced row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Announced(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), words(rs.getString(5)),
				rs.getLong(6), words(rs.getString(7)));
	}

	private static List<String> words(String value) {
		return value == null || value.isBlank() ? List.of() : Arrays.asList(value.strip().split(" "));
	}

}
