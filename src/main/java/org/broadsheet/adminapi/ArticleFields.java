package org.broadsheet.adminapi;

import java.util.ArrayList;
import java.util.List;

import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleRules;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ImageUse;
import org.broadsheet.article.InvalidArticle;
import org.broadsheet.article.Syndication;
import org.broadsheet.author.AuthorProfile;
import org.broadsheet.shared.InvalidInput;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * An article as written, in the Admin API: the body of a create or an update, and the
 * latest revision in a response, so that a client can read an article, change a field and
 * send it back. Members are the Content API's names; an update replaces every member
 * (absent means empty).
 *
 * @param headline the title, 1–300 characters
 * @param slug wanted URL segment, or null to derive it from the headline
 * @param section the section's name; created if new
 * @param authors the byline's names in order, at least one; unknown authors are created
 * @param standfirst the summary under the headline, or null
 * @param bodyMarkdown CommonMark; raw HTML in it is sanitized
 * @param tags tag names; unknown tags are created
 * @param language BCP 47 tag, or null for the site's
 * @param leadImage an image from the media library with the texts it has here, or null
 * @param syndication where the article first appeared, or null for an original
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ArticleFields", description = "An article as written: the body of a create or an update "
		+ "(every member replaced; absent means empty), and the fields of a revision.")
record ArticleFields(
		@Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 300, description = "The title",
				example = "Quay cranes stand idle") String headline,
		@Schema(nullable = true, description = "Wanted URL segment; null derives it from the headline") String slug,
		@Schema(requiredMode = RequiredMode.REQUIRED, description = "The section's name; created if new",
				example = "Harbour") String section,
		@ArraySchema(
				arraySchema = @Schema(requiredMode = RequiredMode.REQUIRED,
						description = "The byline's names in order, at least one; unknown authors are created"),
				minItems = 1) List<String> authors,
		@Schema(nullable = true, description = "The summary under the headline") String standfirst,
		@Schema(nullable = true, description = "CommonMark; raw HTML in it is sanitized") String bodyMarkdown,
		@Schema(nullable = true, description = "Tag names; unknown tags are created") List<String> tags,
		@Schema(nullable = true, description = "A BCP 47 tag; null for the site's", example = "en") String language,
		@Schema(nullable = true) LeadImage leadImage, @Schema(nullable = true) SyndicationFields syndication) {

	/**
	 * A lead image as an article uses it: null texts are the image's own.
	 *
	 * @param id the media library's image id
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "LeadImage", description = "An image from the media library with the texts it has here; "
			+ "null texts are the image's own.")
	record LeadImage(
			@Schema(requiredMode = RequiredMode.REQUIRED, description = "The media library's image id",
					example = "312") Long id,
			@Schema(nullable = true) String alt, @Schema(nullable = true) String caption,
			@Schema(nullable = true) String credit) {
	}

	/**
	 * @param canonicalUrl the original's absolute http(s) URL, or null
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "SyndicationFields", description = "Where the article first appeared.")
	record SyndicationFields(@Schema(nullable = true, example = "Wire Service") String publication,
			@Schema(nullable = true) String note, @Schema(nullable = true, format = "uri",
					description = "The original's absolute http(s) URL") String canonicalUrl) {
	}

	/**
	 * @return the fields of a saved draft
	 */
	static ArticleFields of(ArticleDraft d) {
		var image = d.leadImage();
		var s = d.syndication();
		return new ArticleFields(d.title(), d.slug(), d.section(),
				d.authors().stream().map(AuthorProfile::name).toList(), d.summary(), d.bodyMarkdown(), d.tags(),
				d.language(),
				image == null ? null : new LeadImage(image.imageId(), image.alt(), image.caption(), image.credit()),
				s == null ? null : new SyndicationFields(s.publication(), s.note(), s.url()));
	}

	/**
	 * The draft as sent; {@link ArticleRules} are checked when the workflow saves it.
	 * @throws InvalidInput naming the member: an author without a name
	 * ({@code authors[2]}), a lead image without an id ({@code leadImage.id}), a language
	 * that is not a BCP 47 tag
	 */
	ArticleDraft toDraft() {
		List<AuthorProfile> byline = new ArrayList<>();
		List<String> names = authors == null ? List.of() : authors;
		for (int i = 0; i < names.size(); i++) {
			try {
				byline.add(AuthorProfile.named(names.get(i)));
			}
			catch (InvalidInput ex) {
				throw new InvalidArticle("authors[" + i + "]", ex.key(), ex.arguments());
			}
		}
		ImageUse image = null;
		if (leadImage != null) {
			if (leadImage.id() == null) {
				throw new InvalidArticle("leadImage.id", "media.invalid.choose");
			}
			image = new ImageUse(leadImage.id(), leadImage.alt(), leadImage.caption(), leadImage.credit());
		}
		return new ArticleDraft(blankToNull(slug), headline == null ? "" : headline.strip(),
				section == null ? "" : section.strip(), byline, blankToNull(standfirst), bodyMarkdown, image,
				tags == null ? List.of() : tags.stream().map(t -> t == null ? "" : t.strip()).toList(),
				ArticleRules.language("language", blankToNull(language)), ArticleStatus.DRAFT, null, null,
				syndication == null ? null : new Syndication(blankToNull(syndication.publication()),
						blankToNull(syndication.note()), blankToNull(syndication.canonicalUrl())));
	}

	/**
	 * @param field a field as the article rules name it ({@code title}, {@code summary},
	 * {@code image.caption}, {@code authors[2].name}, …)
	 * @return the member of this record it is in ({@code headline}, {@code standfirst},
	 * {@code leadImage.caption}, {@code authors[2]}, …)
	 */
	static String member(String field) {
		return switch (field) {
			case "title" -> "headline";
			case "summary" -> "standfirst";
			case "body" -> "bodyMarkdown";
			case "leadImage" -> "leadImage.id";
			case "syndication.url" -> "syndication.canonicalUrl";
			default -> field.startsWith("image.") ? "leadImage." + field.substring("image.".length())
					: field.replaceFirst("^(authors\\[\\d+\\])\\.name$", "$1");
		};
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
