package org.broadsheet.newsletter.digest;

import org.broadsheet.shared.InvalidInput;

/**
 * How often a newsletter list is sent, stored as {@link #key()} in
 * {@code newsletter_list.cadence}.
 */
public enum Cadence {

	/** Each article on its own, as it is published (the default). */
	ARTICLE("article"),

	/** A digest of the previous calendar day's articles (site time zone). */
	DAILY("daily"),

	/** A digest of the previous ISO week's articles (Monday to Sunday). */
	WEEKLY("weekly");

	private final String key;

	Cadence(String key) {
		this.key = key;
	}

	/**
	 * @return the stored and submitted form: {@code article}, {@code daily} or
	 * {@code weekly}
	 */
	public String key() {
		return key;
	}

	/**
	 * @return whether the list is sent as a digest
	 */
	public boolean digest() {
		return this != ARTICLE;
	}

	/**
	 * @param field the form field the value came from, named by the error
	 * @return the cadence whose {@link #key()} is {@code value}
	 * @throws InvalidInput ({@code newsletter.invalid.cadence}) for anything else
	 */
	public static Cadence parse(String field, String value) {
		for (Cadence cadence : values()) {
			if (cadence.key.equals(value)) {
				return cadence;
			}
		}
		throw new InvalidInput(field, "newsletter.invalid.cadence");
	}

}
