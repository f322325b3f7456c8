package org.broadsheet.fediverse.delivery;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import org.broadsheet.fediverse.actor.ActorKeys;
import org.broadsheet.fediverse.actor.Actors;
import org.broadsheet.fediverse.signature.FetchFailed;
import org.broadsheet.fediverse.signature.RemotePosts;
import org.broadsheet.fediverse.signature.SigningKey;
import org.broadsheet.shared.PerTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;

/**
 * Sends queued activities, on every node: right after the commit that queued them
 * ({@link #nudgeAfterCommit}) and every {@code broadsheet.fediverse.poll-interval} (2 s)
 * for retries that came due and claims that expired. A node claims
 * {@code broadsheet.fediverse.delivery-batch} (50) rows for
 * {@code broadsheet.fediverse.delivery-claim} (5 min) in one conditional {@code UPDATE}
 * ({@link DeliveryStore#claim}), then POSTs each outside any transaction
 * ({@link RemotePosts}: signed, SSRF guard, timeouts).
 *
 * <p>
 * Outcomes: 2xx is {@code sent}; 4xx other than 408 and 429 is {@code failed} (the peer
 * refused it for good); anything else (5xx, 408, 429, no answer) is queued again after
 * {@link #backoff} (1 min, doubling), until the next attempt would fall more than
 * {@link #GIVE_UP} after the row was queued: then {@code dead}. A host that fails
 * {@link #DEAD_AFTER} times in a row over more than {@link #DEAD_SPAN} is a dead
 * instance: its deliveries become {@code dead} without being tried.
 */
@Component
class ActivityDeliveryWorker {

	private static final Logger log = LoggerFactory.getLogger(ActivityDeliveryWorker.class);

	/** How long after queueing a delivery is given up (about three days). */
	static final Duration GIVE_UP = Duration.ofDays(3);

	/**
	 * Failures in a row that make an instance dead (over more than {@link #DEAD_SPAN}).
	 */
	static final int DEAD_AFTER = 10;

	/** The least span of failures of a dead instance. */
	static final Duration DEAD_SPAN = Duration.ofDays(1);

	private static final int MAX_ERROR = 500;

	private final DeliveryStore store;

	private final RemotePosts posts;

	private final ActorKeys keys;

	private final Actors actors;

	private final Clock clock;

	private final int batch;

	private final Duration claim;

	private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/"
			+ UUID.randomUUID().toString().substring(0, 8);

	private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
		var worker = new Thread(runnable, "fediverse-delivery");
		worker.setDaemon(true);
		return worker;
	});

	private final AtomicBoolean queued = new AtomicBoolean();

	ActivityDeliveryWorker(DeliveryStore store, RemotePosts posts, ActorKeys keys, Actors actors, Clock clock,
			@Value("${broadsheet.fediverse.delivery-batch:50}") int batch,
			@Value("${broadsheet.fediverse.delivery-claim:5m}") Duration claim) {
		this.store = store;
		this.posts = posts;
		this.keys = keys;
		this.actors = actors;
		this.clock = clock;
		this.batch = batch;
		this.claim = claim;
	}

	/**
	 * @param attempts failed attempts so far, at least 1
	 * @return the wait before the next: 1 minute after the first, doubling (2, 4, … min)
	 */
	static Duration backoff(int attempts) {
		return Duration.ofMinutes(1L << Math.min(Math.max(attempts - 1, 0), 20));
	}

	/** Sends what is due on the delivery thread (never on the caller's). */
	void nudge() {
		if (queued.compareAndSet(false, true)) {
			thread.execute(() -> {
				queued.set(false);
				drain();
			});
		}
	}

	/** Sends what the current transaction queued once it commits. */
	void nudgeAfterCommit() {
		if (PerTransaction.get(this, () -> new AfterCommit(this)).isEmpty()) {
			nudge();
		}
	}

	private record AfterCommit(ActivityDeliveryWorker worker) implements TransactionSynchronization {

		@Override
		public void afterCommit() {
			worker.nudge();
		}

	}

	/** Retries that came due, and rows whose node died while sending them. */
	@Scheduled(fixedDelayString = "${broadsheet.fediverse.poll-interval:2s}")
	void poll() {
		nudge();
	}

	private void drain() {
		try {
			while (store.anyDue(clock.millis())) {
				long now = clock.millis();
				List<DeliveryStore.Claimed> rows = store.claim(node, now, now + claim.toMillis(), batch);
				if (rows.isEmpty()) {
					return;
				}
				rows.forEach(this::deliver);
			}
		}
		catch (RuntimeException ex) {
			// The database is away: the rows stay claimed until their claim expires.
			log.warn("Could not work the fediverse delivery queue: {}", ex.toString());
		}
	}

	private void deliver(DeliveryStore.Claimed row) {
		URI target = URI.create(row.target());
		String host = String.valueOf(target.getHost());
		if (store.dead(host)) {
			store.settle(row.id(), node, "dead", false, clock.millis(), "the instance is dead");
			return;
		}
		int status;
		String error;
		try {
			status = posts.post(target, row.activity().getBytes(StandardCharsets.UTF_8), signingKey(row.sender()));
			error = "HTTP " + status;
		}
		catch (FetchFailed ex) {
			status = 0;
			error = ex.getMessage();
		}
		long now = clock.millis();
		if (status >= 200 && status < 300) {
			store.answered(host);
			store.settle(row.id(), node, "sent", true, now, null);
			return;
		}
		if (status >= 400 && status < 500 && status != 408 && status != 429) {
			store.answered(host);
			store.settle(row.id(), node, "failed", true, now, shorten(error));
			return;
		}
		boolean deadInstance = store.failed(host, now, DEAD_AFTER, DEAD_SPAN.toMillis());
		long next = now + backoff(row.attempts() + 1).toMillis();
		String outcome = deadInstance || next > row.createdAt() + GIVE_UP.toMillis() ? "dead" : "queued";
		store.settle(row.id(), node, outcome, true, next, shorten(error));
		log.debug("delivery {} to {} failed ({}), now {}", row.id(), target, error, outcome);
	}

	private SigningKey signingKey(String sender) {
		return new SigningKey(Actors.keyId(actors.id(sender)), keys.of(sender).privateKey());
	}

	private static String shorten(String text) {
		String line = String.valueOf(text).replaceAll("\\s+", " ").strip();
		return line.length() <= MAX_ERROR ? line : line.substring(0, MAX_ERROR);
	}

	@PreDestroy
	void stop() throws InterruptedException {
		thread.shutdownNow();
		thread.awaitTermination(5, TimeUnit.SECONDS);
	}

}
