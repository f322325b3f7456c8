package org.broadsheet.shared;

import java.util.Optional;

/**
 * Addresses a site had before it moved to Broadsheet (an imported WordPress site's
 * permalinks, {@code ?p=ID}, archives, feeds) and where they answer now. The reader site
 * asks only when it would answer 404 (or, for the front page, when the address carries a
 * query), so its own pages always win and cost nothing more.
 */
public interface FormerAddresses {

	/**
	 * @param path the request's path as sent, percent-encoded (RFC 3986)
	 * @param query the request's raw query string, or null
	 * @return the site-relative, percent-encoded address that now answers for it (to be
	 * sent with 301 Moved Permanently), or empty; one indexed lookup
	 */
	Optional<String> current(String path, String query);

}
