package org.broadsheet.fediverse.delivery;

import java.net.URI;
import java.util.Locale;

/**
 * A delivery that failed for good or was given up.
 *
 * @param target the inbox URL
 * @param status {@code failed} or {@code dead}
 * @param lastError the last error (HTTP status or exception), or null
 * @param lastAt its last attempt (or, when given up by backoff, the attempt that would
 * have come), UTC epoch milliseconds
 * @param createdAt when it was queued, UTC epoch milliseconds
 */
public record DeliveryFailure(long id, String target, String status, int attempts, String lastError, long lastAt,
		long createdAt) {

	/**
	 * @return the inbox's host, lower case ("" when the address has none)
	 */
	public String host() {
		try {
			String host = URI.create(target).getHost();
			return host == null ? "" : host.toLowerCase(Locale.ROOT);
		}
		catch (IllegalArgumentException ex) {
			return "";
		}
	}

}
