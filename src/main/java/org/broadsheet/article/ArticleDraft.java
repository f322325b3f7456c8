package org.broadsheet.article;

import java.time.Instant;
import java.util.List;

import org.broadsheet.author.AuthorProfile;

/**
 * An article as written, to be saved: {@link Articles#save(ArticleDraft)}, which checks
 * it against {@link ArticleRules} first.
 *
 * @param slug wanted slug, or null to derive it from the title
 * @param section section name; created if new
 * @param authors byline order, at least one; unknown authors are created
 * @param bodyMarkdown CommonMark; raw HTML in it is sanitized
 * @param leadImage an image from the media library and the texts it has here, or null
 * @param tags tag names; unknown tags are created
 * @param language BCP 47 tag, or null for the site's
 * @param publishedAt UTC instant; required when {@code status} is published
 * @param updatedAt UTC instant, or null for {@code publishedAt} (or now, for a draft)
 * @param syndication or null for an original article
 */
public record ArticleDraft(String slug, String title, String section, List<AuthorProfile> authors, String summary,
		String bodyMarkdown, ImageUse leadImage, List<String> tags, String language, ArticleStatus status,
		Instant publishedAt, Instant updatedAt, Syndication syndication) {

	/** Longest title, in characters. */
	public static final int MAX_TITLE = 300;

	/** Longest standfirst, in characters. */
	public static final int MAX_SUMMARY = 2_000;

	/** Longest section, tag or author name, in characters. */
	public static final int MAX_NAME = 100;

	/** Longest body, in characters of Markdown. */
	public static final int MAX_BODY = 1_000_000;

	/**
	 * Copies the lists; checks nothing, so that every stored revision can be read again:
	 * the rules ({@link ArticleRules}) are checked before a draft is written.
	 */
	public ArticleDraft {
		authors = authors == null ? List.of() : List.copyOf(authors);
		tags = tags == null ? List.of() : List.copyOf(tags);
		bodyMarkdown = bodyMarkdown == null ? "" : bodyMarkdown;
	}

	/**
	 * @return this draft with another wanted slug (null: from the title)
	 */
	public ArticleDraft withSlug(String wanted) {
		return new ArticleDraft(wanted, title, section, authors, summary, bodyMarkdown, leadImage, tags, language,
				status, publishedAt, updatedAt, syndication);
	}

	/**
	 * @return this draft with another lead image (null: none)
	 */
	public ArticleDraft withLeadImage(ImageUse image) {
		return new ArticleDraft(slug, title, section, authors, summary, bodyMarkdown, image, tags, language, status,
				publishedAt, updatedAt, syndication);
	}

	/**
	 * @param published the UTC instant, or null
	 * @param updated the UTC instant, or null
	 * @return this draft in another status, with these instants
	 */
	public ArticleDraft withStatus(ArticleStatus newStatus, Instant published, Instant updated) {
		return new ArticleDraft(slug, title, section, authors, summary, bodyMarkdown, leadImage, tags, language,
				newStatus, published, updated, syndication);
	}

}
