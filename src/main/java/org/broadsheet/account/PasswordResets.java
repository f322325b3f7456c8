package org.broadsheet.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Function;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;

import org.broadsheet.shared.Digests;
import org.broadsheet.shared.InvalidInput;
import org.broadsheet.shared.RateLimits;
import org.broadsheet.shared.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A forgotten password reset by e-mail, when SMTP is configured ({@code spring.mail.host}
 * and friends; without it the newsroom says to ask an administrator, who can use the
 * {@code user reset-password} command). The link's token ({@value #PREFIX} and 43
 * base64url characters) is stored as its SHA-256, works once and expires after
 * {@link #LIFETIME}. Asking answers alike whether or not the address is an account's, and
 * the mail goes out on another thread, so neither the answer nor its time tells; asking
 * is rate-limited per address asked for and per client address.
 */
@Service
public class PasswordResets {

	/** What every reset token starts with. */
	public static final String PREFIX = "bsr_";

	/** How long a link works. */
	public static final Duration LIFETIME = Duration.ofHours(1);

	/** Links sent per account, and requests per client address, per hour. */
	static final int PER_ACCOUNT = 3;

	static final int PER_ADDRESS = 10;

	private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final Passwords passwords;

	private final ObjectProvider<JavaMailSender> mail;

	private final RateLimits limits;

	private final Clock clock;

	private final Executor sending;

	private final String from;

	PasswordResets(JdbcClient jdbc, Accounts accounts, Passwords passwords, ObjectProvider<JavaMailSender> mail,
			RateLimits limits, Clock clock, @Qualifier("applicationTaskExecutor") ObjectProvider<TaskExecutor> executor,
			@Value("${broadsheet.mail.from:${spring.mail.username:newsroom@localhost}}") String from) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.passwords = passwords;
		this.mail = mail;
		this.limits = limits;
		this.clock = clock;
		this.sending = executor.getIfAvailable(() -> Runnable::run);
		this.from = from;
	}

	/**
	 * @return whether reset links can be sent (SMTP is configured)
	 */
	public boolean available() {
		return mail.getIfAvailable() != null;
	}

	/**
	 * Sends a reset link to {@code email} if it is an active account's and neither limit
	 * is reached; otherwise does nothing, silently.
	 * @param email as typed
	 * @param clientAddress the client's address, for the rate limit
	 * @param linkBase the absolute URL the token is appended to, e.g.
	 * {@code https://example.org/login/reset?token=}
	 * @param subject the mail's subject, in the newsroom's language
	 * @param body the mail's text, in the newsroom's language, given the link
	 */
	public void request(String email, String clientAddress, String linkBase, String subject,
			Function<String, String> body) {
		var sender = mail.getIfAvailable();
		if (sender == null || !allowed("reset-address:" + clientAddress, PER_ADDRESS)) {
			return;
		}
		var account = accounts.byEmail(email).filter(a -> accounts.passwordHash(a.email()).isPresent());
		if (account.isEmpty() || !allowed("reset-account:" + account.get().email(), PER_ACCOUNT)) {
			return;
		}
		String token = Secrets.token(PREFIX);
		long now = clock.millis();
		jdbc.sql("INSERT INTO password_reset (token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
			.params(Digests.sha256Hex(token), account.get().id(), now, now + LIFETIME.toMillis())
			.update();
		var message = new SimpleMailMessage();
		message.setFrom(from);
		message.setTo(account.get().email());
		message.setSubject(subject);
		message.setText(body.apply(linkBase + token));
		sending.execute(() -> {
			try {
				sender.send(message);
			}
			catch (RuntimeException ex) {
				log.warn("Could not send a password reset mail: {}", ex.getMessage());
			}
		});
	}

	/**
	 * @param token as the link carries it
	 * @return whether the token is one that works now (unused, unexpired)
	 */
	public boolean valid(String token) {
		return token != null && token.startsWith(PREFIX) && token.length() < 100 && jdbc
			.sql("SELECT COUNT(*) FROM password_reset WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
			.params(Digests.sha256Hex(token), clock.millis())
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Sets the password of the link's account, uses the token up (and every other link of
	 * the account), ends the account's sessions; audited {@code password-reset} with the
	 * account as actor.
	 * @throws InvalidInput naming {@code token} (unknown, used or expired) or
	 * {@code password} ({@link PasswordRules})
	 */
	@Transactional
	public void reset(String token, String password) {
		if (!valid(token)) {
			throw new InvalidInput("token", "account.invalid.reset-token");
		}
		long accountId = jdbc.sql("SELECT account_id FROM password_reset WHERE token_hash = ?")
			.param(Digests.sha256Hex(token))
			.query(Long.class)
			.single();
		var account = accounts.byId(accountId).orElseThrow();
		PasswordRules.check("password", password, account.email());
		// Two requests with one token: only the one that marks it used goes on.
		if (jdbc.sql("UPDATE password_reset SET used_at = ? WHERE token_hash = ? AND used_at IS NULL")
			.params(clock.millis(), Digests.sha256Hex(token))
			.update() == 0) {
			throw new InvalidInput("token", "account.invalid.reset-token");
		}
		jdbc.sql("UPDATE password_reset SET used_at = ? WHERE account_id = ? AND used_at IS NULL")
			.params(clock.millis(), accountId)
			.update();
		passwords.store(accountId, password, account, "password-reset");
	}

	private boolean allowed(String key, int perHour) {
		try {
			return limits
				.bucket(key.toLowerCase(Locale.ROOT), () -> BucketConfiguration.builder()
					.addLimit(Bandwidth.builder().capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)).build())
					.build())
				.tryConsume(1);
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
