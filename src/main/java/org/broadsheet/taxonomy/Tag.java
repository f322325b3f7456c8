package org.broadsheet.taxonomy;

import org.broadsheet.shared.Permalinks;

/** A tag: a topic, person or place that articles share. */
public record Tag(long id, String slug, String name) {

	/**
	 * @return the tag page's path, percent-encoded (RFC 3986)
	 */
	public String path() {
		return Permalinks.tag(slug);
	}

}
