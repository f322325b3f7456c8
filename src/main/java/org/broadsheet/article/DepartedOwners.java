package org.broadsheet.article;

import org.broadsheet.account.AccountEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When an account is deleted with an heir, the articles it created become the heir's own
 * (for the workflow's "own article" rules and the newsroom's "mine"), in the deleting
 * transaction. Bylines stay: who wrote a published article stays true.
 */
@Component
class DepartedOwners {

	private final JdbcClient jdbc;

	DepartedOwners(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(AccountEvent event) {
		if (event.what() == AccountEvent.What.DELETED && event.heirId() != null) {
			jdbc.sql("UPDATE article SET created_by = ? WHERE created_by = ?")
				.params(event.heirId(), event.subjectId())
				.update();
		}
	}

}
