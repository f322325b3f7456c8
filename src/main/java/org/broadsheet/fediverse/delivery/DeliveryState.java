package org.broadsheet.fediverse.delivery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.broadsheet.account.Actor;
import org.broadsheet.account.NewsroomAudit;
import org.broadsheet.account.Permission;
import org.broadsheet.shared.InvalidInput;
import org.broadsheet.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The state of the fediverse delivery queue for the newsroom (docs/fediverse.md,
 * "Delivery"): counts by status, the latest deliveries that failed or were given up, the
 * dead instances, and the use case that forgets a dead instance so that deliveries to it
 * are tried again. Every query is bounded ({@code LIMIT}) and runs on an index, so the
 * page costs the same however long the queue's history is.
 */
@Service
public class DeliveryState {

	/** The audit subject of a forgotten instance (id 0; the detail is its host). */
	public static final String AUDIT = "fediverse-instance";

	/** The statuses shown, in order: {@code queued} counts claimed rows too. */
	public static final List<String> STATUSES = List.of("queued", "sent", "failed", "dead");

	/** Counts stop here: the page says "at least". */
	public static final int COUNT_CAP = 10_000;

	/**
	 * What the newsroom page shows.
	 *
	 * @param counts deliveries by status ({@link #STATUSES}), each at most
	 * {@link #COUNT_CAP}
	 * @param failures the latest failed and dead deliveries, newest first
	 * @param dead the most recently dead instances
	 */
	public record Summary(Map<String, Long> counts, List<DeliveryFailure> failures, List<DeadInstance> dead) {
	}

	private final DeliveryStore store;

	private final NewsroomAudit audit;

	private final ApplicationEventPublisher events;

	DeliveryState(DeliveryStore store, NewsroomAudit audit, ApplicationEventPublisher events) {
		this.store = store;
		this.audit = audit;
		this.events = events;
	}

	/**
	 * @param limit how many failures and dead instances to list
	 * @throws AccessDeniedException without {@link Permission#MANAGE_FEDIVERSE}
	 */
	public Summary summary(Actor actor, int limit) {
		Permission.MANAGE_FEDIVERSE.require(actor);
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String status : STATUSES) {
			counts.put(status, store.count(status, COUNT_CAP));
		}
		counts.merge("queued", store.count("claimed", COUNT_CAP), Long::sum);
		List<DeliveryFailure> failures = new ArrayList<>(store.latest("failed", limit));
		failures.addAll(store.latest("dead", limit));
		failures.sort(Comparator.comparingLong(DeliveryFailure::lastAt).reversed());
		return new Summary(counts, List.copyOf(failures.subList(0, Math.min(limit, failures.size()))),
				store.deadInstances(limit));
	}

	/**
	 * Forgets a dead instance: the next delivery to it is tried (deliveries already given
	 * up stay {@code dead}).
	 * @param host the instance's host as listed
	 * @throws InvalidInput naming {@code host} when it is blank
	 * @throws NotFound ({@code instance}) when no dead instance has this host
	 * @throws AccessDeniedException without {@link Permission#MANAGE_FEDIVERSE}
	 */
	@Transactional
	public void forget(Actor actor, String host) {
		Permission.MANAGE_FEDIVERSE.require(actor);
		if (host == null || host.isBlank()) {
			throw new InvalidInput("host", "fediverse.delivery.host");
		}
		if (!store.forget(host.strip())) {
			throw new NotFound("instance", host);
		}
		audit.record(AUDIT, 0, actor, "forgotten", host.strip());
		events.publishEvent(new InstanceForgotten());
	}

}
