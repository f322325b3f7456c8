package org.broadsheet.article;

import java.time.Instant;
import java.util.List;

import org.broadsheet.author.Author;
import org.broadsheet.media.Image;
import org.broadsheet.shared.Permalinks;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.Tag;

/**
 * An article with everything its page shows.
 *
 * @param authors in byline order, at least one
 * @param summary the standfirst; may be null
 * @param bodyHtml the body, rendered from Markdown and sanitized when saved
 * @param leadImage may be null
 * @param tags in the order the writer gave them
 * @param language BCP 47 tag, or null for the site's language
 * @param publishedAt UTC instant; null for a draft never published
 * @param updatedAt UTC instant of the last change readers can see
 * @param syndication where it first appeared; null when original
 */
public record Article(long id, String slug, String title, Section section, List<Author> authors, String summary,
		String bodyHtml, Image leadImage, List<Tag> tags, String language, ArticleStatus status, Instant publishedAt,
		Instant updatedAt, Syndication syndication) {

	/**
	 * @return the article's path, {@code /{section}/{slug}}, percent-encoded (RFC 3986)
	 */
	public String path() {
		return Permalinks.article(section.slug(), slug);
	}

	/**
	 * @return whether it was changed after it was published
	 */
	public boolean updatedSincePublished() {
		return publishedAt != null && updatedAt.isAfter(publishedAt);
	}

}
