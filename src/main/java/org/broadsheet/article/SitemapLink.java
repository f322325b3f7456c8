package org.broadsheet.article;

import java.time.Instant;

/**
 * An address and when what it shows last changed, for sitemaps (sitemaps.org 0.9, Google
 * News).
 *
 * @param path percent-encoded site path
 * @param lastModified UTC instant (for the news sitemap: the publication instant)
 * @param title the article's title; null for section, tag and author pages
 * @param language the article's language (BCP 47); null for the site's, and for section,
 * tag and author pages
 */
public record SitemapLink(String path, Instant lastModified, String title, String language) {
}
