package org.broadsheet.newsletter.sending;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.broadsheet.newsletter.mail.NewsletterMessages;
import org.broadsheet.shared.PerTransaction;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;

/**
 * Delivers queued newsletter messages, on every node: right after the commit that queued
 * a send ({@link #nudgeAfterCommit}) and every
 * {@code broadsheet.newsletter.poll-interval} (2 s) for retries that came due and claims
 * that expired (their node died). A node claims {@code broadsheet.newsletter.batch} (200)
 * rows at a time for {@code broadsheet.newsletter.claim} (5 min; longer than a batch
 * takes at the rate) in one conditional {@code UPDATE} ({@link SendStore#claim}), then
 * sends them over one SMTP connection at {@code broadsheet.newsletter.rate} messages per
 * second (10; per node, a Bucket4j bucket), outside any transaction.
 *
 * <p>
 * Each row is marked {@code sent} before the final dot ({@link MarkingTransport}: the
 * at-most-once rule). Outcomes: a permanent refusal (5xx reply to RCPT TO or DATA) is
 * {@code failed} with the reply, and counts as a hard bounce: the
 * {@value #PAUSE_AFTER_BOUNCES}rd in a row pauses the subscriber ({@code paused_reason});
 * a transient one (4xx, the connection lost, the server away) puts the row back in the
 * queue with its attempts counted, after {@link #BACKOFF}, until {@value #MAX_ATTEMPTS}
 * attempts, then {@code failed}; a reply other than 250 to the final dot leaves the row
 * {@code failed} with the reply (it is never sent again); a subscriber no longer active
 * at their turn is {@code skipped}. A send is {@code finished} when none of its rows is
 * queued or claimed. Before each message the worker reads whether the send was cancelled
 * ({@link NewsletterSends#cancel}) and then sends nothing more of it.
 *
 * <p>
 * Metrics: {@code broadsheet.newsletter.deliveries} (by {@code outcome}: sent, failed,
 * retried, skipped) and {@code broadsheet.newsletter.backlog}.
 */
@Component
class DeliveryWorker {

	private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

	/** Hard bounces in a row that pause a subscriber. */
	static final int PAUSE_AFTER_BOUNCES = 3;

	/** Attempts before a transient failure becomes permanent. */
	static final int MAX_ATTEMPTS = 8;

	/** The waits after the first, second, … transient failure; the last repeats. */
	static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10),
			Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2));

	private static final int MAX_ERROR = 500;

	private final SendStore store;

	private final NewsletterMessages messages;

	private final SendingSession session;

	private final Clock clock;

	private final int batch;

	private final Duration claim;

	private final Bucket rate;

	/** This process, in {@code claimed_by}: host, pid and a random part. */
	private final String node = (ManagementFactory.getRuntimeMXBean().getName() + "/"
			+ UUID.randomUUID().toString().substring(0, 8));

	private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
		var worker = new Thread(runnable, "newsletter");
		worker.setDaemon(true);
		return worker;
	});

	private final AtomicBoolean queued = new AtomicBoolean();

	private final Map<String, Counter> outcomes = new HashMap<>();

	DeliveryWorker(SendStore store, NewsletterMessages messages, ObjectProvider<JavaMailSender> mail, Clock clock,
			MeterRegistry metrics, @Value("${broadsheet.newsletter.rate:10}") double perSecond,
			@Value("${broadsheet.newsletter.batch:200}") int batch,
			@Value("${broadsheet.newsletter.claim:5m}") Duration claim) {
		this.store = store;
		this.messages = messages;
		this.session = mail.getIfAvailable() instanceof JavaMailSenderImpl sender ? new SendingSession(sender) : null;
		this.clock = clock;
		this.batch = batch;
		this.claim = claim;
		// Whole tokens per 1/rate seconds: a steady pace with no burst above one second's
		// worth.
		long capacity = Math.max(1, (long) Math.ceil(perSecond));
		this.rate = Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(capacity)
				.refillGreedy(capacity, Duration.ofNanos((long) (capacity * 1e9 / perSecond)))
				.build())
			.build();
		for (String outcome : List.of("sent", "failed", "retried", "skipped")) {
			outcomes.put(outcome,
					Counter.builder("broadsheet.newsletter.deliveries")
						.description("Newsletter deliveries by outcome")
						.tag("outcome", outcome)
						.register(metrics));
		}
		Gauge.builder("broadsheet.newsletter.backlog", store, SendStore::pending)
			.description("Newsletter deliveries still to be made")
			.register(metrics);
	}

	/**
	 * @return whether SMTP is configured
	 */
	boolean available() {
		return session != null;
	}

	/** Sends what is due on the newsletter thread (never on the caller's). */
	void nudge() {
		if (session != null && queued.compareAndSet(false, true)) {
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

	private record AfterCommit(DeliveryWorker worker) implements TransactionSynchronization {

		@Override
		public void afterCommit() {
			worker.nudge();
		}

	}

	/** Retries that came due, and rows whose node died while sending them. */
	@Scheduled(fixedDelayString = "${broadsheet.newsletter.poll-interval:2s}")
	void poll() {
		nudge();
	}

	/**
	 * Sends one message now over a connection of its own (a test send), without the
	 * queue.
	 * @throws MessagingException when the server refuses it or cannot be reached
	 */
	void sendNow(NewsletterMessages.Content content, NewsletterMessages.Recipient recipient) throws MessagingException {
		var prepared = messages.prepare(content);
		MimeMessage message = messages.message(session.session(), prepared, recipient);
		var transport = session.connect();
		try {
			rate.asBlocking().consume(1);
			transport.sendMessage(message, message.getAllRecipients());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MessagingException("interrupted", ex);
		}
		finally {
			transport.close();
		}
	}

	private void drain() {
		try {
			// A read first: on SQLite a claim takes the write lock.
			while (store.anyDue(clock.millis())) {
				long now = clock.millis();
				List<SendStore.Claimed> rows = store.claim(node, now, now + claim.toMillis(), batch);
				if (rows.isEmpty()) {
					return;
				}
				deliver(rows);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			// The database is away: the rows stay claimed until their claim expires.
			log.warn("Could not work the newsletter queue: {}", ex.toString());
		}
	}

	private void deliver(List<SendStore.Claimed> rows) throws InterruptedException {
		Set<Long> sendIds = rows.stream().map(SendStore.Claimed::sendId).collect(Collectors.toCollection(TreeSet::new));
		store.started(sendIds, clock.millis());
		Map<Long, SendStore.Recipient> recipients = store
			.recipients(rows.stream().map(SendStore.Claimed::subscriberId).toList())
			.stream()
			.collect(Collectors.toMap(SendStore.Recipient::id, Function.identity()));
		Map<Long, NewsletterMessages.Prepared> prepared = new HashMap<>();
		var connection = new Connection();
		Set<Long> cancelled = new TreeSet<>();
		try {
			for (var row : rows) {
				if (cancelled.contains(row.sendId()) || store.cancelled(row.sendId())) {
					// The cancel skipped the row already: leave it, send nothing more.
					cancelled.add(row.sendId());
					continue;
				}
				var recipient = recipients.get(row.subscriberId());
				if (recipient == null || !"active".equals(recipient.status())) {
					settle(row, "skipped", null, null);
					continue;
				}
				var content = prepared.computeIfAbsent(row.sendId(), this::prepare);
				if (content == null) {
					settle(row, "failed", null, "no article of the send is public any more");
					continue;
				}
				rate.asBlocking().consume(1);
				deliver(row, recipient, content, connection);
			}
		}
		finally {
			connection.close();
		}
		store.finishDone(sendIds, clock.millis());
	}

	private NewsletterMessages.Prepared prepare(long sendId) {
		var send = store.send(sendId).orElseThrow();
		try {
			boolean digest = "digest".equals(send.kind());
			List<Long> articles = digest ? store.digestArticles(sendId)
					: send.articleId() == null ? List.of() : List.of(send.articleId());
			return messages.prepare(new NewsletterMessages.Content(sendId, articles, send.subject(), digest));
		}
		catch (RuntimeException ex) {
			log.warn("Newsletter send {} cannot be rendered: {}", sendId, ex.toString());
			return null;
		}
	}

	/** One SMTP connection for a batch, opened on first use and after a failure. */
	private final class Connection {

		private MarkingTransport transport;

		MarkingTransport open() throws MessagingException {
			if (transport == null || !transport.isConnected()) {
				close();
				transport = session.connect();
			}
			return transport;
		}

		void close() {
			if (transport != null) {
				try {
					transport.close();
				}
				catch (MessagingException ex) {
					log.debug("Closing the SMTP connection: {}", ex.toString());
				}
				transport = null;
			}
		}

	}

	private void deliver(SendStore.Claimed row, SendStore.Recipient recipient, NewsletterMessages.Prepared prepared,
			Connection connection) {
		var marked = new AtomicBoolean();
		try {
			MimeMessage message = messages.message(session.session(), prepared, new NewsletterMessages.Recipient(
					recipient.id(), recipient.email(), recipient.name(), recipient.linkSecret()));
			var transport = connection.open();
			transport.markBeforeFinalDot(() -> {
				boolean ours;
				try {
					ours = store.settle(row, node, "sent", clock.millis(), null, null);
				}
				catch (RuntimeException ex) {
					// An IOException inside makes Angus drop the connection: no final
					// dot.
					throw new MessagingException("cannot mark the delivery", new IOException(ex));
				}
				if (!ours) {
					throw new ClaimLost();
				}
				marked.set(true);
			});
			transport.sendMessage(message, message.getAllRecipients());
			outcomes.get("sent").increment();
			if (recipient.hardBounces() > 0) {
				store.delivered(recipient.id());
			}
		}
		catch (MessagingException | RuntimeException ex) {
			failed(row, recipient, ex, marked.get(), connection);
		}
	}

	private void failed(SendStore.Claimed row, SendStore.Recipient recipient, Exception ex, boolean marked,
			Connection connection) {
		int code = replyCode(ex);
		String reply = reply(ex);
		long now = clock.millis();
		if (marked) {
			// Refused after the final dot: the row says sent and is never sent again.
			store.refusedAfterMark(row, shorten(reply, MAX_ERROR));
			outcomes.get("failed").increment();
			if (code >= 500) {
				bounce(recipient, reply, now);
			}
			return;
		}
		if (ex instanceof ClaimLost) {
			connection.close();
			return;
		}
		if (code >= 500 && code < 600) {
			settle(row, "failed", null, reply);
			bounce(recipient, reply, now);
			return;
		}
		// Transient: a 4xx, the connection lost or the server away. Start afresh.
		connection.close();
		if (row.attempts() + 1 >= MAX_ATTEMPTS) {
			settle(row, "failed", null, "gave up after " + MAX_ATTEMPTS + " attempts: " + reply);
			return;
		}
		long wait = BACKOFF.get(Math.min(row.attempts(), BACKOFF.size() - 1)).toMillis();
		settle(row, "queued", now + wait, reply);
	}

	/**
	 * The row is no longer this node's (its claim expired and another node took it): the
	 * IOException inside makes Angus drop the connection without the final dot.
	 */
	private static final class ClaimLost extends MessagingException {

		private static final long serialVersionUID = 1L;

		ClaimLost() {
			super("the claim was taken over", new IOException("claim lost"));
		}

	}

	private void bounce(SendStore.Recipient recipient, String reply, long now) {
		if (store.hardBounce(recipient.id(), PAUSE_AFTER_BOUNCES, shorten("hard bounces: " + reply, 200), now)) {
			log.info("Subscriber {} paused after {} hard bounces in a row (last: {})", recipient.id(),
					PAUSE_AFTER_BOUNCES, reply);
		}
	}

	private void settle(SendStore.Claimed row, String status, Long notBefore, String error) {
		if (store.settle(row, node, status, clock.millis(), notBefore,
				error == null ? null : shorten(error, MAX_ERROR))) {
			outcomes.get("queued".equals(status) ? "retried" : status).increment();
		}
	}

	/**
	 * @return the SMTP reply code the failure carries, or 0 when it has none
	 */
	static int replyCode(Exception ex) {
		for (Exception e = ex; e != null; e = e instanceof MessagingException m ? m.getNextException() : null) {
			if (e instanceof SMTPAddressFailedException address) {
				return address.getReturnCode();
			}
			if (e instanceof SMTPSendFailedException send) {
				return send.getReturnCode();
			}
		}
		return 0;
	}

	private static String reply(Exception ex) {
		for (Exception e = ex; e != null; e = e instanceof MessagingException m ? m.getNextException() : null) {
			if (e instanceof SMTPAddressFailedException || e instanceof SMTPSendFailedException) {
				return e.getMessage().strip();
			}
		}
		return ex.getClass().getSimpleName() + ": " + ex.getMessage();
	}

	static String shorten(String text, int max) {
		String line = text.replaceAll("\\s+", " ").strip();
		return line.length() <= max ? line : line.substring(0, max);
	}

	@PreDestroy
	void stop() throws InterruptedException {
		thread.shutdownNow();
		thread.awaitTermination(5, TimeUnit.SECONDS);
	}

}
