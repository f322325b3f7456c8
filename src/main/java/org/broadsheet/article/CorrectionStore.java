package org.broadsheet.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of {@code article_correction}; instants are epoch milliseconds. */
@Repository
class CorrectionStore {

	private static final String COLUMNS = "id, article_id, kind, placement, body, published_at, edited_at";

	private final JdbcClient jdbc;

	CorrectionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long articleId, Correction.Kind kind, Correction.Placement placement, String text, long at) {
		return jdbc.sql("""
				INSERT INTO article_correction (article_id, kind, placement, body, published_at)
				VALUES (?, ?, ?, ?, ?) RETURNING id""")
			.params(articleId, kind.code(), placement.code(), text, at)
			.query(Long.class)
			.single();
	}

	void update(long id, Correction.Kind kind, Correction.Placement placement, String text, long at) {
		jdbc.sql("UPDATE article_correction SET kind = ?, placement = ?, body = ?, edited_at = ? WHERE id = ?")
			.params(kind.code(), placement.code(), text, at, id)
			.update();
	}

	Optional<Correction> find(long articleId, long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM article_correction WHERE article_id = ? AND id = ?")
			.params(articleId, id)
			.query((rs, n) -> correction(rs))
			.optional();
	}

	/**
	 * @return the corrections of these articles, oldest first, by article id (one query)
	 */
	Map<Long, List<Correction>> of(Collection<Long> articleIds) {
		Map<Long, List<Correction>> result = new LinkedHashMap<>();
		if (articleIds.isEmpty()) {
			return result;
		}
		jdbc.sql("SELECT " + COLUMNS + " FROM article_correction WHERE article_id IN (:ids) ORDER BY published_at, id")
			.param("ids", articleIds)
			.query((rs, n) -> result.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(correction(rs)))
			.list();
		return result;
	}

	/** Dates the article's last change readers see ({@code dateModified}). */
	void touch(long articleId, long at) {
		jdbc.sql("UPDATE article SET updated_at = ? WHERE id = ? AND updated_at < ?")
			.params(at, articleId, at)
			.update();
	}

	private static Correction correction(java.sql.ResultSet rs) throws java.sql.SQLException {
		long edited = rs.getLong(7);
		Instant editedAt = rs.wasNull() ? null : Instant.ofEpochMilli(edited);
		return new Correction(rs.getLong(1), rs.getLong(2), Correction.Kind.of(rs.getString(3)).orElseThrow(),
				Correction.Placement.of(rs.getString(4)).orElseThrow(), rs.getString(5),
				Instant.ofEpochMilli(rs.getLong(6)), editedAt);
	}

}
