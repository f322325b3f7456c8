package org.broadsheet.webhook;

import java.time.Instant;
import java.util.Set;

/**
 * A URL that receives signed deliveries of some events (never its secret: see
 * {@link Webhooks#secret}).
 *
 * @param url absolute http(s) URL
 * @param events the event types it receives, e.g. {@code article.published}
 * ({@link Webhooks#EVENTS})
 * @param description what it is for; may be empty
 * @param active whether deliveries are made; false once disabled
 * @param disabledReason why it was disabled, e.g. after 24 hours of failed deliveries;
 * null while active or when an administrator disabled it
 * @param disabledAt UTC instant it was disabled; null while active
 * @param previousSecretUntil UTC instant until which the secret it had before its last
 * rotation still signs deliveries too; null when there is none
 * @param createdAt UTC instant
 * @param updatedAt UTC instant of its last change
 */
public record WebhookSubscription(long id, String url, Set<String> events, String description, boolean active,
		String disabledReason, Instant disabledAt, Instant previousSecretUntil, Instant createdAt, Instant updatedAt) {

	public WebhookSubscription {
		events = Set.copyOf(events);
	}

}
