package org.broadsheet.taxonomy;

import java.nio.charset.StandardCharsets;

import org.springframework.web.util.UriUtils;

/** A tag: a topic, person or place that articles share. */
public record Tag(long id, String slug, String name) {

	/** @return the tag page's path, percent-encoded (RFC 3986) */
	public String path() {
		return "/tag/" + UriUtils.encodePathSegment(slug, StandardCharsets.UTF_8);
	}

}
