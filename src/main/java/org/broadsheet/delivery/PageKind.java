package org.broadsheet.delivery;

import java.util.Locale;

/**
 * The kinds of reader page, each with its own {@code Cache-Control} (configured in
 * {@code broadsheet.http.cache-control.<kind>}, see {@link HttpCachePolicy}).
 */
public enum PageKind {

	/** An article page. */
	ARTICLE,

	/** Home, section, tag and author pages. */
	LISTING,

	/** RSS, Atom and JSON feeds. */
	FEED,

	/** Sitemaps and robots.txt. */
	SITEMAP,

	/** The search page and the JSON search API. */
	SEARCH;

	String property() {
		return name().toLowerCase(Locale.ROOT);
	}

}
