package org.broadsheet.author;

/**
 * What an import or a form says about an author. Null fields leave a stored profile unchanged.
 *
 * @param name required, the byline name
 */
public record AuthorProfile(String name, String title, String affiliation, String bio) {

	public AuthorProfile {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("An author needs a name");
		}
		name = name.strip();
		if (name.length() > 100) {
			throw new IllegalArgumentException("An author's name has at most 100 characters");
		}
	}

	public static AuthorProfile named(String name) {
		return new AuthorProfile(name, null, null, null);
	}

}
