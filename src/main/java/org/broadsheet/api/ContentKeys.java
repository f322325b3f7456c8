package org.broadsheet.api;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.broadsheet.account.Actor;
import org.broadsheet.account.ApiKeys;
import org.broadsheet.account.NewsroomAudit;
import org.broadsheet.account.Permission;
import org.broadsheet.shared.Digests;
import org.broadsheet.shared.InvalidInput;
import org.broadsheet.shared.NotFound;
import org.broadsheet.shared.Secrets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Content API keys, one per integration (an app, a partner, a newsletter tool):
 * administrators issue them in the newsroom, see their last use and revoke them. They are
 * optional unless {@code broadsheet.api.content.keys-required=true}; a request that sends
 * one ({@code ?key=bsc_…} or {@code Authorization: Bearer bsc_…}) must send a working
 * one. Only the secret's SHA-256 is stored. Each node remembers what it looked up for
 * {@link #REMEMBERED}, so a revoked key stops working everywhere within that time.
 */
@Service
public class ContentKeys {

	/** What every content key starts with. */
	public static final String PREFIX = "bsc_";

	/** How long a node trusts what it looked up about a key. */
	public static final Duration REMEMBERED = Duration.ofSeconds(30);

	private static final String SELECT = """
			SELECT id, name, hint, created_at, last_used_at, revoked_at FROM content_key""";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final NewsroomAudit audit;

	private final boolean required;

	/** Secret digest → the key's id, or empty for no working key. */
	private final Cache<String, Optional<Long>> known = Caffeine.newBuilder()
		.expireAfterWrite(REMEMBERED)
		.maximumSize(10_000)
		.build();

	/** When this node last wrote each key's last use, epoch milliseconds. */
	private final Map<Long, Long> lastWritten = new ConcurrentHashMap<>();

	private final ApplicationEventPublisher events;

	ContentKeys(JdbcClient jdbc, Clock clock, NewsroomAudit audit, ApplicationEventPublisher events,
			@Value("${broadsheet.api.content.keys-required:false}") boolean required) {
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
		this.audit = audit;
		this.required = required;
	}

	/**
	 * A content key as the newsroom lists it (never its secret).
	 *
	 * @param hint the secret's first characters, e.g. {@code bsc_Ab3d}
	 * @param createdAt UTC instant
	 * @param lastUsedAt UTC instant, to the minute; null if never used
	 * @param revokedAt UTC instant; null while the key works
	 */
	public record ContentKey(long id, String name, String hint, Instant createdAt, Instant lastUsedAt,
			Instant revokedAt) {

		/**
		 * @return whether requests with it are accepted
		 */
		public boolean active() {
			return revokedAt == null;
		}

	}

	/**
	 * @param secret shown this once, never stored
	 */
	public record Issued(ContentKey key, String secret) {
	}

	/**
	 * @return whether every Content API request must send a key
	 */
	public boolean required() {
		return required;
	}

	/**
	 * Issues a key (audited: subject {@code content-key}, action {@code issued}).
	 * @param name the integration's name, 1–100 characters
	 * @throws AccessDeniedException unless {@code actor} may manage integrations
	 * @throws InvalidInput naming {@code name}
	 */
	@Transactional
	public Issued issue(Actor actor, String name) {
		Permission.MANAGE_INTEGRATIONS.require(actor);
		String trimmed = ApiKeys.keyName(name);
		String secret = Secrets.token(PREFIX);
		long id = jdbc.sql("""
				INSERT INTO content_key (name, secret_hash, hint, created_at, created_by)
				VALUES (?, ?, ?, ?, ?) RETURNING id""")
			.params(trimmed, Digests.sha256Hex(secret), Secrets.hint(secret, PREFIX), clock.millis(), actor.accountId())
			.query(Long.class)
			.single();
		audit.record(NewsroomAudit.CONTENT_KEY, id, actor, "issued", null);
		events.publishEvent(new ContentKeyEvent(id, "issued"));
		return new Issued(find(id).orElseThrow(), secret);
	}

	/**
	 * Revokes a key (audited); revoking a revoked key changes nothing.
	 * @throws AccessDeniedException unless {@code actor} may manage integrations
	 * @throws NotFound for an unknown key
	 */
	@Transactional
	public void revoke(Actor actor, long id) {
		Permission.MANAGE_INTEGRATIONS.require(actor);
		var key = find(id).orElseThrow(() -> new NotFound("content key", id));
		// Two revocations at once: only the one that changed the row audits.
		if (key.active() && jdbc.sql("UPDATE content_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
			.params(clock.millis(), id)
			.update() == 1) {
			audit.record(NewsroomAudit.CONTENT_KEY, id, actor, "revoked", null);
			events.publishEvent(new ContentKeyEvent(id, "revoked"));
		}
	}

	/**
	 * Forgets what this node remembered once a revocation has committed (before, a
	 * request could remember the key as working again).
	 */
	@TransactionalEventListener
	void changed(ContentKeyEvent event) {
		known.invalidateAll();
	}

	/**
	 * @return every key, newest first
	 * @throws AccessDeniedException unless {@code actor} may manage integrations
	 */
	@Transactional(readOnly = true)
	public List<ContentKey> all(Actor actor) {
		Permission.MANAGE_INTEGRATIONS.require(actor);
		return jdbc.sql(SELECT + " ORDER BY id DESC").query(ContentKeys::row).list();
	}

	/**
	 * Whether {@code secret} is a working key; notes its use (at most once a minute).
	 * Answers from this node's memory for up to {@link #REMEMBERED}.
	 */
	boolean accepts(String secret) {
		if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
			return false;
		}
		Optional<Long> id = known.get(Digests.sha256Hex(secret),
				hash -> jdbc.sql("SELECT id FROM content_key WHERE secret_hash = ? AND revoked_at IS NULL")
					.param(hash)
					.query(Long.class)
					.optional());
		id.ifPresent(this::used);
		return id.isPresent();
	}

	private void used(long id) {
		long now = clock.millis();
		Long last = lastWritten.get(id);
		if (last == null || now - last >= ApiKeys.LAST_USE_RESOLUTION) {
			lastWritten.put(id, now);
			jdbc.sql("UPDATE content_key SET last_used_at = ? WHERE id = ?").params(now, id).update();
		}
	}

	private Optional<ContentKey> find(long id) {
		return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(ContentKeys::row).optional();
	}

	private static ContentKey row(ResultSet rs, int n) throws SQLException {
		return new ContentKey(rs.getLong(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)),
				instant(rs, 5), instant(rs, 6));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		long millis = rs.getLong(column);
		return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
	}

}
