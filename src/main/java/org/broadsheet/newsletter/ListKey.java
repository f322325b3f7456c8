package org.broadsheet.newsletter;

import org.broadsheet.shared.InvalidInput;

/**
 * A newsletter list, by the key stored in {@code subscription.list_key} and
 * {@code newsletter_send.list_keys}: {@code site} (everything the site publishes),
 * {@code section:<id>} or {@code author:<id>} (what that section or author publishes).
 *
 * @param kind what the list follows
 * @param id the section's or author's id; 0 for the site
 */
public record ListKey(Kind kind, long id) {

	/** The list of everything the site publishes. */
	public static final ListKey SITE = new ListKey(Kind.SITE, 0);

	/** What a list follows. */
	public enum Kind {

		SITE, SECTION, AUTHOR

	}

	/**
	 * @throws InvalidInput ({@code newsletter.invalid.list}, field {@code list}) for the
	 * site with an id, or a section or author without a positive one
	 */
	public ListKey {
		if ((kind == Kind.SITE) != (id == 0) || id < 0) {
			throw new InvalidInput("list", "newsletter.invalid.list");
		}
	}

	/**
	 * @return the list of a section's articles
	 */
	public static ListKey section(long id) {
		return new ListKey(Kind.SECTION, id);
	}

	/**
	 * @return the list of an author's articles
	 */
	public static ListKey author(long id) {
		return new ListKey(Kind.AUTHOR, id);
	}

	/**
	 * @param field the form or file field the key came from, named by the error
	 * @return the list named by {@code key} ({@code site}, {@code section:12},
	 * {@code author:5})
	 * @throws InvalidInput ({@code newsletter.invalid.list}) for anything else
	 */
	public static ListKey parse(String field, String key) {
		if ("site".equals(key)) {
			return SITE;
		}
		int colon = key == null ? -1 : key.indexOf(':');
		if (colon > 0 && key.length() - colon - 1 <= 18) {
			String digits = key.substring(colon + 1);
			if (!digits.isEmpty() && digits.chars().allMatch(c -> c >= '0' && c <= '9') && digits.charAt(0) != '0') {
				switch (key.substring(0, colon)) {
					case "section":
						return section(Long.parseLong(digits));
					case "author":
						return author(Long.parseLong(digits));
					default:
						break;
				}
			}
		}
		throw new InvalidInput(field, "newsletter.invalid.list");
	}

	@Override
	public String toString() {
		return kind == Kind.SITE ? "site" : kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
	}

}
