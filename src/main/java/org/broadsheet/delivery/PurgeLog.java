package org.broadsheet.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.broadsheet.shared.PerTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;

/**
 * Writes each {@link PagesChanged} to {@code purge_log} in the transaction that made the
 * change (from where {@link CdnPurges} sends it to the HTTP cache in front), and evicts
 * this node's page cache from the log: at once after a local commit, and every
 * {@code broadsheet.cache.poll-interval} (500 ms) for changes committed by other nodes or
 * commands. On PostgreSQL a transaction may commit after one with a later id, so the last
 * 30 seconds are read again, skipping what was applied. No lock is held around a query: a
 * committing request applies its change after commit while it still holds its connection,
 * and must never wait for a thread that waits for a connection.
 */
@Component
class PurgeLog {

	private static final Logger log = LoggerFactory.getLogger(PurgeLog.class);

	static final Duration OVERLAP = Duration.ofSeconds(30);

	static final Duration KEPT = Duration.ofDays(1);

	private final JdbcClient jdbc;

	private final PageCache cache;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final CdnPurges purges;

	/**
	 * The highest id applied by {@link #follow} (only the scheduler's one thread writes
	 * it).
	 */
	private volatile long appliedId;

	/** Rows applied within the overlap: id → when applied (epoch ms). */
	private final Map<Long, Long> recentlyApplied = new ConcurrentHashMap<>();

	private final boolean follow;

	PurgeLog(JdbcClient jdbc, PageCache cache, Clock clock, ApplicationEventPublisher events, CdnPurges purges,
			@Value("${broadsheet.cache.follow:true}") boolean follow) {
		this.jdbc = jdbc;
		this.purges = purges;
		this.events = events;
		this.cache = cache;
		this.clock = clock;
		this.follow = follow;
	}

	@EventListener
	void record(PagesChanged change) {
		PerTransaction.get(this, () -> new Pending(this, new LinkedHashSet<>()))
			.ifPresentOrElse(pending -> pending.keys().addAll(change.keys()), () -> {
				write(change.keys());
				applied(change.keys());
			});
	}

	/**
	 * The keys of one transaction: one row, written before it commits, applied here
	 * after.
	 */
	private record Pending(PurgeLog owner, Set<String> keys) implements TransactionSynchronization {

		@Override
		public void beforeCommit(boolean readOnly) {
			owner.write(keys);
		}

		@Override
		public void afterCommit() {
			owner.applied(keys);
		}

	}

	@EventListener
	void evictHere(LocalPagesChanged change) {
		evict(change.keys());
	}

	private void write(Set<String> keys) {
		String joined = String.join(" ", keys);
		if (joined.length() > 4000) {
			joined = Surrogates.ALL;
		}
		long id = jdbc.sql("INSERT INTO purge_log (keys, at) VALUES (?, ?) RETURNING id")
			.params(joined, clock.millis())
			.query(Long.class)
			.single();
		// Marked before commit: once committed, the poller could otherwise read the row
		// before afterCommit applies it, and evict a second time pages rendered since.
		recentlyApplied.put(id, clock.millis());
	}

	private void applied(Set<String> keys) {
		evict(keys);
		purges.nudge();
	}

	private void evict(Set<String> keys) {
		// Node-local caches of what pages show first: a page rendered after the eviction
		// must not read their old contents.
		events.publishEvent(new PagesEvicted(Set.copyOf(keys)));
		if (keys.contains(Surrogates.ALL)) {
			cache.clear();
		}
		else {
			cache.evict(keys);
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		appliedId = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM purge_log").query(Long.class).single();
	}

	/** Applies what other nodes and commands committed. */
	@Scheduled(fixedDelayString = "${broadsheet.cache.poll-interval:500ms}")
	void follow() {
		if (!follow) {
			return;
		}
		long now = clock.millis();
		recentlyApplied.values().removeIf(at -> now - at > 2 * OVERLAP.toMillis());
		Set<String> keys = new LinkedHashSet<>();
		long highest = appliedId;
		for (var row : jdbc.sql("SELECT id, keys FROM purge_log WHERE id > ? OR at >= ? ORDER BY id")
			.params(appliedId, now - OVERLAP.toMillis())
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.list()) {
			if (recentlyApplied.putIfAbsent(row.getKey(), now) == null) {
				keys.addAll(List.of(row.getValue().split(" ")));
			}
			highest = Math.max(highest, row.getKey());
		}
		appliedId = highest;
		if (!keys.isEmpty()) {
			evict(keys);
		}
	}

	/**
	 * Keeps a day of the log: enough for any node that was away briefly (a restarted node
	 * starts empty).
	 */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
	void prune() {
		if (!follow) {
			return;
		}
		int pruned = jdbc.sql("DELETE FROM purge_log WHERE at < ?").param(clock.millis() - KEPT.toMillis()).update();
		if (pruned > 0) {
			log.debug("Pruned {} purge log rows", pruned);
		}
	}

}
