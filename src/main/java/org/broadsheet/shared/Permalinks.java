package org.broadsheet.shared;

import java.nio.charset.StandardCharsets;

import org.springframework.web.util.UriUtils;

/**
 * The site's URL scheme, in one place: every reader page's path is made here. Paths are
 * site-relative and percent-encoded (RFC 3986); slugs keep their script (a Khmer slug is
 * encoded, not transliterated). The controllers' mappings answer the same shapes.
 */
public final class Permalinks {

	private Permalinks() {
	}

	/**
	 * @return {@code /{section}/{slug}}: an article
	 */
	public static String article(String sectionSlug, String slug) {
		return section(sectionSlug) + segment(slug);
	}

	/**
	 * @return {@code /{section}/}: a section's listing, with its trailing slash
	 */
	public static String section(String slug) {
		return "/" + segment(slug) + "/";
	}

	/**
	 * @return {@code /tag/{slug}}: a tag's listing
	 */
	public static String tag(String slug) {
		return "/tag/" + segment(slug);
	}

	/**
	 * @return {@code /author/{slug}}: an author's page and listing
	 */
	public static String author(String slug) {
		return "/author/" + segment(slug);
	}

	/**
	 * @return {@code /page/{slug}}: a static page (About, Contact, …); {@code page} is a
	 * reserved first segment, so no section takes it
	 */
	public static String page(String slug) {
		return "/page/" + segment(slug);
	}

	private static String segment(String slug) {
		return UriUtils.encodePathSegment(slug, StandardCharsets.UTF_8);
	}

}
