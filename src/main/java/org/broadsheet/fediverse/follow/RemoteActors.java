package org.broadsheet.fediverse.follow;

import java.net.URI;

import org.broadsheet.fediverse.signature.FetchFailed;
import org.broadsheet.fediverse.signature.RemoteDocuments;
import org.broadsheet.shared.InvalidInput;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a remote actor's inboxes from its actor document (ActivityPub §4.1:
 * {@code inbox}, {@code endpoints.sharedInbox}), fetched with {@link RemoteDocuments}
 * (SSRF guard, limits). Never call it inside a transaction: it waits on the network.
 */
@Component
class RemoteActors {

	/**
	 * @param inbox the actor's own inbox
	 * @param sharedInbox its instance's shared inbox, or null
	 */
	record Inboxes(URI inbox, URI sharedInbox) {
	}

	private final RemoteDocuments documents;

	private final JsonMapper json = JsonMapper.builder().build();

	RemoteActors(RemoteDocuments documents) {
		this.documents = documents;
	}

	/**
	 * @param actor a remote actor's id
	 * @return its inboxes
	 * @throws InvalidInput ({@code actor}) when its document cannot be had or names no
	 * usable inbox
	 */
	Inboxes inboxes(URI actor) {
		JsonNode document;
		try {
			document = json.readTree(documents.get(actor).body());
		}
		catch (FetchFailed | JacksonException ex) {
			throw new InvalidInput("actor", "fediverse.inbox.unreachable");
		}
		URI inbox = uri(document.path("inbox"));
		if (inbox == null) {
			throw new InvalidInput("actor", "fediverse.inbox.unreachable");
		}
		return new Inboxes(inbox, uri(document.path("endpoints").path("sharedInbox")));
	}

	private static URI uri(JsonNode node) {
		if (!node.isString()) {
			return null;
		}
		try {
			URI uri = URI.create(node.asString());
			String scheme = String.valueOf(uri.getScheme());
			return uri.getHost() != null && (scheme.equals("https") || scheme.equals("http")) ? uri : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
