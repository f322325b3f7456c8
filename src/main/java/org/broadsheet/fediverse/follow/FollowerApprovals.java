package org.broadsheet.fediverse.follow;

import java.util.List;

import org.broadsheet.account.Actor;
import org.broadsheet.account.NewsroomAudit;
import org.broadsheet.account.Permission;
import org.broadsheet.fediverse.actor.FediverseSettings;
import org.broadsheet.shared.Conflict;
import org.broadsheet.shared.InvalidInput;
import org.broadsheet.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The newsroom's view of the local actors' followers and its two use cases on a pending
 * follower (one that followed while {@code broadsheet.fediverse.approve-followers} was
 * on): approve, which accepts it and queues an {@code Accept} of its {@code Follow}, and
 * reject, which removes it and queues a {@code Reject} (ActivityPub §7.5). Each checks
 * {@link Permission#MANAGE_FEDIVERSE}, changes the row, records an audit entry (subject
 * {@value #AUDIT}, id {@code fediverse_follower.id}) and publishes a
 * {@link FollowerChanged}, all in one transaction with the queued answer.
 */
@Service
public class FollowerApprovals {

	/** The audit subject of a follower ({@code fediverse_follower.id}). */
	public static final String AUDIT = "fediverse-follower";

	/**
	 * What the newsroom page shows.
	 *
	 * @param counts every actor with followers, by actor key
	 * @param pending the newest pending followers (at most the limit asked for)
	 * @param approveFollowers whether new followers wait for approval
	 */
	public record Overview(List<ActorCount> counts, List<PendingFollower> pending, boolean approveFollowers) {
	}

	/**
	 * The follower is not pending: it was approved already. Answered 409 by the newsroom;
	 * field {@code follower}, message {@code fediverse.followers.notPending}.
	 */
	public static final class NotPending extends InvalidInput implements Conflict {

		private static final long serialVersionUID = 1L;

		NotPending() {
			super("follower", "fediverse.followers.notPending");
		}

	}

	private final FollowerStore store;

	private final FollowAnswers answers;

	private final NewsroomAudit audit;

	private final ApplicationEventPublisher events;

	private final FediverseSettings settings;

	FollowerApprovals(FollowerStore store, FollowAnswers answers, NewsroomAudit audit, ApplicationEventPublisher events,
			FediverseSettings settings) {
		this.store = store;
		this.answers = answers;
		this.audit = audit;
		this.events = events;
		this.settings = settings;
	}

	/**
	 * @param pendingLimit how many pending followers to list, newest first
	 * @throws AccessDeniedException without {@link Permission#MANAGE_FEDIVERSE}
	 */
	public Overview overview(Actor actor, int pendingLimit) {
		Permission.MANAGE_FEDIVERSE.require(actor);
		return new Overview(store.counts(), store.pending(pendingLimit), settings.approveFollowers());
	}

	/**
	 * Accepts a pending follower and queues the {@code Accept} of its {@code Follow} to
	 * its inbox (as an automatic acceptance does).
	 * @param id a {@code fediverse_follower.id}
	 * @throws NotFound ({@code follower}) when there is no such follower
	 * @throws NotPending when it is not pending (already accepted)
	 * @throws AccessDeniedException without {@link Permission#MANAGE_FEDIVERSE}
	 */
	@Transactional
	public void approve(Actor actor, long id) {
		Permission.MANAGE_FEDIVERSE.require(actor);
		Follower follower = store.byId(id).orElseThrow(() -> new NotFound("follower", id));
		if (!store.accept(id)) {
			throw new NotPending();
		}
		answers.accept(follower);
		audit.record(AUDIT, id, actor, "approved", follower.follower());
		events.publishEvent(new FollowerChanged(id, "approved"));
	}

	/**
	 * Removes a follower (pending or accepted) and queues a {@code Reject} of its
	 * {@code Follow} to its inbox.
	 * @param id a {@code fediverse_follower.id}
	 * @throws NotFound ({@code follower}) when there is no such follower
	 * @throws AccessDeniedException without {@link Permission#MANAGE_FEDIVERSE}
	 */
	@Transactional
	public void reject(Actor actor, long id) {
		Permission.MANAGE_FEDIVERSE.require(actor);
		Follower follower = store.byId(id).orElseThrow(() -> new NotFound("follower", id));
		if (!store.remove(id)) {
			throw new NotFound("follower", id);
		}
		answers.reject(follower);
		audit.record(AUDIT, id, actor, "rejected", follower.follower());
		events.publishEvent(new FollowerChanged(id, "rejected"));
	}

}
