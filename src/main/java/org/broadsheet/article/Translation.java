package org.broadsheet.article;

import org.broadsheet.shared.Permalinks;

/**
 * An article named as a translation of another: both are in one translation group.
 *
 * @param title its headline as stored on the article (what readers see once published)
 * @param language its BCP 47 tag, or null for the site's language
 * @param sectionSlug its section's slug, for its path
 */
public record Translation(long id, String title, String language, ArticleStatus status, String sectionSlug,
		String slug) {

	/**
	 * @return the article's path, {@code /{section}/{slug}}, percent-encoded
	 */
	public String path() {
		return Permalinks.article(sectionSlug, slug);
	}

}
