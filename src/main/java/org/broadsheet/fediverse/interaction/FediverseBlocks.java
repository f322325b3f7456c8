package org.broadsheet.fediverse.interaction;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.IDN;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.broadsheet.account.Actor;
import org.broadsheet.account.NewsroomAudit;
import org.broadsheet.account.Permission;
import org.broadsheet.fediverse.inbox.BlockedActors;
import org.broadsheet.shared.InvalidInput;
import org.broadsheet.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fediverse accounts and whole domains that editors blocked: their activities are ignored
 * (the handlers here do nothing with them; the inbox may answer 403 by calling
 * {@link #blocked(URI)}). Changes check {@link Permission#MODERATE_COMMENTS}, are audited
 * (subject {@value #AUDIT}) and publish a {@link BlockChanged}.
 */
@Service
public class FediverseBlocks implements BlockedActors {

	/** The audit subject of a block ({@code fediverse_block.id}). */
	public static final String AUDIT = "fediverse-block";

	private static final Pattern DOMAIN = Pattern
		.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

	/** What is blocked. */
	public enum Kind {

		/** One actor, by its id. */
		ACCOUNT,
		/** Every actor whose id's host is the domain or one of its subdomains. */
		DOMAIN

	}

	/**
	 * A block.
	 *
	 * @param value the actor id (account) or the host, lower case, in ASCII (domain)
	 * @param createdAt UTC epoch milliseconds
	 */
	public record Block(long id, Kind kind, String value, long createdAt) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final NewsroomAudit audit;

	private final ApplicationEventPublisher events;

	FediverseBlocks(JdbcClient jdbc, Clock clock, NewsroomAudit audit, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.audit = audit;
		this.events = events;
	}

	/**
	 * Blocks an account or a domain (idempotent: blocking it again returns the block).
	 * @param value an actor id ({@code https://social.example/users/spam}) blocks that
	 * account; a host ({@code spam.example}, internationalised names allowed) blocks the
	 * domain and its subdomains
	 * @return the block
	 * @throws InvalidInput naming {@code value} when it is neither
	 * @throws AccessDeniedException unless the actor is an editor or above
	 */
	@Transactional
	public Block block(Actor actor, String value) {
		Permission.MODERATE_COMMENTS.require(actor);
		Kind kind = value != null && value.strip().contains("://") ? Kind.ACCOUNT : Kind.DOMAIN;
		String normal = kind == Kind.ACCOUNT ? account(value.strip()) : domain(value);
		var existing = jdbc.sql("SELECT id, kind, value, created_at FROM fediverse_block WHERE value = ?")
			.param(normal)
			.query((rs, n) -> new Block(rs.getLong(1), Kind.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)),
					rs.getString(3), rs.getLong(4)))
			.optional();
		if (existing.isPresent()) {
			return existing.get();
		}
		long now = clock.millis();
		long id = jdbc
			.sql("INSERT INTO fediverse_block (kind, value, created_at, created_by) VALUES (?, ?, ?, ?) RETURNING id")
			.params(kind.name().toLowerCase(Locale.ROOT), normal, now, actor.accountId())
			.query(Long.class)
			.single();
		audit.record(AUDIT, id, actor, "blocked", normal);
		events.publishEvent(new BlockChanged(id, true));
		return new Block(id, kind, normal, now);
	}

	/**
	 * Removes a block.
	 * @throws NotFound when there is no such block
	 * @throws AccessDeniedException unless the actor is an editor or above
	 */
	@Transactional
	public void unblock(Actor actor, long id) {
		Permission.MODERATE_COMMENTS.require(actor);
		var value = jdbc.sql("SELECT value FROM fediverse_block WHERE id = ?").param(id).query(String.class).optional();
		if (value.isEmpty()) {
			throw new NotFound("fediverse-block", id);
		}
		jdbc.sql("DELETE FROM fediverse_block WHERE id = ?").param(id).update();
		audit.record(AUDIT, id, actor, "unblocked", value.get());
		events.publishEvent(new BlockChanged(id, false));
	}

	/**
	 * @param limit how many blocks at most (an imported blocklist may hold thousands)
	 * @return the first blocks, domains first, then by value
	 * @throws AccessDeniedException unless the actor is an editor or above
	 */
	public List<Block> list(Actor actor, int limit) {
		Permission.MODERATE_COMMENTS.require(actor);
		return jdbc.sql("SELECT id, kind, value, created_at FROM fediverse_block ORDER BY kind DESC, value LIMIT ?")
			.param(limit)
			.query((rs, n) -> new Block(rs.getLong(1), Kind.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)),
					rs.getString(3), rs.getLong(4)))
			.list();
	}

	/**
	 * For the inbox, before anything else: one indexed query.
	 * @param actor an activity's actor (or signer) id
	 * @return whether that account, or its host or a parent domain of it, is blocked
	 */
	@Override
	public boolean blocked(URI actor) {
		String host = actor.getHost() == null ? "" : actor.getHost().toLowerCase(Locale.ROOT);
		List<String> values = new ArrayList<>();
		values.add(actor.toString());
		for (String h = host; !h.isEmpty(); h = h.indexOf('.') < 0 ? "" : h.substring(h.indexOf('.') + 1)) {
			values.add(h);
		}
		return jdbc.sql("SELECT COUNT(*) FROM fediverse_block WHERE value IN (:values)")
			.param("values", values)
			.query(Integer.class)
			.single() > 0;
	}

	private static String account(String value) {
		try {
			URI uri = new URI(value);
			if (uri.getHost() != null
					&& ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
				return uri.toString();
			}
		}
		catch (URISyntaxException ex) {
			// refused below
		}
		throw new InvalidInput("value", "fediverse.block.invalid", value);
	}

	private static String domain(String value) {
		String host = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
		if (host.startsWith("@")) {
			host = host.substring(host.lastIndexOf('@') + 1);
		}
		try {
			host = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("value", "fediverse.block.invalid", value);
		}
		if (!DOMAIN.matcher(host).matches()) {
			throw new InvalidInput("value", "fediverse.block.invalid", value);
		}
		return host;
	}

}
