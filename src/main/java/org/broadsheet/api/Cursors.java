package org.broadsheet.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.broadsheet.article.PublishedArticles.Position;

/**
 * Opaque cursors of the Content API's pages: base64url (RFC 4648 §5, no padding) of
 * {@code a:<epoch ms>:<id>} for articles (the last article's publication instant and id)
 * and {@code s:<slug>} for sections, tags and authors (the last slug). Clients pass back
 * what {@code next} gave them and never build one.
 */
final class Cursors {

	static final String PARAMETER = "cursor";

	private Cursors() {
	}

	static String of(Position position) {
		return encode("a:" + position.publishedAt().toEpochMilli() + ":" + position.id());
	}

	static String ofSlug(String slug) {
		return encode("s:" + slug);
	}

	/**
	 * @return the position, or null for no cursor
	 * @throws BadParameter naming {@code cursor} when it is not an article cursor
	 */
	static Position position(String cursor) {
		if (cursor == null) {
			return null;
		}
		String[] parts = decode(cursor).split(":", -1);
		try {
			if (parts.length == 3 && parts[0].equals("a")) {
				return new Position(Instant.ofEpochMilli(Long.parseLong(parts[1])), Long.parseLong(parts[2]));
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw invalid();
	}

	/**
	 * @return the slug to start after, empty for no cursor
	 * @throws BadParameter naming {@code cursor} when it is not a slug cursor
	 */
	static String slug(String cursor) {
		if (cursor == null) {
			return "";
		}
		String value = decode(cursor);
		if (!value.startsWith("s:")) {
			throw invalid();
		}
		return value.substring(2);
	}

	private static String encode(String value) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
	}

	private static String decode(String cursor) {
		try {
			return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw invalid();
		}
	}

	private static BadParameter invalid() {
		return new BadParameter(PARAMETER, "is not a cursor this API gave; pass back a response's next value");
	}

}
