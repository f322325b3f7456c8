package org.broadsheet.fediverse.interaction;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.broadsheet.fediverse.signature.FetchFailed;
import org.broadsheet.fediverse.signature.RemoteDocuments;
import org.broadsheet.shared.InvalidInput;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fetches the author of a reply: their actor document (ActivityPub §4.1), through
 * {@link RemoteDocuments} (SSRF guard, size and time limits). Called outside any
 * transaction.
 */
@Component
class RemoteAuthors {

	/**
	 * What a comment shows of its fediverse author.
	 *
	 * @param name {@code name}, else {@code preferredUsername}, else the host
	 * @param profileUrl {@code url} when an http(s) string, else the actor id
	 * @param avatarUrl {@code icon.url} when https, else null
	 */
	record RemoteAuthor(String name, String profileUrl, String avatarUrl) {
	}

	private final RemoteDocuments documents;

	private final JsonMapper json = new JsonMapper();

	RemoteAuthors(RemoteDocuments documents) {
		this.documents = documents;
	}

	/**
	 * @param actorId the author's actor id (the request's signer)
	 * @return what a comment shows of them
	 * @throws InvalidInput naming {@code actor} when their document cannot be fetched or
	 * read
	 */
	RemoteAuthor fetch(URI actorId) {
		JsonNode actor;
		try {
			actor = json.readTree(documents.get(actorId).text());
		}
		catch (FetchFailed | JacksonException ex) {
			throw new InvalidInput("actor", "fediverse.error.actor", actorId.toString());
		}
		String name = Json.text(actor, "name");
		if (name == null || name.isBlank()) {
			name = Json.text(actor, "preferredUsername");
		}
		if (name == null || name.isBlank()) {
			name = actorId.getHost();
		}
		String url = Json.text(actor, "url");
		String profile = url != null && web(url, false) ? url : actorId.toString();
		JsonNode icon = actor.get("icon");
		if (icon != null && icon.isArray()) {
			icon = icon.isEmpty() ? null : icon.get(0);
		}
		String avatar = icon == null ? null : icon.isString() ? icon.asString() : Json.text(icon, "url");
		return new RemoteAuthor(name.strip(), profile, avatar != null && web(avatar, true) ? avatar : null);
	}

	private static boolean web(String url, boolean httpsOnly) {
		try {
			URI uri = new URI(url);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			return uri.getHost() != null && (scheme.equals("https") || (!httpsOnly && scheme.equals("http")));
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}
