package org.broadsheet.author;

import org.springframework.web.util.UriUtils;

/**
 * An author as readers see them: byline name and the profile shown in the bio box.
 *
 * @param slug unique, in the writer's script; the author page is {@link #path()}
 * @param title job title, e.g. "Senior fellow"; may be null
 * @param affiliation organisation, e.g. "Carnegie Moscow Centre"; may be null
 * @param bio plain-text biography shown under the article; may be null
 */
public record Author(long id, String slug, String name, String title, String affiliation, String bio) {

	/** @return the author page's path, percent-encoded (RFC 3986) */
	public String path() {
		return "/author/" + UriUtils.encodePathSegment(slug, java.nio.charset.StandardCharsets.UTF_8);
	}

}
