package org.broadsheet.delivery;

import java.util.Set;

/**
 * A change that alters the pages showing any of {@code keys} (see {@link Surrogates} for
 * the keys). Published inside the transaction that made the change; written to the purge
 * log with it, so that every node's page cache (and the CDN) follows once it commits.
 */
public record PagesChanged(Set<String> keys) {

	/**
	 * @return a change of the given keys
	 */
	public static PagesChanged of(String... keys) {
		return new PagesChanged(Set.of(keys));
	}

}
