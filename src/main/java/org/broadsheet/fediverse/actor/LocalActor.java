package org.broadsheet.fediverse.actor;

import java.util.Locale;

/**
 * One of this site's fediverse actors: the publication, an author or a section.
 *
 * @param kind which of the three
 * @param id the author's or section's id; 0 for the publication
 * @param username the user part of its handle ({@code @username@host}): the
 * {@code broadsheet.fediverse.handle} setting, or the author's or section's slug
 * @param name display name
 * @param summaryHtml short description, sanitized HTML (plain text escaped into
 * paragraphs); may be null
 * @param iconPath path of its picture (author portrait, site logo), or null
 * @param pagePath path of its HTML page, percent-encoded
 */
public record LocalActor(Kind kind, long id, String username, String name, String summaryHtml, String iconPath,
		String pagePath) {

	/** The three kinds of actor, each with its ActivityStreams type. */
	public enum Kind {

		/** The publication: an {@code Organization}. */
		SITE("Organization"),

		/** An author: a {@code Person}. */
		AUTHOR("Person"),

		/** A section: a {@code Group}. */
		SECTION("Group");

		private final String type;

		Kind(String type) {
			this.type = type;
		}

		/**
		 * @return the ActivityStreams 2.0 actor type (Activity Vocabulary §2.2)
		 */
		public String type() {
			return type;
		}

	}

	/**
	 * @return the key of its key pair in {@code fediverse_actor_key}: {@code site},
	 * {@code author:<id>} or {@code section:<id>}
	 */
	public String keyName() {
		return kind == Kind.SITE ? "site" : kind.name().toLowerCase(Locale.ROOT) + ":" + id;
	}

	/**
	 * @return the path of its actor document, which with the site's base URL is its
	 * ActivityPub id: {@code /ap/site}, {@code /ap/authors/<id>} or
	 * {@code /ap/sections/<id>} (numbers, so that the id outlives a changed slug)
	 */
	public String path() {
		return path(kind, id);
	}

	/**
	 * @param keyName {@code site}, {@code author:<id>} or {@code section:<id>} (see
	 * {@link #keyName()})
	 * @return the path of that actor's document (see {@link #path()})
	 * @throws IllegalArgumentException if the key name has none of those forms
	 */
	public static String path(String keyName) {
		int colon = keyName.indexOf(':');
		if (colon < 0) {
			return path(Kind.SITE, 0);
		}
		return path(Kind.valueOf(keyName.substring(0, colon).toUpperCase(Locale.ROOT)),
				Long.parseLong(keyName.substring(colon + 1)));
	}

	/**
	 * @param id the author's or section's id; ignored for the publication
	 * @return the path of that actor's document (see {@link #path()})
	 */
	public static String path(Kind kind, long id) {
		return switch (kind) {
			case SITE -> "/ap/site";
			case AUTHOR -> "/ap/authors/" + id;
			case SECTION -> "/ap/sections/" + id;
		};
	}

}
