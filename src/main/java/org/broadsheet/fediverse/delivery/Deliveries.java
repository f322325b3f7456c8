package org.broadsheet.fediverse.delivery;

import java.net.URI;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;

import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues activities for other servers' inboxes ({@code fediverse_delivery}): one row per
 * distinct inbox, sent by {@link ActivityDeliveryWorker} after the current transaction
 * commits (or at once when there is none). Call it inside the transaction of the change
 * that the activity announces: the rows commit with the change or not at all.
 */
@Service
public class Deliveries {

	private final DeliveryStore store;

	private final ActivityDeliveryWorker worker;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	Deliveries(DeliveryStore store, ActivityDeliveryWorker worker, Clock clock) {
		this.store = store;
		this.worker = worker;
		this.clock = clock;
	}

	/**
	 * @param sender the local actor whose key signs: {@code site}, {@code author:<id>} or
	 * {@code section:<id>}
	 * @param activity the activity (ActivityStreams 2.0 JSON, with {@code @context})
	 * @param inboxes where it goes; duplicates are sent once
	 * @return how many deliveries were queued
	 */
	public int queue(String sender, Map<String, Object> activity, Collection<URI> inboxes) {
		String text = json.writeValueAsString(activity);
		long now = clock.millis();
		int queued = 0;
		for (URI inbox : new LinkedHashSet<>(inboxes)) {
			store.queue(text, sender, inbox.toString(), now);
			queued++;
		}
		if (queued > 0) {
			worker.nudgeAfterCommit();
		}
		return queued;
	}

}
