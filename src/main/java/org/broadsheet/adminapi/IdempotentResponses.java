package org.broadsheet.adminapi;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Responses kept under an API key's {@code Idempotency-Key} for {@link #KEPT}, so that a
 * retried POST is answered from here instead of acting twice (the IETF
 * draft-ietf-httpapi-idempotency-key-header). A claim is a row without a response; the
 * response is stored once the request is done, or the claim dropped when it failed with a
 * server error (the client may retry it then).
 */
@Repository
class IdempotentResponses {

	/** How long a response is kept for replay. */
	static final Duration KEPT = Duration.ofHours(24);

	/** How long a claim without a response holds: longer than any request runs. */
	static final Duration LEASE = Duration.ofMinutes(5);

	/** How often this node deletes expired responses, in milliseconds. */
	private static final long SWEEP_EVERY = 60_000;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AtomicLong lastSweep = new AtomicLong();

	IdempotentResponses(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * A stored response; {@code status} 0 while the first request is still running.
	 *
	 * @param requestHash SHA-256 hex of the request's method, path, query and body
	 */
	record Stored(String requestHash, int status, String contentType, String location, String body) {
	}

	/**
	 * Claims {@code key} for a request, unless an earlier request did. A claim older than
	 * {@link #LEASE} without a response (its node died mid-request) is taken over.
	 * @return empty when claimed now; else what the earlier request stored
	 */
	Optional<Stored> claim(long apiKeyId, String key, String requestHash) {
		long now = clock.millis();
		sweep(now);
		// Until an insert wins or a row is read: a row released between the two is tried
		// again.
		while (true) {
			int inserted = jdbc.sql("""
					INSERT INTO idempotent_response (api_key_id, idempotency_key, request_hash, status, created_at)
					VALUES (?, ?, ?, 0, ?) ON CONFLICT DO NOTHING""").params(apiKeyId, key, requestHash, now).update();
			if (inserted == 1) {
				return Optional.empty();
			}
			int takenOver = jdbc.sql("""
					UPDATE idempotent_response SET request_hash = ?, created_at = ?
					WHERE api_key_id = ? AND idempotency_key = ? AND status = 0 AND created_at < ?""")
				.params(requestHash, now, apiKeyId, key, now - LEASE.toMillis())
				.update();
			if (takenOver == 1) {
				return Optional.empty();
			}
			var earlier = jdbc.sql("""
					SELECT request_hash, status, content_type, location, body FROM idempotent_response
					WHERE api_key_id = ? AND idempotency_key = ?""")
				.params(apiKeyId, key)
				.query(Stored.class)
				.optional();
			if (earlier.isPresent()) {
				return earlier;
			}
		}
	}

	/** Stores the response of a claimed request. */
	void store(long apiKeyId, String key, int status, String contentType, String location, String body) {
		jdbc.sql("""
				UPDATE idempotent_response SET status = ?, content_type = ?, location = ?, body = ?
				WHERE api_key_id = ? AND idempotency_key = ?""")
			.params(status, contentType, location, body, apiKeyId, key)
			.update();
	}

	/** Drops a claim, so that the request may be tried again. */
	void release(long apiKeyId, String key) {
		jdbc.sql("DELETE FROM idempotent_response WHERE api_key_id = ? AND idempotency_key = ?")
			.params(apiKeyId, key)
			.update();
	}

	private void sweep(long now) {
		long last = lastSweep.get();
		if (now - last >= SWEEP_EVERY && lastSweep.compareAndSet(last, now)) {
			jdbc.sql("DELETE FROM idempotent_response WHERE created_at < ?").param(now - KEPT.toMillis()).update();
		}
	}

}
