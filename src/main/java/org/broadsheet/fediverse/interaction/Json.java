package org.broadsheet.fediverse.interaction;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.broadsheet.shared.InvalidInput;
import tools.jackson.databind.JsonNode;

/**
 * Reading ActivityStreams 2.0 JSON as servers send it: a property that is a link may be
 * an id string or an object with an {@code id}, and a few may be arrays.
 */
final class Json {

	/** The public collection, in its three spellings (ActivityPub §5.6). */
	private static final Set<String> PUBLIC = Set.of("https://www.w3.org/ns/activitystreams#Public", "as:Public",
			"Public");

	private Json() {
	}

	/**
	 * @return the property as a string: itself when a string, its {@code id} when an
	 * object, else null
	 */
	static String id(JsonNode node, String property) {
		JsonNode value = node == null ? null : node.get(property);
		if (value == null) {
			return null;
		}
		if (value.isObject()) {
			value = value.get("id");
		}
		return value != null && value.isString() ? value.asString() : null;
	}

	/**
	 * @return the string property, or null when missing or not a string
	 */
	static String text(JsonNode node, String property) {
		JsonNode value = node == null ? null : node.get(property);
		return value != null && value.isString() ? value.asString() : null;
	}

	/**
	 * @return the id as an absolute http(s) URI
	 * @throws InvalidInput naming {@code field} when it is missing or not one
	 */
	static URI uri(String value, String field) {
		try {
			URI uri = new URI(value);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
				return uri;
			}
		}
		catch (URISyntaxException | NullPointerException ex) {
			// refused below
		}
		throw new InvalidInput(field, "fediverse.error.id", value);
	}

	/**
	 * @return whether {@code to} or {@code cc} holds the public collection
	 */
	static boolean isPublic(JsonNode object) {
		for (String property : new String[] { "to", "cc" }) {
			JsonNode value = object.get(property);
			if (value == null) {
				continue;
			}
			for (JsonNode item : value.isArray() ? value : List.of(value)) {
				if (item.isString() && PUBLIC.contains(item.asString())) {
					return true;
				}
			}
		}
		return false;
	}

}
