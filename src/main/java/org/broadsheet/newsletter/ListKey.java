package org.broadsheet.newsletter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.broadsheet.shared.InvalidInput;

/**
 * A newsletter list, by the key stored in {@code subscription.list_key}: {@code site}
 * (everything the site publishes), {@code section:<id>} or {@code author:<id>} (what that
 * section or author publishes). Several keys in one column
 * ({@code newsletter_send.list_keys}, {@code subscriber_consent.list_keys}) are written
 * by {@link #join} only and read by {@link #split} only.
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

	/**
	 * @param keys the lists, in order
	 * @return the keys separated by one space ({@code site section:3 author:7}); empty
	 * for none. The one way several keys are stored.
	 */
	public static String join(Collection<ListKey> keys) {
		return keys.stream().map(ListKey::toString).collect(Collectors.joining(" "));
	}

	/**
	 * Reads keys as {@link #join} writes them. Consent records written before sends and
	 * consent shared this pair joined their keys with commas; they are never rewritten
	 * (the consent record is never updated) and read alike, since a key holds neither a
	 * comma nor white space.
	 * @param field the column or field named by the error
	 * @param stored keys separated by spaces or commas; null or blank for none
	 * @return the lists, in order
	 * @throws InvalidInput ({@code newsletter.invalid.list}) naming {@code field} for a
	 * malformed key
	 */
	public static List<ListKey> split(String field, String stored) {
		List<ListKey> keys = new ArrayList<>();
		if (stored != null) {
			for (String key : stored.split("[\\s,]+")) {
				if (!key.isEmpty()) {
					keys.add(parse(field, key));
				}
			}
		}
		return keys;
	}

	@Override
	public String toString() {
		return kind == Kind.SITE ? "site" : kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
	}

}
