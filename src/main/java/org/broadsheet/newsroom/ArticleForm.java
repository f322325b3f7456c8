package org.broadsheet.newsroom;

import java.util.Arrays;
import java.util.List;

import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleRules;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ImageUse;
import org.broadsheet.article.Syndication;
import org.broadsheet.author.AuthorProfile;
import org.broadsheet.shared.InvalidInput;

/**
 * The article form as typed: every field a string, so that a rejected form comes back
 * exactly as the writer left it. Authors and tags are comma-separated names.
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

	/** The form filled from a saved draft (absent texts become empty fields). */
	static ArticleForm of(ArticleDraft d) {
		var s = d.syndication();
		var image = d.leadImage();
		return new ArticleForm(d.title(), d.slug(), d.section(),
				String.join(", ", d.authors().stream().map(AuthorProfile::name).toList()), d.summary(),
				d.bodyMarkdown(), String.join(", ", d.tags()), d.language(), s == null ? null : s.publication(),
				s == null ? null : s.note(), s == null ? null : s.url(),
				image == null ? null : Long.toString(image.imageId()), image == null ? null : image.alt(),
				image == null ? null : image.caption(), image == null ? null : image.credit());
	}

	/**
	 * The draft as typed; {@link ArticleRules} are checked when it is saved.
	 * @throws IllegalArgumentException naming the field, for a lead image that is not a
	 * number
	 * @throws org.broadsheet.article.InvalidArticle for a language that is not a BCP 47
	 * tag
	 */
	ArticleDraft toDraft() {
		ImageUse leadImage = null;
		if (!this.leadImage.isBlank()) {
			if (!this.leadImage.strip().matches("\\d{1,18}")) {
				throw new InvalidInput("leadImage", "media.invalid.choose");
			}
			// Empty texts here mean "the image's own" (null), not "none".
			leadImage = new ImageUse(Long.parseLong(this.leadImage.strip()), emptyToNull(leadAlt),
					emptyToNull(leadCaption), emptyToNull(leadCredit));
		}
		List<AuthorProfile> names = names(authors).stream().map(AuthorProfile::named).toList();
		boolean syndicated = !syndicationPublication.isBlank() || !syndicationNote.isBlank()
				|| !syndicationUrl.isBlank();
		return new ArticleDraft(slug.isBlank() ? null : slug.strip(), title.strip(), section.strip(), names,
				summary.isBlank() ? null : summary.strip(), body, leadImage, names(tags),
				ArticleRules.language("language", emptyToNull(language)), ArticleStatus.DRAFT, null, null,
				syndicated ? new Syndication(emptyToNull(syndicationPublication), emptyToNull(syndicationNote),
						emptyToNull(syndicationUrl)) : null);
	}

	private static List<String> names(String list) {
		return Arrays.stream(list.split(",")).map(String::strip).filter(n -> !n.isEmpty()).distinct().toList();
	}

	private static String emptyToNull(String value) {
		return value.isBlank() ? null : value.strip();
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}

	/**
	 * @param field a field as the article rules name it ({@code tags[3]},
	 * {@code image.caption}, {@code syndication.url}, {@code goLiveAt}, …)
	 * @return the id of the editor's input for it
	 */
	static String inputOf(String field) {
		return switch (field) {
			case "image.alt" -> "leadAlt";
			case "image.caption" -> "leadCaption";
			case "image.credit" -> "leadCredit";
			case "syndication.publication" -> "syndicationPublication";
			case "syndication.note" -> "syndicationNote";
			case "syndication.url" -> "syndicationUrl";
			case "goLiveAt", "published" -> "go-live";
			case "unpublishAt" -> "leave-at";
			default -> field.replaceAll("[\\[.].*", "");
		};
	}

}
