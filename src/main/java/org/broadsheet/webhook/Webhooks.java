package org.broadsheet.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.broadsheet.account.Actor;
import org.broadsheet.account.NewsroomAudit;
import org.broadsheet.account.Permission;
import org.broadsheet.shared.InvalidInput;
import org.broadsheet.shared.NotFound;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhook subscriptions and their delivery log, for the newsroom and the Admin API
 * ({@code docs/api.md}, "Webhooks"; the Standard Webhooks specification). Every method
 * requires {@link Permission#MANAGE_INTEGRATIONS} (administrators); every change is
 * audited ({@link NewsroomAudit#WEBHOOK}, naming the actor) and published as one
 * {@link WebhookEvent}.
 *
 * <p>
 * A subscription's secret is {@code whsec_} and the base64 of 32 random bytes, the form
 * the Standard Webhooks libraries take. It is kept (deliveries are signed with it) and
 * may be shown again ({@link #secret}). After {@link #rotateSecret} the new secret signs
 * every delivery, and the previous one signs too for {@link #ROTATION_OVERLAP}, so a
 * receiver can switch without missing a message.
 */
@Service
public class Webhooks {

	/**
	 * The event types a subscription may choose, in the order the newsroom lists them.
	 */
	public static final List<String> EVENTS = List.of("article.published", "article.updated", "article.scheduled",
			"article.unpublished", "article.deleted", "comment.created", "comment.approved", "section.updated",
			"tag.updated", "author.updated");

	/** How long the previous secret keeps signing after a rotation. */
	public static final Duration ROTATION_OVERLAP = Duration.ofHours(24);

	/** Longest description, in characters. */
	public static final int MAX_DESCRIPTION = 500;

	/** Most deliveries {@link #deliveries} lists at once. */
	public static final int MAX_DELIVERIES = 500;

	private final WebhookStore store;

	private final WebhookDispatcher dispatcher;

	private final NewsroomAudit audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final boolean allowPrivate;

	Webhooks(WebhookStore store, WebhookDispatcher dispatcher, NewsroomAudit audit, ApplicationEventPublisher events,
			Clock clock, @Value("${broadsheet.webhooks.allow-private-addresses:false}") boolean allowPrivate) {
		this.store = store;
		this.dispatcher = dispatcher;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.allowPrivate = allowPrivate;
	}

	/**
	 * A subscription with its secret, as subscribing and rotating return it.
	 *
	 * @param secret {@code whsec_…}, for the receiver to verify signatures with
	 */
	public record Subscribed(WebhookSubscription subscription, String secret) {
	}

	/**
	 * Subscribes a URL to events, active at once, with a new secret (audited as
	 * {@code created}).
	 * @param url absolute http(s) URL without credentials, at most 2000 characters, on a
	 * public address (unless {@code broadsheet.webhooks.allow-private-addresses})
	 * @param events at least one of {@link #EVENTS}
	 * @param description what it is for; null or empty for none, at most
	 * {@value #MAX_DESCRIPTION} characters
	 * @throws AccessDeniedException unless {@code actor} may manage integrations
	 * @throws InvalidInput naming {@code url}, {@code events} or {@code description}
	 */
	@Transactional
	public Subscribed subscribe(Actor actor, String url, Set<String> events, String description) {
		Permission.MANAGE_INTEGRATIONS.require(actor);
		String checkedUrl = Targets.check(url, allowPrivate).toString();
		Set<String> checkedEvents = events(events);
		String checkedDescription = description(description);
		String secret = Signatures.newSecret();
		long id = store.insertSubscription(checkedUrl, checkedEvents, checkedDescription, secret, clock.millis());
		done(id, actor, WebhookEvent.What.CREATED, checkedUrl);
		return new Subscribed(store.subscription(id).orElseThrow(), secret);
	}

	/**
	 * @return every subscription, oldest first
	 * @throws AccessDeniedException unless {@code actor} may manage integrations
	 */
	@Transactional(readOnly = true)
	public List<WebhookSubscription> all(Actor actor) {
		Permission.MANAGE_INTEGRATIONS.require(actor);
		return store.subscriptions();
	}

	/**
	 * @throws AccessDeniedException unless {@code actor} may manage integrations
	 * @throws NotFound for an unknown id
	 */
	@Transactional(readOnly = true)
	public WebhookSubscription find(Actor actor, long id) {
		Permission.MANAGE_INTEGRATIONS.require(actor);
		return existing(id);
	}

	/**
	 * @return the subscription's current secret, {@code whsec_…}
	 * @throws AccessDeniedException unless {@code actor} may manage integrations
	 * @throws NotFound for an unknown id
	 */
	@Transactional(readOnly = true)
	public String secret(Actor actor, long id) {
		Permission.MANAGE_INTEGRATIONS.require(actor);
		return store.target(id).orElseThrow(() -> new NotFound("webhook", id)).secret();
	}

	/**
	 * Changes a subscription (audited as {@code updated}, or {@code disabled}). Disabling
	 * gives up its pending deliveries; enabling clears a notice of automatic disabling,
	 * and deliveries start again with the next event.
	 * @param url as for {@link #subscribe}
	 * @param events as for {@link #subscribe}
	 * @param description as for {@link #subscribe}
	 * @param active whether deliveries are made
	 * @return the subscription as it is now
	 * @throws AccessDeniedException unless {@code actor} may manage integrations
	 * @throws NotFound for an unknown id
	 * @throws InvalidInput naming {@code url}, {@code events} or {@code description}
	 */
	@Transactional
	public WebhookSubscription update(Actor actor, long id, String url, Set<String> events, String description,
			boolean active) {
		Permission.MANAGE_INTEGRATIONS.require(actor);
		var before = existing(id);
		String checkedUrl = Targets.check(url, allowPrivate).toString();
		Set<String> checkedEvents = events(events);
		String checkedDescription = description(description);
		long now = clock.millis();
		store.update(id, checkedUrl, checkedEvents, checkedDescription, now);
		if (active && !before.active()) {
			store.enable(id, now);
		}
		boolean disabling = !active && before.active();
		if (disabling) {
			store.disable(id, null, now);
		}
		done(id, actor, disabling ? WebhookEvent.What.DISABLED : WebhookEvent.What.UPDATED, checkedUrl);
		return existing(id);
	}

	/**
	 * Gives a subscription a new secret, which signs from now on; the previous one signs
	 * too for {@link #ROTATION_OVERLAP} (audited as {@code secret-rotated}).
	 * @return the subscription with its new secret
	 * @throws AccessDeniedException unless {@code actor} may manage integrations
	 * @throws NotFound for an unknown id
	 */
	@Transactional
	public Subscribed rotateSecret(Actor actor, long id) {
		Permission.MANAGE_INTEGRATIONS.require(actor);
		existing(id);
		String secret = Signatures.newSecret();
		long now = clock.millis();
		store.rotate(id, secret, now + ROTATION_OVERLAP.toMillis(), now);
		done(id, actor, WebhookEvent.What.SECRET_ROTATED, null);
		return new Subscribed(existing(id), secret);
	}

	/**
	 * Deletes a subscription with its delivery log; pending deliveries are not made
	 * (audited as {@code deleted}).
	 * @throws AccessDeniedException unless {@code actor} may manage integrations
	 * @throws NotFound for an unknown id
	 */
	@Transactional
	public void delete(Actor actor, long id) {
		Permission.MANAGE_INTEGRATIONS.require(actor);
		var subscription = existing(id);
		store.delete(id, clock.millis());
		done(id, actor, WebhookEvent.What.DELETED, subscription.url());
	}

	/**
	 * @param limit how many, 1–{@value #MAX_DELIVERIES} (clamped)
	 * @return the subscription's delivery log, newest first
	 * @throws AccessDeniedException unless {@code actor} may manage integrations
	 * @throws NotFound for an unknown subscription
	 */
	@Transactional(readOnly = true)
	public List<WebhookDelivery> deliveries(Actor actor, long subscriptionId, int limit) {
		Permission.MANAGE_INTEGRATIONS.require(actor);
		existing(subscriptionId);
		return store.deliveries(subscriptionId, Math.max(1, Math.min(MAX_DELIVERIES, limit)));
	}

	/**
	 * Sends a delivery's message again to its subscription, as a new entry of the log
	 * with the same {@code webhook-id} and payload, retried as a new message is (audited
	 * as {@code resent}).
	 * @return the new delivery, pending
	 * @throws AccessDeniedException unless {@code actor} may manage integrations
	 * @throws NotFound for an unknown delivery
	 * @throws InvalidInput naming {@code delivery} when its subscription is disabled
	 */
	@Transactional
	public WebhookDelivery resend(Actor actor, long deliveryId) {
		Permission.MANAGE_INTEGRATIONS.require(actor);
		var delivery = store.delivery(deliveryId).orElseThrow(() -> new NotFound("webhook delivery", deliveryId));
		if (!existing(delivery.subscriptionId()).active()) {
			throw new InvalidInput("delivery", "webhook.invalid.resend-disabled");
		}
		long id = store.enqueue(delivery.subscriptionId(), delivery.messageId(), delivery.eventType(),
				delivery.payload(), clock.millis());
		done(delivery.subscriptionId(), actor, WebhookEvent.What.RESENT, delivery.messageId());
		dispatcher.nudgeAfterCommit();
		return store.delivery(id).orElseThrow();
	}

	private WebhookSubscription existing(long id) {
		return store.subscription(id).orElseThrow(() -> new NotFound("webhook", id));
	}

	private void done(long id, Actor actor, WebhookEvent.What what, String detail) {
		audit.record(NewsroomAudit.WEBHOOK, id, actor, new WebhookEvent(id, what).kind(), detail);
		events.publishEvent(new WebhookEvent(id, what));
	}

	private static Set<String> events(Set<String> events) {
		if (events == null || events.isEmpty() || !EVENTS.containsAll(events)) {
			throw new InvalidInput("events", "webhook.invalid.events", String.join(", ", EVENTS));
		}
		return new LinkedHashSet<>(events);
	}

	private static String description(String description) {
		String stripped = description == null ? "" : description.strip();
		if (stripped.length() > MAX_DESCRIPTION || stripped.indexOf('\0') >= 0) {
			throw new InvalidInput("description", "webhook.invalid.description", MAX_DESCRIPTION);
		}
		return stripped;
	}

}
