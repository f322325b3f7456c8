package org.broadsheet.taxonomy;

import java.nio.charset.StandardCharsets;

import org.springframework.web.util.UriUtils;

/**
 * A section of the site (News, Opinion, …). Articles live at {@code /{section}/{slug}}.
 *
 * @param opinion articles in it are commentary: schema.org {@code OpinionNewsArticle}
 */
public record Section(long id, String slug, String name, boolean opinion) {

	/** @return the section page's path, percent-encoded (RFC 3986), with a trailing slash */
	public String path() {
		return "/" + UriUtils.encodePathSegment(slug, StandardCharsets.UTF_8) + "/";
	}

}
