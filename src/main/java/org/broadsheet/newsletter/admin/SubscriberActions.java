package org.broadsheet.newsletter.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.broadsheet.account.Actor;
import org.broadsheet.account.NewsroomAudit;
import org.broadsheet.account.Permission;
import org.broadsheet.newsletter.ListKey;
import org.broadsheet.newsletter.admin.SubscriberRecords.Row;
import org.broadsheet.shared.Conflict;
import org.broadsheet.shared.InvalidInput;
import org.broadsheet.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * What an editor does to one subscriber, one method per use case: check
 * {@link Permission#MANAGE_SUBSCRIBERS} (else {@link AccessDeniedException}) → change →
 * audit ({@link NewsroomAudit#SUBSCRIBER}, never with the address) → one
 * {@link SubscriberEvent} for the change log. An unknown id is {@link NotFound}; a change
 * the subscriber's status does not allow is {@link StatusConflict} (409).
 */
@Service
public class SubscriberActions {

	/** The consent record's source for the newsroom's changes. */
	static final String NEWSROOM = "newsroom";

	private final SubscriberTable store;

	private final NewsroomAudit audit;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	private final Clock clock;

	SubscriberActions(SubscriberTable store, NewsroomAudit audit, ApplicationEventPublisher events, JsonMapper json,
			Clock clock) {
		this.store = store;
		this.audit = audit;
		this.events = events;
		this.json = json;
		this.clock = clock;
	}

	/** The subscriber's status does not allow the change (409). */
	public static class StatusConflict extends InvalidInput implements Conflict {

		StatusConflict(SubscriberStatus status) {
			super("status", "subscribers.invalid.status", status.key());
		}

	}

	/**
	 * Stops e-mails to an active subscriber until {@link #resume}.
	 */
	@Transactional
	public void pause(Actor actor, long id) {
		Permission.MANAGE_SUBSCRIBERS.require(actor);
		Row row = existing(id);
		if (row.status() != SubscriberStatus.ACTIVE) {
			throw new StatusConflict(row.status());
		}
		store.setStatus(id, SubscriberStatus.PAUSED, false, clock.millis());
		done(id, actor, SubscriberEvent.What.PAUSED, null);
	}

	/**
	 * Sends to a paused subscriber again; a pause after hard bounces is lifted too (its
	 * count starts again), the editor having checked the address.
	 */
	@Transactional
	public void resume(Actor actor, long id) {
		Permission.MANAGE_SUBSCRIBERS.require(actor);
		Row row = existing(id);
		if (row.status() != SubscriberStatus.PAUSED) {
			throw new StatusConflict(row.status());
		}
		store.setStatus(id, SubscriberStatus.ACTIVE, true, clock.millis());
		done(id, actor, SubscriberEvent.What.RESUMED, null);
	}

	/**
	 * Unsubscribes from every list on the subscriber's request: the row and its consent
	 * record stay, with an entry {@code unsubscribed} from source {@code newsroom} naming
	 * the lists left.
	 */
	@Transactional
	public void unsubscribe(Actor actor, long id) {
		Permission.MANAGE_SUBSCRIBERS.require(actor);
		Row row = existing(id);
		if (row.status() == SubscriberStatus.UNSUBSCRIBED) {
			throw new StatusConflict(row.status());
		}
		long now = clock.millis();
		List<ListKey> lists = store.lists(id);
		store.leaveAllLists(id);
		store.setStatus(id, SubscriberStatus.UNSUBSCRIBED, false, now);
		store.consent(id, now, "unsubscribed", NEWSROOM,
				"Unsubscribed from every list by the newsroom at the subscriber's request.", lists);
		done(id, actor, SubscriberEvent.What.UNSUBSCRIBED, row.status().key());
	}

	/**
	 * The subscriber's data on their request (GDPR art. 15 and 20), as UTF-8 JSON:
	 * {@code subscriber} (address, name, status, instants as ISO-8601 UTC), {@code lists}
	 * (keys), {@code consent} (the record, oldest first) and {@code deliveries} (every
	 * message of a send to them, newest first). The link secret is not data about them
	 * and stays out. Audited as {@code exported}; nothing changes, so nothing goes to the
	 * change log.
	 */
	@Transactional // not read-only: the audit entry is written with the read
	public byte[] export(Actor actor, long id) {
		Permission.MANAGE_SUBSCRIBERS.require(actor);
		Row row = existing(id);
		var more = store.more(id);
		Map<String, Object> subscriber = new LinkedHashMap<>();
		subscriber.put("id", row.id());
		subscriber.put("email", row.email());
		subscriber.put("name", row.name());
		subscriber.put("status", row.status().key());
		subscriber.put("createdAt", text(row.createdAt()));
		subscriber.put("confirmedAt", text(more.confirmedAt()));
		subscriber.put("updatedAt", text(more.updatedAt()));
		subscriber.put("pausedReason", more.pausedReason());
		subscriber.put("hardBounces", more.hardBounces());
		Map<String, Object> export = new LinkedHashMap<>();
		export.put("exportedAt", text(clock.instant()));
		export.put("subscriber", subscriber);
		export.put("lists", store.lists(id).stream().map(ListKey::toString).toList());
		export.put("consent", store.consents(id).stream().map(c -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("at", text(c.at()));
			entry.put("action", c.action());
			entry.put("source", c.source());
			entry.put("wording", c.wording());
			entry.put("lists", c.lists().stream().map(ListKey::toString).toList());
			entry.put("clientAddress", c.clientAddress());
			return entry;
		}).toList());
		export.put("deliveries", store.deliveries(id, Integer.MAX_VALUE).stream().map(d -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("sendId", d.sendId());
			entry.put("subject", d.subject());
			entry.put("kind", d.kind());
			entry.put("status", d.status());
			entry.put("sentAt", text(d.sentAt()));
			entry.put("error", d.error());
			return entry;
		}).toList());
		audit.record(NewsroomAudit.SUBSCRIBER, id, actor, "exported", null);
		return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(export);
	}

	/**
	 * Deletes the subscriber's data on their request (GDPR art. 17): the row, its lists,
	 * its consent record and its deliveries. The audit entry keeps only the id, who and
	 * when.
	 */
	@Transactional
	public void delete(Actor actor, long id) {
		Permission.MANAGE_SUBSCRIBERS.require(actor);
		existing(id);
		store.delete(id);
		done(id, actor, SubscriberEvent.What.DELETED, null);
	}

	private Row existing(long id) {
		return store.row(id).orElseThrow(() -> new NotFound("subscriber", id));
	}

	private void done(long id, Actor actor, SubscriberEvent.What what, String detail) {
		var event = new SubscriberEvent(id, what);
		audit.record(NewsroomAudit.SUBSCRIBER, id, actor, event.kind(), detail);
		events.publishEvent(event);
	}

	private static String text(Instant instant) {
		return instant == null ? null : instant.toString();
	}

}
