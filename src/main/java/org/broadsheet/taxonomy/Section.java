package org.broadsheet.taxonomy;

import org.broadsheet.shared.Permalinks;

/**
 * A section of the site (News, Opinion, …). Articles live at {@code /{section}/{slug}}.
 *
 * @param opinion articles in it are commentary: schema.org {@code OpinionNewsArticle}
 * @param fediverse the section is a fediverse actor of its own (an ActivityPub
 * {@code Group} called by its slug), which readers can follow
 */
public record Section(long id, String slug, String name, boolean opinion, boolean fediverse) {

	/**
	 * @return the section page's path, percent-encoded (RFC 3986), with a trailing slash
	 */
	public String path() {
		return Permalinks.section(slug);
	}

}
