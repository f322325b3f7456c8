package org.broadsheet.newsletter.digest;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.broadsheet.newsletter.ListKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code newsletter_list} rows (migration V44): a list without a row is sent each
 * article. Runs in the caller's transaction.
 */
@Repository
class CadenceStore {

	private final JdbcClient jdbc;

	CadenceStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Sets a list's cadence (two editors at once: the last one wins).
	 * @return the row's id
	 */
	long set(ListKey list, Cadence cadence, long now) {
		return jdbc.sql("""
				INSERT INTO newsletter_list (list_key, cadence, updated_at) VALUES (?, ?, ?)
				ON CONFLICT (list_key) DO UPDATE SET cadence = excluded.cadence, updated_at = excluded.updated_at
				RETURNING id""").params(list.toString(), cadence.key(), now).query(Long.class).single();
	}

	/**
	 * @return the cadence of every list that has a row, by list key
	 */
	Map<String, Cadence> all() {
		var cadences = new LinkedHashMap<String, Cadence>();
		jdbc.sql("SELECT list_key, cadence FROM newsletter_list ORDER BY list_key").query(rs -> {
			cadences.put(rs.getString(1), Cadence.parse("cadence", rs.getString(2)));
		});
		return cadences;
	}

	/**
	 * @return which of {@code keys} are sent as digests
	 */
	List<String> digestsAmong(Collection<String> keys) {
		if (keys.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT list_key FROM newsletter_list WHERE cadence <> 'article' AND list_key IN (:keys)")
			.param("keys", List.copyOf(keys))
			.query(String.class)
			.list();
	}

	/**
	 * @return the digest lists with their cadence and when it was set (epoch ms)
	 */
	List<DigestList> digests() {
		return jdbc.sql("""
				SELECT list_key, cadence, updated_at FROM newsletter_list WHERE cadence IN ('daily', 'weekly')
				ORDER BY list_key""")
			.query((rs, n) -> new DigestList(ListKey.parse("list_key", rs.getString(1)),
					Cadence.parse("cadence", rs.getString(2)), java.time.Instant.ofEpochMilli(rs.getLong(3))))
			.list();
	}

}
