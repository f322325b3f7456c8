package org.broadsheet.adminapi;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.broadsheet.account.ApiKeyActor;
import org.broadsheet.webhook.WebhookDelivery;
import org.broadsheet.webhook.WebhookSubscription;
import org.broadsheet.webhook.Webhooks;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Webhook subscriptions in the Admin API, through {@link Webhooks} (administrators'
 * keys): subscribe a URL to events, change or disable it, rotate its signing secret (the
 * old one keeps signing too for 24 hours), delete it, read its delivery log and send a
 * delivery again (same {@code webhook-id}). Deliveries follow the Standard Webhooks
 * specification ({@code docs/api.md}, "Webhooks").
 */
@RestController
@RequestMapping(AdminPaths.BASE + "/webhooks")
@Tag(name = "Admin API: webhooks", description = "Subscriptions to signed deliveries (Standard Webhooks) and their "
		+ "delivery log: administrators only.")
class WebhooksEndpoint {

	private static final String ADMINISTRATORS = "Administrators only.";

	private final Webhooks webhooks;

	WebhooksEndpoint(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	/**
	 * A subscription to create or (every member replaced) update.
	 *
	 * @param url absolute http(s) URL, at most 2,000 characters
	 * @param events event types, e.g. {@code article.published}; at least one
	 * @param description what it is for; may be null
	 * @param active on update: false disables it (and true enables it again); ignored on
	 * create
	 */
	@Schema(name = "WebhookSubscriptionFields")
	record SubscriptionFields(String url, List<String> events, String description, Boolean active) {
	}

	/**
	 * A subscription.
	 *
	 * @param secret the signing secret ({@code whsec_…}); only in answers to create,
	 * rotate and {@code GET …/secret}
	 * @param disabledReason why deliveries were stopped (e.g. 24 hours of failures), or
	 * null
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "WebhookSubscription")
	record SubscriptionJson(long id, String url, List<String> events, String description, boolean active,
			String disabledReason, String disabledAt, String previousSecretUntil, String createdAt, String updatedAt,
			String secret) {

		static SubscriptionJson of(WebhookSubscription s, String secret) {
			return new SubscriptionJson(s.id(), s.url(), s.events().stream().sorted().toList(), s.description(),
					s.active(), s.disabledReason(), AdminJson.instant(s.disabledAt()),
					AdminJson.instant(s.previousSecretUntil()), AdminJson.instant(s.createdAt()),
					AdminJson.instant(s.updatedAt()), secret);
		}

	}

	/**
	 * One message to one subscription, with its latest attempt.
	 *
	 * @param messageId the {@code webhook-id} header, the same on every attempt
	 * @param status {@code pending}, {@code delivered} or {@code failed}
	 * @param payload the JSON body sent
	 * @param durationMs the latest attempt's, in milliseconds
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "WebhookDelivery")
	record DeliveryJson(long id, long subscriptionId, String messageId, String eventType, String status, int attempts,
			Integer responseCode, Integer durationMs, String lastError, String createdAt, String lastAttemptAt,
			String nextAttemptAt, String finishedAt, String payload) {

		static DeliveryJson of(WebhookDelivery d) {
			return new DeliveryJson(d.id(), d.subscriptionId(), d.messageId(), d.eventType(),
					d.status().name().toLowerCase(Locale.ROOT), d.attempts(), d.responseCode(), d.durationMs(),
					d.lastError(), AdminJson.instant(d.createdAt()), AdminJson.instant(d.lastAttemptAt()),
					d.status() == WebhookDelivery.Status.PENDING ? AdminJson.instant(d.nextAttemptAt()) : null,
					AdminJson.instant(d.finishedAt()), d.payload());
		}

	}

	@Operation(summary = "List webhook subscriptions", description = ADMINISTRATORS)
	@ApiResponse(responseCode = "200", description = "Every subscription",
			content = @Content(array = @ArraySchema(schema = @Schema(implementation = SubscriptionJson.class))))
	@AdminApiResponses.EditorsOnly
	@GetMapping
	List<SubscriptionJson> all(@AuthenticationPrincipal ApiKeyActor actor) {
		return webhooks.all(actor).stream().map(s -> SubscriptionJson.of(s, null)).toList();
	}

	@Operation(summary = "Subscribe a URL to events",
			description = "Answers with the signing secret. " + ADMINISTRATORS)
	@ApiResponse(responseCode = "201", description = "Subscribed; `Location` is its address",
			headers = @Header(name = "Location", description = "The subscription's Admin API path",
					schema = @Schema(type = "string")),
			content = @Content(schema = @Schema(implementation = SubscriptionJson.class)))
	@AdminApiResponses.EditorsOnly
	@AdminApiResponses.Invalid
	@PostMapping
	ResponseEntity<SubscriptionJson> subscribe(@AuthenticationPrincipal ApiKeyActor actor,
			@RequestBody SubscriptionFields body) {
		var subscribed = webhooks.subscribe(actor, body.url(), events(body), body.description());
		return ResponseEntity.created(URI.create(AdminPaths.BASE + "/webhooks/" + subscribed.subscription().id()))
			.body(SubscriptionJson.of(subscribed.subscription(), subscribed.secret()));
	}

	@Operation(summary = "Get a webhook subscription", description = ADMINISTRATORS)
	@ApiResponse(responseCode = "200", description = "The subscription",
			content = @Content(schema = @Schema(implementation = SubscriptionJson.class)))
	@AdminApiResponses.Lookup
	@GetMapping("/{id}")
	SubscriptionJson one(@AuthenticationPrincipal ApiKeyActor actor, @PathVariable long id) {
		return SubscriptionJson.of(webhooks.find(actor, id), null);
	}

	@Operation(summary = "Get its signing secret", description = ADMINISTRATORS)
	@ApiResponse(responseCode = "200", description = "The subscription",
			content = @Content(schema = @Schema(implementation = SubscriptionJson.class)))
	@AdminApiResponses.Lookup
	@GetMapping("/{id}/secret")
	SubscriptionJson secret(@AuthenticationPrincipal ApiKeyActor actor, @PathVariable long id) {
		return SubscriptionJson.of(webhooks.find(actor, id), webhooks.secret(actor, id));
	}

	@Operation(summary = "Change a webhook subscription",
			description = "Every member replaced; `active: false` disables it. " + ADMINISTRATORS)
	@ApiResponse(responseCode = "200", description = "The subscription",
			content = @Content(schema = @Schema(implementation = SubscriptionJson.class)))
	@AdminApiResponses.Lookup
	@AdminApiResponses.Invalid
	@PutMapping("/{id}")
	SubscriptionJson update(@AuthenticationPrincipal ApiKeyActor actor, @PathVariable long id,
			@RequestBody SubscriptionFields body) {
		boolean active = body.active() == null ? webhooks.find(actor, id).active() : body.active();
		return SubscriptionJson.of(webhooks.update(actor, id, body.url(), events(body), body.description(), active),
				null);
	}

	/** A new signing secret; the previous one signs too for 24 hours. */
	@Operation(summary = "Rotate its signing secret",
			description = "The previous secret signs too for 24 hours. " + ADMINISTRATORS)
	@ApiResponse(responseCode = "200", description = "The subscription",
			content = @Content(schema = @Schema(implementation = SubscriptionJson.class)))
	@AdminApiResponses.Lookup
	@PostMapping("/{id}/rotate-secret")
	SubscriptionJson rotate(@AuthenticationPrincipal ApiKeyActor actor, @PathVariable long id) {
		var rotated = webhooks.rotateSecret(actor, id);
		return SubscriptionJson.of(rotated.subscription(), rotated.secret());
	}

	@Operation(summary = "Delete a webhook subscription", description = ADMINISTRATORS)
	@ApiResponse(responseCode = "204", description = "Deleted")
	@AdminApiResponses.Lookup
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@AuthenticationPrincipal ApiKeyActor actor, @PathVariable long id) {
		webhooks.delete(actor, id);
	}

	/**
	 * @param limit 1–200
	 * @return the subscription's deliveries, newest first
	 */
	@Operation(summary = "Its delivery log", description = "Newest first. " + ADMINISTRATORS)
	@ApiResponse(responseCode = "200", description = "Deliveries",
			content = @Content(array = @ArraySchema(schema = @Schema(implementation = DeliveryJson.class))))
	@AdminApiResponses.Lookup
	@AdminApiResponses.BadRequest
	@GetMapping("/{id}/deliveries")
	List<DeliveryJson> deliveries(@AuthenticationPrincipal ApiKeyActor actor, @PathVariable long id,
			@RequestParam(defaultValue = "50") int limit) {
		AdminApiErrors.requirePage(1, limit);
		return webhooks.deliveries(actor, id, limit).stream().map(DeliveryJson::of).toList();
	}

	/** Sends a delivery again, with the same {@code webhook-id} and payload. */
	@Operation(summary = "Send a delivery again", description = "Same `webhook-id` and payload. " + ADMINISTRATORS)
	@ApiResponse(responseCode = "200", description = "The new delivery",
			content = @Content(schema = @Schema(implementation = DeliveryJson.class)))
	@AdminApiResponses.Lookup
	@AdminApiResponses.Invalid
	@PostMapping("/deliveries/{deliveryId}/resend")
	DeliveryJson resend(@AuthenticationPrincipal ApiKeyActor actor, @PathVariable long deliveryId) {
		return DeliveryJson.of(webhooks.resend(actor, deliveryId));
	}

	private static Set<String> events(SubscriptionFields body) {
		return body.events() == null ? Set.of() : new LinkedHashSet<>(body.events());
	}

}
