package org.broadsheet.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;

import org.broadsheet.account.NewsroomAudit;
import org.broadsheet.account.SystemActor;
import org.broadsheet.shared.PerTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued deliveries, each attempt from exactly one node: right after the commit
 * that queued them ({@link #nudge}), and every {@code broadsheet.webhooks.poll-interval}
 * (1 s) for retries that came due and claims that expired (their node died). A claim is
 * one conditional {@code UPDATE … RETURNING} ({@link WebhookStore#claim}) that lasts
 * {@link #CLAIM}; requests are sent outside any transaction (SQLite has one writer),
 * concurrently, with a {@link #CONNECT_TIMEOUT} connect and {@link #TIMEOUT} response
 * timeout and no redirects followed. A 2xx answer delivers; anything else is retried
 * after {@link #BACKOFF} (5 s, 30 s, 2 min, … 8 h) until 24 hours after the delivery was
 * queued, when it fails and its subscription is disabled with a notice (audited as the
 * {@code webhooks} system actor).
 *
 * <p>
 * Metrics: {@code broadsheet.webhooks.attempts} (by {@code outcome}: delivered, retried,
 * failed) and {@code broadsheet.webhooks.backlog} (deliveries pending).
 */
@Component
class WebhookDispatcher {

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	/** The system actor that disables a failing subscription. */
	static final SystemActor WEBHOOKS = new SystemActor("webhooks");

	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	/** How long a node holds a delivery it is sending: longer than any attempt takes. */
	static final Duration CLAIM = Duration.ofSeconds(60);

	/** How long a delivery is retried, from when it was queued. */
	static final Duration RETRY_FOR = Duration.ofHours(24);

	/** The waits after the first, second, … failed attempt; the last one repeats. */
	static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2),
			Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
			Duration.ofHours(4), Duration.ofHours(8));

	private static final int ROWS = 20;

	private static final int MAX_ERROR = 500;

	private final WebhookStore store;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final NewsroomAudit audit;

	private final ApplicationEventPublisher events;

	private final boolean allowPrivate;

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(CONNECT_TIMEOUT)
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
		var thread = new Thread(runnable, "webhooks");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean queued = new AtomicBoolean();

	private final Counter delivered;

	private final Counter retried;

	private final Counter failed;

	WebhookDispatcher(WebhookStore store, Clock clock, TransactionTemplate transaction, NewsroomAudit audit,
			ApplicationEventPublisher events, MeterRegistry metrics,
			@Value("${broadsheet.webhooks.allow-private-addresses:false}") boolean allowPrivate) {
		this.store = store;
		this.clock = clock;
		this.transaction = transaction;
		this.audit = audit;
		this.events = events;
		this.allowPrivate = allowPrivate;
		this.delivered = attempts(metrics, "delivered");
		this.retried = attempts(metrics, "retried");
		this.failed = attempts(metrics, "failed");
		Gauge.builder("broadsheet.webhooks.backlog", store, WebhookStore::pending)
			.description("Webhook deliveries still to be made")
			.register(metrics);
	}

	private static Counter attempts(MeterRegistry metrics, String outcome) {
		return Counter.builder("broadsheet.webhooks.attempts")
			.description("Webhook delivery attempts")
			.tag("outcome", outcome)
			.register(metrics);
	}

	/** Sends what is due on the webhook thread (never on the caller's). */
	void nudge() {
		if (queued.compareAndSet(false, true)) {
			worker.execute(() -> {
				queued.set(false);
				drain();
			});
		}
	}

	/**
	 * Sends what the current transaction queued once it commits (one synchronization per
	 * transaction however many it queued), or at once outside a transaction.
	 */
	void nudgeAfterCommit() {
		if (PerTransaction.get(this, () -> new AfterCommit(this)).isEmpty()) {
			nudge();
		}
	}

	private record AfterCommit(WebhookDispatcher dispatcher) implements TransactionSynchronization {

		@Override
		public void afterCommit() {
			dispatcher.nudge();
		}

	}

	/** Retries that came due, and deliveries whose node died while sending them. */
	@Scheduled(fixedDelayString = "${broadsheet.webhooks.poll-interval:1s}")
	void poll() {
		nudge();
	}

	private void drain() {
		try {
			// A read first: on SQLite a claim takes the write lock, every second.
			while (store.anyDue(clock.millis())) {
				long now = clock.millis();
				List<WebhookStore.Claimed> rows = store.claim(now, now + CLAIM.toMillis(), ROWS);
				if (rows.isEmpty()) {
					return;
				}
				send(rows);
			}
		}
		catch (RuntimeException ex) {
			// The database is away: the rows stay due and the next poll takes them.
			log.warn("Could not read the webhook queue: {}", ex.toString());
		}
	}

	private record Outcome(Integer code, int durationMs, String error) {
	}

	private void send(List<WebhookStore.Claimed> rows) {
		Map<Long, WebhookStore.Target> targets = store
			.targets(rows.stream().map(WebhookStore.Claimed::subscriptionId).distinct().toList());
		List<CompletableFuture<Outcome>> sent = new ArrayList<>();
		for (var row : rows) {
			sent.add(attempt(row, targets.get(row.subscriptionId())));
		}
		for (int i = 0; i < rows.size(); i++) {
			record(rows.get(i), sent.get(i).join());
		}
	}

	private CompletableFuture<Outcome> attempt(WebhookStore.Claimed row, WebhookStore.Target target) {
		if (target == null || !target.active()) {
			return CompletableFuture.completedFuture(new Outcome(null, 0, "subscription disabled"));
		}
		URI uri = URI.create(target.url());
		String refusal = Targets.refusal(uri, allowPrivate);
		if (refusal != null) {
			return CompletableFuture.completedFuture(new Outcome(null, 0, refusal));
		}
		long now = clock.millis();
		long timestamp = now / 1000;
		boolean previous = target.previousSecretUntil() != null && target.previousSecretUntil() > now;
		String signature = Signatures.header(row.messageId(), timestamp, row.payload(), target.secret(),
				previous ? target.previousSecret() : null);
		var request = HttpRequest.newBuilder(uri)
			.timeout(TIMEOUT)
			.header("Content-Type", "application/json")
			.header("User-Agent", "Broadsheet-Webhooks")
			.header("webhook-id", row.messageId())
			.header("webhook-timestamp", Long.toString(timestamp))
			.header("webhook-signature", signature)
			.POST(HttpRequest.BodyPublishers.ofString(row.payload()))
			.build();
		long started = System.nanoTime();
		return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
			int took = (int) TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
			if (failure != null) {
				Throwable cause = failure instanceof CompletionException && failure.getCause() != null
						? failure.getCause() : failure;
				return new Outcome(null, took, cause.getClass().getSimpleName() + ": " + cause.getMessage());
			}
			int code = response.statusCode();
			return new Outcome(code, took, code >= 200 && code < 300 ? null : "HTTP " + code);
		});
	}

	private void record(WebhookStore.Claimed row, Outcome outcome) {
		long now = clock.millis();
		String error = outcome.error() == null || outcome.error().length() <= MAX_ERROR ? outcome.error()
				: outcome.error().substring(0, MAX_ERROR);
		try {
			if (error == null) {
				store.attempted(row, WebhookDelivery.Status.DELIVERED, now, now, outcome.code(), outcome.durationMs(),
						null);
				delivered.increment();
				return;
			}
			long giveUpAt = row.createdAt() + RETRY_FOR.toMillis();
			if (now < giveUpAt && !"subscription disabled".equals(error)) {
				long wait = BACKOFF.get(Math.min(row.attempts(), BACKOFF.size()) - 1).toMillis();
				store.attempted(row, WebhookDelivery.Status.PENDING, Math.min(now + wait, giveUpAt), now,
						outcome.code(), outcome.durationMs(), error);
				retried.increment();
				return;
			}
			transaction.executeWithoutResult(status -> {
				if (store.attempted(row, WebhookDelivery.Status.FAILED, now, now, outcome.code(), outcome.durationMs(),
						error)) {
					disable(row.subscriptionId(), now, error);
				}
			});
			failed.increment();
		}
		catch (RuntimeException ex) {
			// The claim expires and another attempt follows: at least once.
			log.warn("Could not record webhook delivery {}: {}", row.id(), ex.toString());
		}
	}

	private void disable(long subscriptionId, long now, String error) {
		var target = store.target(subscriptionId);
		if (target.isEmpty() || !target.get().active()) {
			return;
		}
		String reason = "Deliveries failed for 24 hours (last: " + error + ")";
		store.disable(subscriptionId, reason.length() <= MAX_ERROR ? reason : reason.substring(0, MAX_ERROR), now);
		audit.record(NewsroomAudit.WEBHOOK, subscriptionId, WEBHOOKS, "disabled", error);
		events.publishEvent(new WebhookEvent(subscriptionId, WebhookEvent.What.DISABLED));
		log.warn("Webhook subscription {} ({}) is disabled: deliveries failed for 24 hours, the last with {}",
				subscriptionId, target.get().url(), error);
	}

	@PreDestroy
	void stop() throws InterruptedException {
		worker.shutdown();
		worker.awaitTermination(5, TimeUnit.SECONDS);
	}

}
