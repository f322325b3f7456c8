package org.broadsheet.article;

import java.time.Instant;
import java.util.List;

import org.broadsheet.author.Author;
import org.broadsheet.media.Image;
import org.broadsheet.shared.Permalinks;
import org.broadsheet.taxonomy.Section;

/**
 * What lists of articles show: headline, byline, standfirst and picture.
 *
 * @param publishedAt UTC instant
 * @param leadImage may be null
 * @param language the article's BCP 47 tag, or null for the site's language
 */
public record ArticleTeaser(long id, String slug, String title, Section section, List<Author> authors, String summary,
		Image leadImage, Instant publishedAt, String language) {

	/**
	 * @return the article's path, percent-encoded (RFC 3986)
	 */
	public String path() {
		return Permalinks.article(section.slug(), slug);
	}

}
