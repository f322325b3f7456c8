package org.broadsheet.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.broadsheet.shared.EmailAddress;
import org.broadsheet.shared.InvalidInput;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Newsroom accounts: creating them and finding them. Passwords are only ever stored
 * hashed.
 */
@Service
public class Accounts {

	/**
	 * Shortest password accepted, in characters (NIST SP 800-63B asks for at least 8).
	 */
	public static final int MIN_PASSWORD = PasswordRules.MIN;

	private static final String SELECT = "SELECT id, email, display_name, role, created_at FROM account";

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final Clock clock;

	private final NewsroomAudit audit;

	private final ApplicationEventPublisher events;

	Accounts(JdbcClient jdbc, PasswordEncoder passwords, Clock clock, NewsroomAudit audit,
			ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.clock = clock;
		this.audit = audit;
	}

	/**
	 * Creates an account, records it in the {@link NewsroomAudit} (subject
	 * {@code account}, action {@code created}, the role as detail) and publishes
	 * {@link AccountEvent} (created) for the change log. Account changes show on no page,
	 * so no page keys.
	 * @param actor who creates it: an administrator, or a {@link SystemActor}
	 * ({@link SystemActor#CLI}, the demo)
	 * @param password plain text, as {@link PasswordRules} allow; hashed before storing
	 * @throws AccessDeniedException unless {@code actor} may
	 * {@link Permission#MANAGE_ACCOUNTS manage accounts}
	 * @throws InvalidInput naming the field: an email that {@link EmailAddress#valid}
	 * refuses or that is taken, a blank name, a password {@link PasswordRules} refuse
	 */
	@Transactional
	public Account create(Actor actor, String email, String displayName, Role role, String password) {
		Permission.MANAGE_ACCOUNTS.require(actor);
		String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
		if (!EmailAddress.valid(normalized)) {
			throw new InvalidInput("email", "account.invalid.email", email);
		}
		if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
			throw new InvalidInput("name", "account.invalid.name");
		}
		PasswordRules.check("password", password, normalized);
		if (byEmail(normalized).isPresent()) {
			throw new InvalidInput("email", "account.invalid.email-taken", normalized);
		}
		Instant now = clock.instant();
		long id = jdbc.sql("""
				INSERT INTO account (email, display_name, role, password_hash, created_at)
				VALUES (?, ?, ?, ?, ?) RETURNING id""")
			.params(normalized, displayName.strip(), role.name(), passwords.encode(password), now.toEpochMilli())
			.query(Long.class)
			.single();
		audit.record(NewsroomAudit.ACCOUNT, id, actor, "created", role.name().toLowerCase(Locale.ROOT));
		events.publishEvent(new AccountEvent(id, AccountEvent.What.CREATED));
		return new Account(id, normalized, displayName.strip(), role, now);
	}

	/**
	 * @param email any case
	 * @return the account, active or disabled, or empty (also for text no stored email
	 * can hold, e.g. a NUL, which PostgreSQL would refuse with an error instead of
	 * finding nothing)
	 */
	public Optional<Account> byEmail(String email) {
		if (!storable(email)) {
			return Optional.empty();
		}
		return jdbc.sql(SELECT + " WHERE email = ? AND status <> 'deleted'")
			.param(email.strip().toLowerCase(Locale.ROOT))
			.query((rs, n) -> account(rs))
			.optional();
	}

	/**
	 * @return the account with this id, deleted ones too (history names them)
	 */
	public Optional<Account> byId(long id) {
		return jdbc.sql(SELECT + " WHERE id = ?").param(id).query((rs, n) -> account(rs)).optional();
	}

	/**
	 * @return every account not deleted, by email
	 */
	public List<Account> all() {
		return jdbc.sql(SELECT + " WHERE status <> 'deleted' ORDER BY email").query((rs, n) -> account(rs)).list();
	}

	/**
	 * @return every account not deleted with its status and whether it uses two-factor
	 * sign-in, by email
	 * @throws AccessDeniedException unless {@code actor} may manage accounts
	 */
	public List<StaffMember> staff(Actor actor) {
		Permission.MANAGE_ACCOUNTS.require(actor);
		return jdbc
			.sql("SELECT id, email, display_name, role, created_at, status, totp_secret FROM account "
					+ "WHERE status <> 'deleted' ORDER BY email")
			.query((rs, n) -> new StaffMember(account(rs), AccountStatus.of(rs.getString(6)), rs.getString(7) != null))
			.list();
	}

	/**
	 * @return the account's status, or empty for an unknown id
	 */
	Optional<AccountStatus> status(long id) {
		return jdbc.sql("SELECT status FROM account WHERE id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.map(AccountStatus::of);
	}

	/**
	 * @return the account as stored now, with what sign-in needs; empty for an unknown id
	 */
	Optional<Standing> standing(long id) {
		return jdbc
			.sql("SELECT id, email, display_name, role, created_at, status, session_generation, totp_secret "
					+ "FROM account WHERE id = ?")
			.param(id)
			.query((rs, n) -> new Standing(account(rs), AccountStatus.of(rs.getString(6)), rs.getLong(7),
					rs.getString(8) != null))
			.optional();
	}

	/**
	 * Ends every newsroom session of the account, at its next request on any node
	 * ({@link AccountSessions}).
	 */
	void endSessions(long id) {
		jdbc.sql("UPDATE account SET session_generation = session_generation + 1 WHERE id = ?").param(id).update();
	}

	/**
	 * @return how many active administrators there are
	 */
	int activeAdministrators() {
		return jdbc.sql("SELECT COUNT(*) FROM account WHERE role = 'ADMINISTRATOR' AND status = 'active'")
			.query(Integer.class)
			.single();
	}

	private static Account account(ResultSet rs) throws SQLException {
		return new Account(rs.getLong(1), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)),
				Instant.ofEpochMilli(rs.getLong(5)));
	}

	/**
	 * @return the stored password hash of an active account, for sign-in only
	 */
	Optional<String> passwordHash(String email) {
		if (!storable(email)) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT password_hash FROM account WHERE email = ? AND status = 'active'")
			.param(email.strip().toLowerCase(Locale.ROOT))
			.query(String.class)
			.optional();
	}

	/**
	 * Sign-in looks emails up as typed by anyone: one with a NUL cannot be stored, so is
	 * no one's.
	 */
	private static boolean storable(String email) {
		return email != null && email.indexOf('\0') < 0;
	}

}
