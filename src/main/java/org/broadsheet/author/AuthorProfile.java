package org.broadsheet.author;

import org.broadsheet.shared.InvalidInput;

/**
 * What an import or a form says about an author. Null fields leave a stored profile
 * unchanged.
 *
 * @param name required, the byline name
 */
public record AuthorProfile(String name, String title, String affiliation, String bio) {

	/** Longest name, in characters. */
	public static final int MAX_NAME = 100;

	/** Longest title or affiliation, in characters. */
	public static final int MAX_TITLE = 300;

	/** Longest bio, in characters. */
	public static final int MAX_BIO = 5_000;

	private static void limit(String field, String value, int max) {
		if (value != null && value.length() > max) {
			throw new InvalidInput(field, "author.invalid.too-long", max, value.length());
		}
	}

	public AuthorProfile {
		if (name == null || name.isBlank()) {
			throw new InvalidInput("name", "author.invalid.name-required");
		}
		name = name.strip();
		limit("name", name, MAX_NAME);
		limit("title", title, MAX_TITLE);
		limit("affiliation", affiliation, MAX_TITLE);
		limit("bio", bio, MAX_BIO);
	}

	/**
	 * @return a profile with only a name, which leaves a stored author's other fields as
	 * they are
	 * @throws IllegalArgumentException for a blank or over-long name
	 */
	public static AuthorProfile named(String name) {
		return new AuthorProfile(name, null, null, null);
	}

}
