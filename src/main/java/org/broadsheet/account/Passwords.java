package org.broadsheet.account;

import java.security.SecureRandom;
import java.util.Base64;

import org.broadsheet.shared.InvalidInput;
import org.broadsheet.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing passwords: everyone their own (the current password required), an
 * administrator or the {@code user reset-password} command anyone's. New passwords pass
 * {@link PasswordRules} and are stored hashed ({@link PasswordConfiguration}). A change
 * ends the account's other sessions (audited {@code password-changed} or
 * {@code password-reset}, published as {@link AccountEvent} {@code password-changed}).
 */
@Service
public class Passwords {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private final Accounts accounts;

	private final NewsroomAudit audit;

	private final ApplicationEventPublisher events;

	Passwords(JdbcClient jdbc, PasswordEncoder encoder, Accounts accounts, NewsroomAudit audit,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.accounts = accounts;
		this.audit = audit;
		this.events = events;
	}

	/**
	 * Changes the signed-in account's own password; every other session of the account
	 * ends (the caller keeps its own with {@link AccountSessions#renew}).
	 * @param current the password now, checked against the stored hash
	 * @param next the new one, as {@link PasswordRules} allow
	 * @throws InvalidInput naming {@code current} (wrong) or {@code password} (refused by
	 * the rules, or the same as now)
	 * @throws NotFound when the account is no longer active
	 */
	@Transactional
	public void change(Account self, String current, String next) {
		String hash = accounts.passwordHash(self.email()).orElseThrow(() -> new NotFound("account", self.id()));
		if (current == null || !encoder.matches(current, hash)) {
			throw new InvalidInput("current", "account.invalid.current-password");
		}
		PasswordRules.check("password", next, self.email());
		if (encoder.matches(next, hash)) {
			throw new InvalidInput("password", "account.invalid.password-same");
		}
		store(self.id(), next, self, "password-changed");
	}

	/**
	 * Sets someone's password (a forgotten one) and ends their sessions; audited
	 * {@code password-reset}.
	 * @param email the account's sign-in email
	 * @param password the new one, as {@link PasswordRules} allow
	 * @throws AccessDeniedException unless {@code actor} may manage accounts
	 * @throws InvalidInput naming {@code email} (no such account) or {@code password}
	 */
	@Transactional
	public void reset(Actor actor, String email, String password) {
		Permission.MANAGE_ACCOUNTS.require(actor);
		var account = accounts.byEmail(email)
			.orElseThrow(() -> new InvalidInput("email", "account.invalid.unknown", email));
		PasswordRules.check("password", password, account.email());
		store(account.id(), password, actor, "password-reset");
	}

	/**
	 * @return a new random password of 20 characters (120 bits), for the command line to
	 * print
	 */
	public static String generate() {
		byte[] random = new byte[15];
		RANDOM.nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

	/**
	 * Stores a checked password, ends the account's sessions, audits and publishes.
	 * @param action the audit action, e.g. {@code password-reset}
	 */
	void store(long accountId, String password, Actor actor, String action) {
		jdbc.sql("UPDATE account SET password_hash = ?, session_generation = session_generation + 1 WHERE id = ?")
			.params(encoder.encode(password), accountId)
			.update();
		audit.record(NewsroomAudit.ACCOUNT, accountId, actor, action, null);
		events.publishEvent(new AccountEvent(accountId, AccountEvent.What.PASSWORD_CHANGED));
	}

	/**
	 * @return a hash that no password matches (of random text never kept), for a deleted
	 * account
	 */
	String unusable() {
		return encoder.encode(generate() + generate());
	}

}
