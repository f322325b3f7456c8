package org.broadsheet.newsroom;

import java.util.Arrays;
import java.util.List;

import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ImageUse;
import org.broadsheet.article.Syndication;
import org.broadsheet.author.AuthorProfile;

/**
 * The article form as typed: every field a string, so that a rejected form comes back exactly as
 * the writer left it. Authors and tags are comma-separated names.
 */
public record ArticleForm(String title, String slug, String section, String authors, String summary, String body,
		String tags, String language, String syndicationPublication, String syndicationNote, String syndicationUrl,
		String leadImage, String leadAlt, String leadCaption, String leadCredit) {

	/** Fields a request left out are empty, as a browser would send them. */
	public ArticleForm {
		title = nullToEmpty(title);
		slug = nullToEmpty(slug);
		section = nullToEmpty(section);
		authors = nullToEmpty(authors);
		summary = nullToEmpty(summary);
		body = nullToEmpty(body);
		tags = nullToEmpty(tags);
		language = nullToEmpty(language);
		syndicationPublication = nullToEmpty(syndicationPublication);
		syndicationNote = nullToEmpty(syndicationNote);
		syndicationUrl = nullToEmpty(syndicationUrl);
		leadImage = nullToEmpty(leadImage);
		leadAlt = nullToEmpty(leadAlt);
		leadCaption = nullToEmpty(leadCaption);
		leadCredit = nullToEmpty(leadCredit);
	}

	/** An empty form for a new article. */
	static ArticleForm empty() {
		return new ArticleForm("", "", "", "", "", "", "", "", "", "", "", "", "", "", "");
	}

	/** The form filled from a saved draft. */
	static ArticleForm of(ArticleDraft d) {
		var s = d.syndication();
		var image = d.leadImage();
		return new ArticleForm(d.title(), nullToEmpty(d.slug()), d.section(),
				String.join(", ", d.authors().stream().map(AuthorProfile::name).toList()), nullToEmpty(d.summary()),
				d.bodyMarkdown(), String.join(", ", d.tags()), nullToEmpty(d.language()),
				s == null ? "" : nullToEmpty(s.publication()), s == null ? "" : nullToEmpty(s.note()),
				s == null ? "" : nullToEmpty(s.url()), image == null ? "" : Long.toString(image.imageId()),
				image == null ? "" : nullToEmpty(image.alt()), image == null ? "" : nullToEmpty(image.caption()),
				image == null ? "" : nullToEmpty(image.credit()));
	}

	/**
	 * @throws IllegalArgumentException naming the field, e.g. "title: an article needs a title"
	 */
	ArticleDraft toDraft() {
		ImageUse leadImage = null;
		if (!blank(this.leadImage)) {
			if (!this.leadImage.strip().matches("\\d{1,18}")) {
				throw new IllegalArgumentException("leadImage: choose an image from the media library");
			}
			// Empty texts here mean "the image's own" (null), not "none".
			leadImage = new ImageUse(Long.parseLong(this.leadImage.strip()), emptyToNull(leadAlt), emptyToNull(leadCaption),
					emptyToNull(leadCredit));
		}
		if (section == null || section.isBlank()) {
			throw new IllegalArgumentException("section: choose or type a section");
		}
		List<AuthorProfile> names = names(authors).stream().map(AuthorProfile::named).toList();
		if (names.isEmpty()) {
			throw new IllegalArgumentException("authors: name at least one author");
		}
		boolean syndicated = !blank(syndicationPublication) || !blank(syndicationNote) || !blank(syndicationUrl);
		return new ArticleDraft(blank(slug) ? null : slug.strip(), title == null ? null : title.strip(), section.strip(),
				names, blank(summary) ? null : summary.strip(), body == null ? "" : body, leadImage, names(tags),
				blank(language) ? null : language.strip(), ArticleStatus.DRAFT, null, null,
				syndicated ? new Syndication(emptyToNull(syndicationPublication), emptyToNull(syndicationNote),
						emptyToNull(syndicationUrl)) : null);
	}

	private static List<String> names(String list) {
		return list == null ? List.of()
				: Arrays.stream(list.split(",")).map(String::strip).filter(n -> !n.isEmpty()).distinct().toList();
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static String emptyToNull(String value) {
		return blank(value) ? null : value.strip();
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}

}
