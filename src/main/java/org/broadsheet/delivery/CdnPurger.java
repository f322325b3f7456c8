package org.broadsheet.delivery;

import java.io.IOException;
import java.util.Set;

/**
 * The port to the HTTP cache in front of the nodes (Varnish, a CDN): removes the cached
 * pages tagged with any of the given surrogate keys (the {@code Surrogate-Key} and
 * {@code Cache-Tag} response headers, see {@link Surrogates}). Chosen by
 * {@code broadsheet.cdn.purger}: {@code none} (the default), {@code varnish} or
 * {@code http}. Called by {@link CdnPurges} after commit, outside any transaction, by one
 * node per change; a failure is retried from the purge log, so an implementation only
 * needs to say whether the cache confirmed.
 */
public interface CdnPurger {

	/**
	 * @param keys surrogate keys; {@link Surrogates#ALL} means every page
	 * @throws IOException when the cache did not confirm the purge (unreachable, timed
	 * out, or answered other than 2xx); the keys are sent again later
	 */
	void purge(Set<String> keys) throws IOException;

}
