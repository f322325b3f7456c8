package org.broadsheet.newsletter.admin;

import java.util.Locale;

/**
 * A subscriber's status ({@code subscriber.status}, migration V42): {@code pending} until
 * the double opt-in is confirmed, {@code active}, {@code paused} (receives nothing until
 * resumed) or {@code unsubscribed} (the row and its consent record stay).
 */
public enum SubscriberStatus {

	PENDING, ACTIVE, PAUSED, UNSUBSCRIBED;

	/**
	 * @return the stored form, e.g. {@code active}
	 */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @param key a stored form
	 * @throws IllegalArgumentException for anything else
	 */
	public static SubscriberStatus of(String key) {
		return valueOf(key.toUpperCase(Locale.ROOT));
	}

}
