package org.broadsheet.author;

import java.util.HashSet;
import java.util.Set;

import org.broadsheet.account.AccountEvent;
import org.broadsheet.account.Accounts;
import org.broadsheet.account.NewsroomAudit;
import org.broadsheet.account.SystemActor;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Authors whose account was deleted: the author of the account's display name (bylines
 * find authors by name) is marked former staff in the deleting transaction, audited
 * {@code former-staff} on the author. Bylines and the author page keep the name.
 */
@Component
public class FormerStaff {

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final NewsroomAudit audit;

	FormerStaff(JdbcClient jdbc, Accounts accounts, NewsroomAudit audit) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.audit = audit;
	}

	@EventListener
	void on(AccountEvent event) {
		if (event.what() != AccountEvent.What.DELETED) {
			return;
		}
		accounts.byId(event.subjectId()).ifPresent(account -> {
			var ids = jdbc.sql("SELECT id FROM author WHERE LOWER(name) = LOWER(?) AND former_staff = FALSE")
				.param(account.displayName())
				.query(Long.class)
				.list();
			for (long id : ids) {
				jdbc.sql("UPDATE author SET former_staff = TRUE WHERE id = ?").param(id).update();
				audit.record(NewsroomAudit.AUTHOR, id, new SystemActor("account-deletion"), "former-staff",
						account.displayName());
			}
		});
	}

	/**
	 * @return the ids of the authors marked former staff
	 */
	public Set<Long> ids() {
		return new HashSet<>(jdbc.sql("SELECT id FROM author WHERE former_staff = TRUE").query(Long.class).list());
	}

}
