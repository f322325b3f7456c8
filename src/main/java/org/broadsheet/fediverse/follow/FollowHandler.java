package org.broadsheet.fediverse.follow;

import java.net.URI;
import java.util.Map;
import java.util.Set;

import org.broadsheet.fediverse.actor.Actors;
import org.broadsheet.fediverse.actor.FediverseSettings;
import org.broadsheet.fediverse.actor.LocalActor;
import org.broadsheet.fediverse.inbox.InboxActivity;
import org.broadsheet.fediverse.inbox.InboxHandler;
import org.broadsheet.shared.InvalidInput;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Follow} (ActivityPub §7.5) and {@code Undo} of a {@code Follow} (§7.6, the inbox
 * hands it over as {@code Undo:Follow}). A follow of a local actor stores the follower
 * with its inbox and shared inbox, learnt from its actor document ({@link RemoteActors},
 * fetched before any transaction), accepted at once and answered with an {@code Accept}
 * whose object is the {@code Follow} — or {@code pending} without an answer when
 * {@code broadsheet.fediverse.approve-followers} is on. A follow again updates the
 * inboxes and answers again. An undo removes the follower. Both are idempotent.
 */
@Component
class FollowHandler implements InboxHandler {

	private final Actors actors;

	private final FollowerStore store;

	private final RemoteActors remote;

	private final FollowAnswers answers;

	private final TransactionTemplate transactions;

	private final FediverseSettings settings;

	private final java.time.Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	FollowHandler(Actors actors, FollowerStore store, RemoteActors remote, FollowAnswers answers,
			TransactionTemplate transactions, FediverseSettings settings, java.time.Clock clock) {
		this.actors = actors;
		this.store = store;
		this.remote = remote;
		this.answers = answers;
		this.transactions = transactions;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public Set<String> types() {
		return Set.of("Follow", "Undo:Follow");
	}

	@Override
	public void handle(InboxActivity activity) {
		if ("Follow".equals(activity.type())) {
			follow(activity);
		}
		else {
			undo(activity);
		}
	}

	private void follow(InboxActivity received) {
		JsonNode activity = received.activity();
		String followId = id(activity.get("id"), "id");
		LocalActor local = local(id(activity.get("object"), "object"));
		RemoteActors.Inboxes inboxes = remote.inboxes(received.signer());
		String state = settings.approveFollowers() ? "pending" : "accepted";
		String follower = received.signer().toString();
		transactions.executeWithoutResult(tx -> {
			String stored = store.find(local.keyName(), follower).map(Follower::state).orElse(state);
			store.save(new Follower(local.keyName(), follower, inboxes.inbox().toString(),
					inboxes.sharedInbox() == null ? null : inboxes.sharedInbox().toString(), stored, followId,
					clock.millis()));
			if ("accepted".equals(stored)) {
				answers.accept(local.keyName(), json.convertValue(activity, Map.class), followId, inboxes.inbox());
			}
		});
	}

	private void undo(InboxActivity received) {
		JsonNode follow = received.activity().path("object");
		String follower = id(follow.get("actor"), "object.actor");
		if (!follower.equals(received.signer().toString())) {
			throw new InvalidInput("object.actor", "fediverse.inbox.not-signer");
		}
		LocalActor local = local(id(follow.get("object"), "object.object"));
		store.remove(local.keyName(), follower);
	}

	/** The local actor an id names, or a 400 naming {@code object}. */
	private LocalActor local(String id) {
		try {
			String path = URI.create(id).getRawPath();
			if (path != null && actors.absolute(path).equals(id)) {
				var found = actors.byPath(path);
				if (found.isPresent()) {
					return found.get();
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// Not a URI: not ours.
		}
		throw new InvalidInput("object", "fediverse.inbox.unknown-actor");
	}

	/** An id given as a string or as an object's {@code id}. */
	private static String id(JsonNode node, String property) {
		if (node != null && node.isString() && !node.asString().isBlank()) {
			return node.asString();
		}
		if (node != null && node.isObject() && node.path("id").isString()) {
			return node.path("id").asString();
		}
		throw new InvalidInput(property, "fediverse.inbox.missing", property);
	}

}
