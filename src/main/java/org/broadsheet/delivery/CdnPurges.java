package org.broadsheet.delivery;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends each purge log row to the HTTP cache in front ({@link CdnPurger}) once, from
 * whichever node claims it first: {@code broadsheet.cdn.settle} (1 s) after the local
 * commit that wrote it, and every {@code broadsheet.cdn.retry-interval} (1 s) for rows
 * whose node died or whose purge failed. The wait lets every node's page cache drop the
 * old pages first (they follow the purge log every
 * {@code broadsheet.cache.poll-interval}, 500 ms): purged at once, the cache in front
 * would fetch the page again from a node that still holds the old one, and keep it for
 * its whole TTL. A claim is one conditional {@code UPDATE … RETURNING} (no transaction is
 * held while the cache is called); it lasts {@link #CLAIM}, after which another node may
 * take the row again. A failed purge is retried after 1, 2, 4 … 60 s.
 *
 * <p>
 * Metrics: {@code broadsheet.cdn.purges} (changes sent, by {@code outcome}),
 * {@code broadsheet.cdn.purge.backlog} (changes not yet sent) and
 * {@code broadsheet.cdn.purge.lag} (age in seconds of the oldest of them).
 */
@Component
class CdnPurges {

	private static final Logger log = LoggerFactory.getLogger(CdnPurges.class);

	static final Duration CLAIM = Duration.ofSeconds(30);

	private static final int ROWS = 100;

	private final Optional<CdnPurger> purger;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
		var thread = new Thread(runnable, "cdn-purge");
		thread.setDaemon(true);
		return thread;
	});

	private final Duration settle;

	/**
	 * When the latest drain is scheduled for (epoch ms): commits within the same tenth of
	 * a second share it.
	 */
	private final AtomicLong scheduledFor = new AtomicLong();

	/** Whether the last purge failed: the log says so once per outage. */
	private volatile boolean failing;

	private final Counter sent;

	private final Counter failed;

	CdnPurges(Optional<CdnPurger> purger, JdbcClient jdbc, Clock clock, MeterRegistry metrics,
			@Value("${broadsheet.cdn.settle:1s}") Duration settle) {
		this.purger = purger;
		this.settle = settle;
		this.jdbc = jdbc;
		this.clock = clock;
		this.sent = Counter.builder("broadsheet.cdn.purges").tag("outcome", "sent").register(metrics);
		this.failed = Counter.builder("broadsheet.cdn.purges").tag("outcome", "failed").register(metrics);
		if (purger.isPresent()) {
			Gauge.builder("broadsheet.cdn.purge.backlog", this, self -> self.backlog())
				.description("Changes not yet purged from the HTTP cache in front")
				.register(metrics);
			Gauge.builder("broadsheet.cdn.purge.lag", this, self -> self.lagSeconds())
				.description("Age of the oldest change not yet purged from the HTTP cache in front")
				.baseUnit("seconds")
				.register(metrics);
		}
	}

	/**
	 * Sends what a commit just wrote once it has settled, on the purge thread (never on
	 * the caller's).
	 */
	void nudge() {
		if (purger.isEmpty()) {
			return;
		}
		long due = (clock.millis() + settle.toMillis() + 99) / 100 * 100;
		if (scheduledFor.getAndAccumulate(due, Math::max) < due) {
			worker.schedule(this::drain, Math.max(0, due - clock.millis()), TimeUnit.MILLISECONDS);
		}
	}

	/** Takes what other nodes left: their purges failed, or they died. */
	@Scheduled(fixedDelayString = "${broadsheet.cdn.retry-interval:1s}")
	void retry() {
		if (purger.isPresent()) {
			worker.execute(this::drain);
		}
	}

	private void drain() {
		try {
			boolean more = true;
			while (more) {
				List<Row> rows = claim();
				more = !rows.isEmpty() && send(rows);
			}
		}
		catch (RuntimeException ex) {
			// The database is away: the rows stay unsent and the next retry takes them.
			log.warn("Could not read the purge log: {}", ex.toString());
		}
	}

	private record Row(long id, String keys, int attempts) {
	}

	private List<Row> claim() {
		long now = clock.millis();
		return jdbc.sql("""
				UPDATE purge_log SET purge_claimed_until = ?, purge_attempts = purge_attempts + 1
				WHERE purged_at IS NULL AND (purge_claimed_until IS NULL OR purge_claimed_until < ?)
				AND id IN (SELECT id FROM purge_log WHERE purged_at IS NULL
				AND (purge_claimed_until IS NULL OR purge_claimed_until < ?) AND at <= ? ORDER BY id LIMIT ?)
				RETURNING id, keys, purge_attempts""")
			.params(now + CLAIM.toMillis(), now, now, now - settle.toMillis(), ROWS)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getInt(3)))
			.list();
	}

	/**
	 * @return whether the cache confirmed
	 */
	private boolean send(List<Row> rows) {
		Set<String> keys = new LinkedHashSet<>();
		rows.forEach(row -> keys.addAll(List.of(row.keys().split(" "))));
		List<Long> ids = rows.stream().map(Row::id).toList();
		try {
			purger.orElseThrow().purge(keys.contains(Surrogates.ALL) ? Set.of(Surrogates.ALL) : keys);
		}
		catch (IOException | RuntimeException ex) {
			int attempts = rows.stream().mapToInt(Row::attempts).max().orElse(1);
			long retryAt = clock.millis() + Math.min(60_000L, 1000L << Math.min(attempts - 1, 6));
			update("UPDATE purge_log SET purge_claimed_until = :value WHERE id IN ", retryAt, ids);
			failed.increment(rows.size());
			if (!failing) {
				log.warn("The HTTP cache in front did not take a purge ({} changes wait): {}", rows.size(),
						ex.toString());
			}
			failing = true;
			return false;
		}
		update("UPDATE purge_log SET purged_at = :value WHERE id IN ", clock.millis(), ids);
		sent.increment(rows.size());
		if (failing) {
			log.info("The HTTP cache in front takes purges again");
		}
		failing = false;
		return true;
	}

	private void update(String sql, long value, List<Long> ids) {
		jdbc.sql(sql + "(:ids)").param("value", value).param("ids", ids).update();
	}

	private long backlog() {
		return jdbc.sql("SELECT COUNT(*) FROM purge_log WHERE purged_at IS NULL").query(Long.class).single();
	}

	private double lagSeconds() {
		return jdbc.sql("SELECT at FROM purge_log WHERE purged_at IS NULL ORDER BY id LIMIT 1")
			.query(Long.class)
			.optional()
			.map(at -> Math.max(0, clock.millis() - at) / 1000.0)
			.orElse(0.0);
	}

	@PreDestroy
	void stop() throws InterruptedException {
		worker.shutdown();
		worker.awaitTermination(5, TimeUnit.SECONDS);
	}

}
