package org.broadsheet.webhook;

import java.time.Instant;

/**
 * One message to one subscription, as the delivery log shows it: its latest attempt and
 * what happens next.
 *
 * @param messageId the {@code webhook-id} header, the same on every attempt and when sent
 * again, e.g. {@code msg_2hX…}
 * @param eventType e.g. {@code article.published}
 * @param payload the JSON body every attempt sends
 * @param status pending (to be attempted at {@code nextAttemptAt}), delivered or failed
 * @param attempts attempts made so far
 * @param createdAt UTC instant it was queued; retries stop 24 hours later
 * @param nextAttemptAt UTC instant of the next attempt while pending (a node's claim
 * while it is being sent)
 * @param lastAttemptAt UTC instant of the latest attempt; null before the first
 * @param responseCode the receiver's HTTP status at the latest attempt; null when none
 * answered
 * @param durationMs how long the latest attempt took, in milliseconds; null before the
 * first
 * @param lastError why the latest attempt failed (status or connection error); null when
 * it succeeded
 * @param finishedAt UTC instant it was delivered or given up; null while pending
 */
public record WebhookDelivery(long id, long subscriptionId, String messageId, String eventType, String payload,
		Status status, int attempts, Instant createdAt, Instant nextAttemptAt, Instant lastAttemptAt,
		Integer responseCode, Integer durationMs, String lastError, Instant finishedAt) {

	/** Where a delivery is; stored lower case. */
	public enum Status {

		/** To be attempted (again). */
		PENDING,

		/** A receiver answered 2xx. */
		DELIVERED,

		/** Given up: 24 hours of failed attempts, or its subscription was disabled. */
		FAILED

	}

}
