package org.broadsheet.fediverse.actor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Actor documents (ActivityPub §4.1) as Mastodon reads them: {@code id}, {@code type},
 * {@code preferredUsername}, {@code inbox}, {@code outbox}, {@code followers},
 * {@code following}, {@code endpoints.sharedInbox}, and {@code publicKey} with
 * {@code owner} equal to the id (the Security Vocabulary v1 that HTTP Signatures are
 * checked against); absolute URLs on the site's base URL.
 */
@Component
class ActorDocuments {

	/** The Security Vocabulary's context (publicKey, publicKeyPem, owner). */
	static final String SECURITY = "https://w3id.org/security/v1";

	/**
	 * Terms Mastodon reads that the two contexts above do not define.
	 */
	static final Map<String, Object> EXTENSIONS = Map.of("manuallyApprovesFollowers", "as:manuallyApprovesFollowers",
			"toot", "http://joinmastodon.org/ns#", "discoverable", "toot:discoverable");

	/** The collections every actor has, each at {@code <actor id>/<name>}. */
	static final List<String> COLLECTIONS = List.of("inbox", "outbox", "followers", "following");

	/** The path of the shared inbox (ActivityPub §7.1.3). */
	static final String SHARED_INBOX = "/ap/inbox";

	private final Actors actors;

	private final ActorKeys keys;

	private final FediverseSettings settings;

	ActorDocuments(Actors actors, ActorKeys keys, FediverseSettings settings) {
		this.actors = actors;
		this.keys = keys;
		this.settings = settings;
	}

	/**
	 * @return the actor's absolute id: its actor document's URL
	 */
	String id(LocalActor actor) {
		return actors.absolute(actor.path());
	}

	/**
	 * @return the actor's document; makes its key pair if it has none yet
	 */
	Map<String, Object> document(LocalActor actor) {
		String id = id(actor);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("@context", List.of(ActivityJson.ACTIVITY_STREAMS, SECURITY, EXTENSIONS));
		json.put("id", id);
		json.put("type", actor.kind().type());
		json.put("preferredUsername", actor.username());
		json.put("name", actor.name());
		if (actor.summaryHtml() != null) {
			json.put("summary", actor.summaryHtml());
		}
		json.put("url", actors.absolute(actor.pagePath()));
		if (actor.iconPath() != null) {
			var picture = Map.of("type", "Image", "url", actors.absolute(actor.iconPath()));
			json.put("icon", picture);
			json.put("image", picture);
		}
		for (String collection : COLLECTIONS) {
			json.put(collection, id + "/" + collection);
		}
		json.put("endpoints", Map.of("sharedInbox", actors.absolute(SHARED_INBOX)));
		json.put("publicKey",
				Map.of("id", Actors.keyId(id), "owner", id, "publicKeyPem", keys.of(actor.keyName()).publicPem()));
		json.put("discoverable", true);
		json.put("manuallyApprovesFollowers", settings.approveFollowers());
		return json;
	}

}
