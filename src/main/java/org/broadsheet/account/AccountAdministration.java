package org.broadsheet.account;

import java.time.Clock;
import java.util.Locale;

import org.broadsheet.shared.InvalidInput;
import org.broadsheet.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators change accounts' roles, disable, enable and delete them. Each use case
 * checks {@link Permission#MANAGE_ACCOUNTS}, refuses an administrator's own account and
 * any change that would leave no active administrator ({@link AccountConflict}), writes
 * the {@link NewsroomAudit} (subject {@code account}) and publishes one
 * {@link AccountEvent}. Disabling and deleting end the account's sessions on every node
 * ({@link AccountSessions}) and stop its API keys; a role change reaches its open
 * sessions at their next request.
 */
@Service
public class AccountAdministration {

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final NewsroomAudit audit;

	private final ApplicationEventPublisher events;

	private final Passwords passwords;

	private final Clock clock;

	AccountAdministration(JdbcClient jdbc, Accounts accounts, NewsroomAudit audit, ApplicationEventPublisher events,
			Passwords passwords, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.audit = audit;
		this.events = events;
		this.passwords = passwords;
	}

	/**
	 * Gives an account another role (audited {@code role-changed}, the former role as
	 * detail). The same role changes nothing.
	 * @throws AccessDeniedException unless {@code actor} may manage accounts
	 * @throws NotFound for an unknown or deleted account
	 * @throws AccountConflict (field {@code role}) for the actor's own account or the
	 * last active administrator
	 */
	@Transactional
	public void changeRole(Actor actor, long id, Role role) {
		var before = target(actor, id, "role");
		if (before.account().role() == role) {
			return;
		}
		if (before.account().role() == Role.ADMINISTRATOR) {
			lastAdministrator(before, "role");
		}
		jdbc.sql("UPDATE account SET role = ? WHERE id = ?").params(role.name(), id).update();
		audit.record(NewsroomAudit.ACCOUNT, id, actor, "role-changed",
				lower(before.account().role()) + " → " + lower(role));
		events.publishEvent(new AccountEvent(id, AccountEvent.What.ROLE_CHANGED));
	}

	/**
	 * Disables an account: it cannot sign in, its sessions end, its API keys authenticate
	 * nothing (audited {@code disabled}). A disabled account changes nothing.
	 * @throws AccessDeniedException unless {@code actor} may manage accounts
	 * @throws NotFound for an unknown or deleted account
	 * @throws AccountConflict (field {@code account}) for the actor's own account or the
	 * last active administrator
	 */
	@Transactional
	public void disable(Actor actor, long id) {
		var before = target(actor, id, "account");
		if (!before.active()) {
			return;
		}
		if (before.account().role() == Role.ADMINISTRATOR) {
			lastAdministrator(before, "account");
		}
		jdbc.sql("UPDATE account SET status = 'disabled', session_generation = session_generation + 1 WHERE id = ?")
			.param(id)
			.update();
		audit.record(NewsroomAudit.ACCOUNT, id, actor, "disabled", null);
		events.publishEvent(new AccountEvent(id, AccountEvent.What.DISABLED));
	}

	/**
	 * Enables a disabled account again (audited {@code enabled}); an active one changes
	 * nothing.
	 * @throws AccessDeniedException unless {@code actor} may manage accounts
	 * @throws NotFound for an unknown or deleted account
	 */
	@Transactional
	public void enable(Actor actor, long id) {
		Permission.MANAGE_ACCOUNTS.require(actor);
		var before = accounts.standing(id)
			.filter(s -> s.status() != AccountStatus.DELETED)
			.orElseThrow(() -> new NotFound("account", id));
		if (before.active()) {
			return;
		}
		jdbc.sql("UPDATE account SET status = 'active' WHERE id = ?").param(id).update();
		audit.record(NewsroomAudit.ACCOUNT, id, actor, "enabled", null);
		events.publishEvent(new AccountEvent(id, AccountEvent.What.ENABLED));
	}

	/**
	 * Deletes an account: it can never sign in again, its email is free for a new
	 * account, its API keys are revoked, its two-factor secret and reset links are gone;
	 * the row stays so that history still names it (audited {@code deleted}). Its author
	 * profile (the author of its display name) is marked former staff, so bylines keep
	 * the name. Its articles either stay its own (editors can still edit them) or become
	 * {@code heirId}'s own; bylines are not rewritten in either case: who wrote a
	 * published article stays true.
	 * @param heirId the active account that takes over its articles, or null to keep them
	 * under the deleted account
	 * @throws AccessDeniedException unless {@code actor} may manage accounts
	 * @throws NotFound for an unknown or deleted account
	 * @throws AccountConflict (field {@code account}) for the actor's own account or the
	 * last active administrator
	 * @throws InvalidInput (field {@code heir}) for an heir that is not another active
	 * account
	 */
	@Transactional
	public void delete(Actor actor, long id, Long heirId) {
		var before = target(actor, id, "account");
		if (before.account().role() == Role.ADMINISTRATOR && before.active()) {
			lastAdministrator(before, "account");
		}
		if (heirId != null && (heirId == id || !accounts.standing(heirId).map(Standing::active).orElse(false))) {
			throw new InvalidInput("heir", "account.invalid.heir");
		}
		jdbc.sql("""
				UPDATE account SET status = 'deleted', email = ?, password_hash = ?, totp_secret = NULL,
				  session_generation = session_generation + 1 WHERE id = ?""")
			.params("deleted-" + id + "@deleted.invalid", passwords.unusable(), id)
			.update();
		jdbc.sql("DELETE FROM account_recovery_code WHERE account_id = ?").param(id).update();
		jdbc.sql("DELETE FROM password_reset WHERE account_id = ?").param(id).update();
		jdbc.sql("UPDATE api_key SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL")
			.params(clock.millis(), id)
			.update();
		audit.record(NewsroomAudit.ACCOUNT, id, actor, "deleted",
				heirId == null ? "articles kept" : "articles to account " + heirId);
		events.publishEvent(new AccountEvent(id, AccountEvent.What.DELETED, heirId));
	}

	/**
	 * @return the account to change, not the actor's own, not deleted
	 */
	private Standing target(Actor actor, long id, String field) {
		Permission.MANAGE_ACCOUNTS.require(actor);
		var standing = accounts.standing(id)
			.filter(s -> s.status() != AccountStatus.DELETED)
			.orElseThrow(() -> new NotFound("account", id));
		if (actor.accountId() != null && actor.accountId() == id) {
			throw new AccountConflict(field, "account.conflict.self");
		}
		return standing;
	}

	private void lastAdministrator(Standing administrator, String field) {
		if (administrator.active() && accounts.activeAdministrators() <= 1) {
			throw new AccountConflict(field, "account.conflict.last-administrator");
		}
	}

	private static String lower(Role role) {
		return role.name().toLowerCase(Locale.ROOT);
	}

}
