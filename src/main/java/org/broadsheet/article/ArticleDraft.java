package org.broadsheet.article;

import java.time.Instant;
import java.util.List;

import org.broadsheet.author.AuthorProfile;

/**
 * An article as written, to be saved: {@link Articles#save(ArticleDraft)}.
 *
 * @param slug wanted slug, or null to derive it from the title
 * @param section section name; created if new
 * @param authors byline order, at least one; unknown authors are created
 * @param bodyMarkdown CommonMark; raw HTML in it is sanitized
 * @param leadImageId an image from the media library, or null
 * @param tags tag names; unknown tags are created
 * @param language BCP 47 tag, or null for the site's
 * @param publishedAt UTC instant; required when {@code status} is published
 * @param updatedAt UTC instant, or null for {@code publishedAt} (or now, for a draft)
 * @param syndication or null for an original article
 */
public record ArticleDraft(String slug, String title, String section, List<AuthorProfile> authors, String summary,
		String bodyMarkdown, Long leadImageId, List<String> tags, String language, ArticleStatus status,
		Instant publishedAt, Instant updatedAt, Syndication syndication) {

	public ArticleDraft {
		if (title == null || title.isBlank()) {
			throw new IllegalArgumentException("title: an article needs a title");
		}
		if (authors == null || authors.isEmpty()) {
			throw new IllegalArgumentException("authors: an article needs at least one author");
		}
		if (status == ArticleStatus.PUBLISHED && publishedAt == null) {
			throw new IllegalArgumentException("published: a published article needs its publication instant");
		}
		authors = List.copyOf(authors);
		tags = tags == null ? List.of() : List.copyOf(tags);
		bodyMarkdown = bodyMarkdown == null ? "" : bodyMarkdown;
	}

}
