package org.broadsheet.article;

import java.time.Instant;
import java.util.List;

import org.broadsheet.account.Actor;
import org.broadsheet.account.ApiKeyActor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who did what to which article, when: one entry per use case, kept when the article is
 * deleted. An entry names an account, or a system actor (the scheduler, an import, the
 * demo).
 */
@Repository
class AuditLog {

	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param at the UTC instant, in epoch milliseconds
	 * @param detail e.g. the scheduled instant or the restored revision; may be null
	 */
	void record(long articleId, Actor actor, String action, long at, String detail) {
		jdbc.sql("""
				INSERT INTO audit_log (article_id, account_id, api_key_id, actor, action, at, detail)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(articleId, actor.accountId(), actor.apiKeyId(), actor.accountId() == null ? actor.label() : null,
					action, at, detail)
			.update();
	}

	/**
	 * @return the article's entries, oldest first, each naming who (an account's current
	 * display name)
	 */
	List<AuditEntry> trail(long articleId) {
		return jdbc.sql("""
				SELECT l.account_id, COALESCE(a.display_name, l.actor), l.action, l.at, l.detail, k.name
				FROM audit_log l LEFT JOIN account a ON a.id = l.account_id LEFT JOIN api_key k ON k.id = l.api_key_id
				WHERE l.article_id = ? ORDER BY l.at, l.id""").param(articleId).query((rs, n) -> {
			long account = rs.getLong(1);
			return new AuditEntry(rs.wasNull() ? null : account, ApiKeyActor.who(rs.getString(2), rs.getString(6)),
					rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5));
		}).list();
	}

}
