package org.broadsheet.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.broadsheet.shared.Digests;
import org.broadsheet.shared.InvalidInput;
import org.broadsheet.shared.NotFound;
import org.broadsheet.shared.Secrets;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admin API keys: administrators issue them for an account and a role, name them, see
 * when each was last used and revoke them. The secret ({@value #PREFIX} and 43 base64url
 * characters, 256 random bits) is shown once, when issued; only its SHA-256 is stored, so
 * a stolen database holds no usable key. A key acts for its account with the lower of its
 * role and the account's ({@link ApiKeyActor}).
 */
@Service
public class ApiKeys {

	/**
	 * What every secret starts with, so that secret scanners and people recognise one.
	 */
	public static final String PREFIX = "bsk_";

	/** Longest key name, in characters. */
	public static final int MAX_NAME = 100;

	/**
	 * How stale the shown last use may be, in milliseconds: saves a write per request.
	 */
	public static final long LAST_USE_RESOLUTION = 60_000;

	private static final String SELECT = """
			SELECT k.id, k.name, k.account_id, a.display_name, k.role, k.hint, k.created_at, k.last_used_at,
			k.revoked_at FROM api_key k JOIN account a ON a.id = k.account_id""";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final NewsroomAudit audit;

	private final ApplicationEventPublisher events;

	ApiKeys(JdbcClient jdbc, Clock clock, NewsroomAudit audit, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.audit = audit;
		this.events = events;
	}

	/**
	 * A key as the newsroom lists it (never its secret).
	 *
	 * @param hint the secret's first characters, e.g. {@code bsk_Ab3d}, to tell keys
	 * apart
	 * @param createdAt UTC instant
	 * @param lastUsedAt UTC instant, to the minute; null if never used
	 * @param revokedAt UTC instant; null while the key works
	 */
	public record ApiKey(long id, String name, long accountId, String accountName, Role role, String hint,
			Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

		/**
		 * @return whether requests with it are accepted
		 */
		public boolean active() {
			return revokedAt == null;
		}

	}

	/**
	 * A key just issued.
	 *
	 * @param secret the bearer token, shown this once and never stored
	 */
	public record Issued(ApiKey key, String secret) {
	}

	/**
	 * Issues a key: audited (subject {@code api-key}, action {@code issued}) and
	 * published as {@link AccountEvent} ({@code api_key_issued}) for the change log.
	 * @param name what it is for, e.g. "Print system": 1–{@value #MAX_NAME} characters
	 * @param accountEmail the account it acts for
	 * @param role the highest role it may use
	 * @throws AccessDeniedException unless {@code actor} may manage integrations
	 * @throws InvalidInput naming {@code name} or {@code account}
	 */
	@Transactional
	public Issued issue(Actor actor, String name, String accountEmail, Role role) {
		Permission.MANAGE_INTEGRATIONS.require(actor);
		String trimmed = keyName(name);
		String email = accountEmail == null ? "" : accountEmail.strip().toLowerCase(Locale.ROOT);
		Long accountId = email.indexOf('\0') >= 0 ? null
				: jdbc.sql("SELECT id FROM account WHERE email = ?")
					.param(email)
					.query(Long.class)
					.optional()
					.orElse(null);
		if (accountId == null) {
			throw new InvalidInput("account", "apikey.invalid.account", accountEmail);
		}
		String secret = Secrets.token(PREFIX);
		long now = clock.millis();
		long id = jdbc.sql("""
				INSERT INTO api_key (name, account_id, role, secret_hash, hint, created_at, created_by)
				VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(trimmed, accountId, role.name(), Digests.sha256Hex(secret), Secrets.hint(secret, PREFIX), now,
					actor.accountId())
			.query(Long.class)
			.single();
		audit.record(NewsroomAudit.API_KEY, id, actor, "issued", role.name().toLowerCase(Locale.ROOT));
		events.publishEvent(new AccountEvent(accountId, AccountEvent.What.API_KEY_ISSUED));
		return new Issued(find(id).orElseThrow(), secret);
	}

	/**
	 * Revokes a key: requests with it are refused from now on (audited, published as
	 * {@code api_key_revoked}). Revoking a revoked key changes nothing.
	 * @throws AccessDeniedException unless {@code actor} may manage integrations
	 * @throws NotFound for an unknown key
	 */
	@Transactional
	public void revoke(Actor actor, long id) {
		Permission.MANAGE_INTEGRATIONS.require(actor);
		var key = find(id).orElseThrow(() -> new NotFound("api key", id));
		// Two revocations at once: only the one that changed the row audits.
		if (jdbc.sql("UPDATE api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
			.params(clock.millis(), id)
			.update() == 0) {
			return;
		}
		audit.record(NewsroomAudit.API_KEY, id, actor, "revoked", null);
		events.publishEvent(new AccountEvent(key.accountId(), AccountEvent.What.API_KEY_REVOKED));
	}

	/**
	 * @return every key, newest first, revoked ones included
	 * @throws AccessDeniedException unless {@code actor} may manage integrations
	 */
	@Transactional(readOnly = true)
	public List<ApiKey> all(Actor actor) {
		Permission.MANAGE_INTEGRATIONS.require(actor);
		return jdbc.sql(SELECT + " ORDER BY k.id DESC").query((rs, n) -> row(rs)).list();
	}

	/**
	 * The actor behind a bearer token; notes the key's last use (at most once a minute).
	 * @param secret the token as sent, or null
	 * @return the key's actor, or empty for an unknown, malformed or revoked key, or one
	 * whose account is disabled or deleted
	 */
	// No transaction: a read-write one would take SQLite's one write lock for every
	// request; the last use is written alone (autocommit), only when it is due.
	public Optional<ApiKeyActor> authenticate(String secret) {
		if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
			return Optional.empty();
		}
		// The lookup is by the secret's digest: no comparison of secrets to time.
		var found = jdbc.sql("""
				SELECT k.id, k.name, k.role, k.last_used_at, a.id, a.email, a.display_name, a.role, a.created_at
				FROM api_key k JOIN account a ON a.id = k.account_id
				WHERE k.secret_hash = ? AND k.revoked_at IS NULL AND a.status = 'active'""")
			.param(Digests.sha256Hex(secret))
			.query((rs, n) -> {
				var account = new Account(rs.getLong(5), rs.getString(6), rs.getString(7),
						Role.valueOf(rs.getString(8)), Instant.ofEpochMilli(rs.getLong(9)));
				return new KeyUse(
						new ApiKeyActor(rs.getLong(1), rs.getString(2), account, Role.valueOf(rs.getString(3))),
						instant(rs, 4));
			})
			.optional();
		if (found.isEmpty()) {
			return Optional.empty();
		}
		var actor = found.get().actor();
		Instant lastUsed = found.get().lastUsedAt();
		long now = clock.millis();
		if (lastUsed == null || now - lastUsed.toEpochMilli() >= LAST_USE_RESOLUTION) {
			jdbc.sql("UPDATE api_key SET last_used_at = ? WHERE id = ?").params(now, actor.keyId()).update();
		}
		return Optional.of(actor);
	}

	/**
	 * Checks the name of a key of either API (what it is for, e.g. "Print system").
	 * @return the name without surrounding white space
	 * @throws InvalidInput naming {@code name} when it is blank, over {@value #MAX_NAME}
	 * characters or holds a NUL
	 */
	public static String keyName(String name) {
		String trimmed = name == null ? "" : name.strip();
		if (trimmed.isEmpty() || trimmed.length() > MAX_NAME || trimmed.indexOf('\0') >= 0) {
			throw new InvalidInput("name", "apikey.invalid.name", MAX_NAME);
		}
		return trimmed;
	}

	private record KeyUse(ApiKeyActor actor, Instant lastUsedAt) {
	}

	private Optional<ApiKey> find(long id) {
		return jdbc.sql(SELECT + " WHERE k.id = ?").param(id).query((rs, n) -> row(rs)).optional();
	}

	private static ApiKey row(ResultSet rs) throws SQLException {
		return new ApiKey(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), Role.valueOf(rs.getString(5)),
				rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)), instant(rs, 8), instant(rs, 9));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		long millis = rs.getLong(column);
		return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
	}

}
