/**
 * RSS 2.0, Atom (RFC 4287) and JSON Feed 1.1 feeds, sitemaps (sitemaps.org 0.9, Google
 * News) and robots.txt.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "article", "author", "delivery", "media", "page", "shared", "site", "taxonomy" })
package org.broadsheet.feed;
