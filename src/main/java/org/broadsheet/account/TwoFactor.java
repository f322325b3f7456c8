package org.broadsheet.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.broadsheet.shared.Digests;
import org.broadsheet.shared.InvalidInput;
import org.broadsheet.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Optional two-factor sign-in: after the password, a TOTP code from an authenticator app
 * ({@link Totp}) or one of ten single-use recovery codes. An account turns it on itself,
 * proving with a code that its app holds the secret; recovery codes are shown once and
 * stored as SHA-256. A code is accepted within one step either side of the clock's time,
 * and only once. Its owner or an administrator turns it off (audited, published as
 * {@link AccountEvent}).
 */
@Service
public class TwoFactor {

	/** Recovery codes made at enrolment. */
	public static final int RECOVERY_CODES = 10;

	private static final String CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final NewsroomAudit audit;

	private final ApplicationEventPublisher events;

	TwoFactor(JdbcClient jdbc, Clock clock, NewsroomAudit audit, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.audit = audit;
		this.events = events;
	}

	/**
	 * @return whether the account signs in with a second factor
	 */
	public boolean enabled(long accountId) {
		return jdbc.sql("SELECT COUNT(*) FROM account WHERE id = ? AND totp_secret IS NOT NULL")
			.param(accountId)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Turns two-factor sign-in on for the signed-in account (audited
	 * {@code two-factor-enabled}).
	 * @param secret the secret shown at enrolment ({@link Totp#newSecret()}), base32
	 * @param code the code the app shows for it now, proving it holds the secret
	 * @return the recovery codes, to be shown this once
	 * @throws InvalidInput naming {@code code} when it is not the app's current code, or
	 * {@code secret} when it is malformed
	 */
	@Transactional
	public List<String> enable(Account self, String secret, String code) {
		if (secret == null || !secret.matches("[A-Z2-7]{32}")) {
			throw new InvalidInput("secret", "twofactor.invalid.secret");
		}
		Long step = matchingStep(secret, code, null);
		if (step == null) {
			throw new InvalidInput("code", "twofactor.invalid.code");
		}
		jdbc.sql("UPDATE account SET totp_secret = ?, totp_last_step = ? WHERE id = ?")
			.params(secret, step, self.id())
			.update();
		jdbc.sql("DELETE FROM account_recovery_code WHERE account_id = ?").param(self.id()).update();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			String recovery = recoveryCode();
			codes.add(recovery);
			jdbc.sql("INSERT INTO account_recovery_code (account_id, code_hash) VALUES (?, ?)")
				.params(self.id(), Digests.sha256Hex(recovery.replace("-", "")))
				.update();
		}
		audit.record(NewsroomAudit.ACCOUNT, self.id(), self, "two-factor-enabled", null);
		events.publishEvent(new AccountEvent(self.id(), AccountEvent.What.TWO_FACTOR_ENABLED));
		return codes;
	}

	/**
	 * Turns two-factor sign-in off: for one's own account, or an administrator's for
	 * someone who lost their phone and codes (audited {@code two-factor-disabled}).
	 * Nothing happens when it is off.
	 * @throws AccessDeniedException when {@code actor} is neither the account nor may
	 * manage accounts
	 * @throws NotFound for an unknown account
	 */
	@Transactional
	public void disable(Actor actor, long accountId) {
		if (actor.accountId() == null || actor.accountId() != accountId) {
			Permission.MANAGE_ACCOUNTS.require(actor);
		}
		if (jdbc.sql("SELECT COUNT(*) FROM account WHERE id = ?").param(accountId).query(Integer.class).single() == 0) {
			throw new NotFound("account", accountId);
		}
		if (jdbc.sql(
				"UPDATE account SET totp_secret = NULL, totp_last_step = NULL WHERE id = ? AND totp_secret IS NOT NULL")
			.param(accountId)
			.update() == 0) {
			return;
		}
		jdbc.sql("DELETE FROM account_recovery_code WHERE account_id = ?").param(accountId).update();
		audit.record(NewsroomAudit.ACCOUNT, accountId, actor, "two-factor-disabled", null);
		events.publishEvent(new AccountEvent(accountId, AccountEvent.What.TWO_FACTOR_DISABLED));
	}

	/**
	 * Checks a sign-in's second factor and uses it up: a TOTP code of a step after the
	 * last one accepted, or an unused recovery code (audited {@code recovery-code-used}).
	 * @param code as typed: 6 digits, or a recovery code (spaces, hyphens and case
	 * ignored)
	 * @return whether it is accepted
	 */
	@Transactional
	boolean verify(Account account, String code) {
		record Stored(String secret, Long lastStep) {
		}
		var stored = jdbc.sql("SELECT totp_secret, totp_last_step FROM account WHERE id = ?")
			.param(account.id())
			.query((rs, n) -> {
				long last = rs.getLong(2);
				return new Stored(rs.getString(1), rs.wasNull() ? null : last);
			})
			.optional()
			.orElse(null);
		if (stored == null || stored.secret() == null || code == null) {
			return false;
		}
		String typed = code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
		Long step = matchingStep(stored.secret(), typed, stored.lastStep());
		if (step != null) {
			// Only the request that moves the last step on may use the code.
			return jdbc.sql(
					"UPDATE account SET totp_last_step = ? WHERE id = ? AND (totp_last_step IS NULL OR totp_last_step < ?)")
				.params(step, account.id(), step)
				.update() == 1;
		}
		if (typed.length() > 20) {
			return false;
		}
		boolean used = jdbc.sql(
				"UPDATE account_recovery_code SET used_at = ? WHERE account_id = ? AND code_hash = ? AND used_at IS NULL")
			.params(clock.millis(), account.id(), Digests.sha256Hex(typed))
			.update() == 1;
		if (used) {
			audit.record(NewsroomAudit.ACCOUNT, account.id(), account, "recovery-code-used", null);
		}
		return used;
	}

	/**
	 * @return how many unused recovery codes the account has
	 */
	public int recoveryCodesLeft(long accountId) {
		return jdbc.sql("SELECT COUNT(*) FROM account_recovery_code WHERE account_id = ? AND used_at IS NULL")
			.param(accountId)
			.query(Integer.class)
			.single();
	}

	/**
	 * @return the step (the current one or one either side) whose code {@code code} is,
	 * after {@code after}; null when none
	 */
	private Long matchingStep(String secret, String code, Long after) {
		if (code == null || !code.strip().matches("\\d{6}")) {
			return null;
		}
		Instant now = clock.instant();
		for (int offset = -1; offset <= 1; offset++) {
			Instant at = now.plus(Totp.STEP.multipliedBy(offset));
			long step = Totp.step(at);
			if ((after == null || step > after) && Totp.code(secret, at).equals(code.strip())) {
				return step;
			}
		}
		return null;
	}

	private static String recoveryCode() {
		var code = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			if (i == 5) {
				code.append('-');
			}
			code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
		}
		return code.toString();
	}

}
