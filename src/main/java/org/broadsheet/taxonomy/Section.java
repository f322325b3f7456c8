package org.broadsheet.taxonomy;

import org.broadsheet.shared.Permalinks;

/**
 * A section of the site (News, Opinion, …). Articles live at {@code /{section}/{slug}}.
 *
 * @param opinion articles in it are commentary: schema.org {@code OpinionNewsArticle}
 */
public record Section(long id, String slug, String name, boolean opinion) {

	/**
	 * @return the section page's path, percent-encoded (RFC 3986), with a trailing slash
	 */
	public String path() {
		return Permalinks.section(slug);
	}

}
