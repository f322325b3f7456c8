package org.broadsheet.fediverse.follow;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.broadsheet.fediverse.actor.Actors;
import org.broadsheet.fediverse.delivery.Deliveries;
import org.springframework.stereotype.Component;

/**
 * The answers to a {@code Follow} (ActivityPub §7.5): an {@code Accept} or a
 * {@code Reject} whose {@code object} is the Follow, queued to the follower's own inbox
 * ({@link Deliveries}) in the caller's transaction, signed by the followed actor. Ids are
 * {@code <actor id>#accept-<hash>} and {@code <actor id>#reject-<hash>}, the hash (22
 * characters of base64url SHA-256) of the Follow's id, so an answer sent again has the
 * same id.
 */
@Component
class FollowAnswers {

	private static final String AS = "https://www.w3.org/ns/activitystreams";

	private final Actors actors;

	private final Deliveries deliveries;

	FollowAnswers(Actors actors, Deliveries deliveries) {
		this.actors = actors;
		this.deliveries = deliveries;
	}

	/**
	 * Queues an {@code Accept}.
	 * @param actorKey the followed actor ({@code site}, {@code author:<id>},
	 * {@code section:<id>})
	 * @param follow the Follow as received (JSON object as a map)
	 * @param followId its id
	 * @param inbox the follower's own inbox
	 */
	void accept(String actorKey, Map<String, Object> follow, String followId, URI inbox) {
		queue("Accept", actorKey, follow, followId, inbox);
	}

	/**
	 * Queues a {@code Reject} of a stored follower's Follow, the Follow rebuilt from what
	 * was kept of it (its id, the follower, the followed actor).
	 */
	void reject(Follower follower) {
		queue("Reject", follower.actorKey(), stored(follower), follower.followId(), URI.create(follower.inbox()));
	}

	/**
	 * Queues an {@code Accept} of a stored follower's Follow, rebuilt as for
	 * {@link #reject}.
	 */
	void accept(Follower follower) {
		accept(follower.actorKey(), stored(follower), follower.followId(), URI.create(follower.inbox()));
	}

	/** The Follow as Mastodon matches it: by its id, with its actor and object. */
	private Map<String, Object> stored(Follower follower) {
		Map<String, Object> follow = new LinkedHashMap<>();
		if (follower.followId() != null) {
			follow.put("id", follower.followId());
		}
		follow.put("type", "Follow");
		follow.put("actor", follower.follower());
		follow.put("object", actors.id(follower.actorKey()));
		return follow;
	}

	private void queue(String type, String actorKey, Map<String, Object> follow, String followId, URI inbox) {
		String actorId = actors.id(actorKey);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("@context", AS);
		answer.put("id", actorId + "#" + type.toLowerCase(Locale.ROOT) + "-"
				+ digest(followId != null ? followId : String.valueOf(follow.get("actor"))));
		answer.put("type", type);
		answer.put("actor", actorId);
		answer.put("object", follow);
		deliveries.queue(actorKey, answer, List.of(inbox));
	}

	private static String digest(String text) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
