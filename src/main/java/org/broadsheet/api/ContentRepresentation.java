package org.broadsheet.api;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleDesk;
import org.broadsheet.article.ArticleTranslations;
import org.broadsheet.article.Corrections;
import org.broadsheet.article.FrontPageFlags;
import org.broadsheet.article.PublishedArticles;
import org.broadsheet.article.Syndication;
import org.broadsheet.author.Author;
import org.broadsheet.comment.Comments;
import org.broadsheet.comment.Likes;
import org.broadsheet.media.Image;
import org.broadsheet.site.SiteLinks;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.Tag;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Content API's JSON representation of published content (camelCase members, UTC
 * ISO-8601 instants, absolute URLs); members without a value are left out. Webhook
 * payloads ({@link #publicArticle}) and the Admin API reuse it.
 */
@Component
public class ContentRepresentation {

	/** The article members clients may select with {@code fields}. */
	static final List<String> ARTICLE_FIELDS = List.of("id", "headline", "slug", "url", "section", "tags", "authors",
			"standfirst", "bodyHtml", "bodyMarkdown", "leadImage", "syndication", "publishedAt", "updatedAt",
			"language", "direction", "commentCount", "likeCount", "pinned", "breaking", "corrections", "translations");

	/** OpenAPI formats: RFC 3339 date-times (UTC here) and absolute URIs. */
	private static final String DATE_TIME = "date-time";

	private static final String URI = "uri";

	private static final String UTC = "UTC, ISO-8601";

	private final SiteLinks site;

	private final PublishedArticles articles;

	private final Comments comments;

	private final Likes likes;

	private final ArticleTranslations translations;

	private final ArticleDesk desk;

	private final Corrections corrections;

	ContentRepresentation(SiteLinks site, PublishedArticles articles, Comments comments, Likes likes,
			ArticleTranslations translations, ArticleDesk desk, Corrections corrections) {
		this.translations = translations;
		this.desk = desk;
		this.corrections = corrections;
		this.site = site;
		this.articles = articles;
		this.comments = comments;
		this.likes = likes;
	}

	/**
	 * The Content API's representation of one article, as {@code GET
	 * /api/content/v1/articles/{id}} answers it (every member, with the comment and like
	 * counts), read in the caller's transaction if there is one.
	 * @param id the article's id
	 * @return the article, or empty unless it is public now (published, its instant come)
	 */
	@Transactional(readOnly = true)
	public Optional<ArticleJson> publicArticle(long id) {
		return articles.publicById(id).map(this::single);
	}

	/** An article with the members only single articles have. */
	ArticleJson single(Article a) {
		var notes = corrections.of(a.id())
			.stream()
			.map(c -> new CorrectionJson(c.kind().code(), c.placement().code(), c.text(), instant(c.publishedAt()),
					instant(c.editedAt())))
			.toList();
		return article(a, articles.markdown(List.of(a.id())).get(a.id()), comments.approvedCount(a.id()),
				likes.state(a.id(), null).count(), notes.isEmpty() ? null : notes, desk.flags(a.id()))
			.withTranslations(translations(a.id()));
	}

	/**
	 * @return the article's public translations, itself left out, by language
	 */
	public List<TranslationJson> translations(long articleId) {
		return translations.publicGroup(articleId)
			.stream()
			.filter(t -> t.id() != articleId)
			.map(t -> new TranslationJson(t.id(), t.language() == null ? site.language() : t.language(), t.title(),
					site.absolute(t.path())))
			.sorted(Comparator.comparing(TranslationJson::language))
			.toList();
	}

	/**
	 * A correction or editor's note.
	 *
	 * @param kind {@code correction} or {@code editors-note}
	 * @param placement {@code top} or {@code foot} of the page
	 * @param text plain text
	 * @param publishedAt UTC, ISO-8601
	 * @param editedAt UTC, ISO-8601; null when never edited
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "Correction", description = "A dated correction or editor's note on a published article.")
	public record CorrectionJson(@Schema(requiredMode = RequiredMode.REQUIRED) String kind,
			@Schema(requiredMode = RequiredMode.REQUIRED) String placement,
			@Schema(requiredMode = RequiredMode.REQUIRED) String text,
			@Schema(requiredMode = RequiredMode.REQUIRED, format = DATE_TIME, description = UTC) String publishedAt,
			@Schema(format = DATE_TIME, description = "When it was last edited; " + UTC) String editedAt) {

		// On the accessors: an array in a record component's annotation upsets the
		// formatter.
		@Override
		@Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = { "correction", "editors-note" })
		public String kind() {
			return this.kind;
		}

		@Override
		@Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = { "top", "foot" },
				description = "Where the article page shows it")
		public String placement() {
			return this.placement;
		}

	}

	/**
	 * An article as the Content API shows it.
	 *
	 * @param url the article page's absolute canonical URL
	 * @param authors in byline order
	 * @param bodyHtml rendered from Markdown and sanitized when saved, as the page shows
	 * it
	 * @param publishedAt UTC, ISO-8601
	 * @param updatedAt UTC, ISO-8601: the last change readers can see
	 * @param language BCP 47; the site's when the article has none of its own
	 * @param direction {@code ltr} or {@code rtl}
	 * @param commentCount approved comments; only on single articles
	 * @param likeCount likes; only on single articles
	 * @param pinned true when pinned to the top of the front page, else null (left out)
	 * @param breaking true while flagged as breaking news, else null (left out)
	 * @param translations its published translations (itself left out), by language; only
	 * on single articles
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "Article", description = "A published article; members without a value are left out.")
	public record ArticleJson(@Schema(requiredMode = RequiredMode.REQUIRED, example = "981") long id,
			@Schema(requiredMode = RequiredMode.REQUIRED) String headline,
			@Schema(requiredMode = RequiredMode.REQUIRED) String slug,
			@Schema(requiredMode = RequiredMode.REQUIRED, format = URI,
					description = "The article page's canonical URL") String url,
			@Schema(requiredMode = RequiredMode.REQUIRED) NamedJson section,
			@Schema(requiredMode = RequiredMode.REQUIRED) List<NamedJson> tags,
			@ArraySchema(arraySchema = @Schema(requiredMode = RequiredMode.REQUIRED,
					description = "In byline order")) List<AuthorJson> authors,
			String standfirst,
			@Schema(requiredMode = RequiredMode.REQUIRED,
					description = "The body as the page shows it: Markdown rendered and sanitized") String bodyHtml,
			@Schema(description = "The body's Markdown source") String bodyMarkdown, ImageJson leadImage,
			SyndicationJson syndication,
			@Schema(requiredMode = RequiredMode.REQUIRED, format = DATE_TIME, description = UTC) String publishedAt,
			@Schema(requiredMode = RequiredMode.REQUIRED, format = DATE_TIME,
					description = "The last change readers can see; " + UTC) String updatedAt,
			@Schema(requiredMode = RequiredMode.REQUIRED, example = "en",
					description = "BCP 47; the site's when the article has none") String language,
			String direction, @Schema(description = "Approved comments; only on a single article") Integer commentCount,
			@Schema(description = "Likes; only on a single article") Integer likeCount,
			@Schema(description = "Pinned to the top of the front page; absent otherwise") Boolean pinned,
			@Schema(description = "Breaking news (a label and a banner on the front page); absent otherwise") Boolean breaking,
			@ArraySchema(arraySchema = @Schema(description = "Corrections and editor's notes, oldest first; only on a "
					+ "single article that has any")) List<CorrectionJson> corrections,
			@ArraySchema(arraySchema = @Schema(description = "Its published translations, by language "
					+ "(itself left out); only on a single article")) List<TranslationJson> translations) {

		/**
		 * @return this article with its translations
		 */
		ArticleJson withTranslations(List<TranslationJson> list) {
			return new ArticleJson(id, headline, slug, url, section, tags, authors, standfirst, bodyHtml, bodyMarkdown,
					leadImage, syndication, publishedAt, updatedAt, language, direction, commentCount, likeCount,
					pinned, breaking, corrections, list);
		}

		// On the accessor: an array in a record component's annotation upsets the
		// formatter.
		@Override
		@Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = { "ltr", "rtl" },
				description = "Writing direction of the language")
		public String direction() {
			return this.direction;
		}

	}

	/**
	 * A published translation of an article.
	 *
	 * @param language BCP 47; the site's when the translation has none
	 * @param url its page's absolute URL
	 */
	@Schema(name = "Translation", description = "A published translation of an article.")
	public record TranslationJson(@Schema(requiredMode = RequiredMode.REQUIRED, example = "982") long id,
			@Schema(requiredMode = RequiredMode.REQUIRED, example = "fr",
					description = "BCP 47; the site's when the translation has none") String language,
			@Schema(requiredMode = RequiredMode.REQUIRED) String headline, @Schema(requiredMode = RequiredMode.REQUIRED,
					format = URI, description = "Its page's canonical URL") String url) {
	}

	/** A section or tag; {@code url} is its reader page's. */
	@Schema(name = "Named", description = "A section or tag.")
	public record NamedJson(@Schema(requiredMode = RequiredMode.REQUIRED) String slug,
			@Schema(requiredMode = RequiredMode.REQUIRED) String name, @Schema(requiredMode = RequiredMode.REQUIRED,
					format = URI, description = "Its reader page's URL") String url) {
	}

	/**
	 * An author's public profile.
	 *
	 * @param url the author page's absolute URL
	 * @param photoUrl absolute, or null
	 * @param links the author's own pages, absolute http(s) URLs
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "Author", description = "An author's public profile; members without a value are left out.")
	public record AuthorJson(@Schema(requiredMode = RequiredMode.REQUIRED) String slug,
			@Schema(requiredMode = RequiredMode.REQUIRED) String name, String title, String affiliation, String bio,
			@Schema(requiredMode = RequiredMode.REQUIRED, format = URI,
					description = "The author page's URL") String url,
			@Schema(format = URI) String photoUrl,
			@ArraySchema(arraySchema = @Schema(description = "The author's own pages"),
					schema = @Schema(format = URI)) List<String> links) {
	}

	/**
	 * A lead image.
	 *
	 * @param width pixels
	 * @param height pixels
	 * @param variants narrower copies, narrowest first
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "Image", description = "A lead image: the original and its narrower variants.")
	public record ImageJson(@Schema(requiredMode = RequiredMode.REQUIRED, format = URI) String url, String alt,
			String caption, String credit,
			@Schema(requiredMode = RequiredMode.REQUIRED, description = "Pixels") int width,
			@Schema(requiredMode = RequiredMode.REQUIRED, description = "Pixels") int height,
			@ArraySchema(arraySchema = @Schema(description = "Narrowest first")) List<VariantJson> variants) {
	}

	/** A responsive variant: {@code width} in pixels, absolute {@code url}. */
	@Schema(name = "ImageVariant", description = "A narrower copy of an image.")
	public record VariantJson(@Schema(requiredMode = RequiredMode.REQUIRED, description = "Pixels") int width,
			@Schema(requiredMode = RequiredMode.REQUIRED, format = URI) String url) {
	}

	/**
	 * Where an article first appeared.
	 *
	 * @param canonicalUrl the original's URL, or null
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "Syndication", description = "Where an article first appeared.")
	public record SyndicationJson(String publication, String note, @Schema(format = URI,
			description = "The original's URL, canonical for search engines") String canonicalUrl) {
	}

	/**
	 * @param markdown the article's Markdown source
	 * @param commentCount null to leave out
	 * @param likeCount null to leave out
	 */
	public ArticleJson article(Article a, String markdown, Integer commentCount, Integer likeCount) {
		return article(a, markdown, commentCount, likeCount, null, desk.flags(a.id()));
	}

	/**
	 * The articles of a list page, as {@link #article} gives each without comment and
	 * like counts, with two queries for the whole page (Markdown sources and front-page
	 * flags) instead of two per article.
	 * @return one representation per article, in the given order
	 */
	public List<ArticleJson> listed(List<Article> shown) {
		List<Long> ids = shown.stream().map(Article::id).toList();
		Map<Long, String> markdown = articles.markdown(ids);
		Map<Long, FrontPageFlags> flags = desk.flags(ids);
		return shown.stream()
			.map(a -> article(a, markdown.get(a.id()), null, null, null,
					flags.getOrDefault(a.id(), FrontPageFlags.NONE)))
			.toList();
	}

	private ArticleJson article(Article a, String markdown, Integer commentCount, Integer likeCount,
			List<CorrectionJson> corrections, FrontPageFlags flags) {
		String language = a.language() == null ? site.language() : a.language();
		return new ArticleJson(a.id(), a.title(), a.slug(), site.absolute(a.path()), section(a.section()),
				a.tags().stream().map(this::tag).toList(), a.authors().stream().map(this::author).toList(), a.summary(),
				a.bodyHtml(), markdown, image(a.leadImage()), syndication(a.syndication()), instant(a.publishedAt()),
				instant(a.updatedAt()), language, site.direction(language), commentCount, likeCount,
				flags.pinned() ? Boolean.TRUE : null, flags.breaking() ? Boolean.TRUE : null, corrections, null);
	}

	public NamedJson section(Section section) {
		return new NamedJson(section.slug(), section.name(), site.absolute(section.path()));
	}

	public NamedJson tag(Tag tag) {
		return new NamedJson(tag.slug(), tag.name(), site.absolute(tag.path()));
	}

	public AuthorJson author(Author author) {
		return new AuthorJson(author.slug(), author.name(), author.title(), author.affiliation(), author.bio(),
				site.absolute(author.path()), author.photoUrl() == null ? null : site.absolute(author.photoUrl()),
				author.linkList());
	}

	private ImageJson image(Image image) {
		if (image == null) {
			return null;
		}
		return new ImageJson(site.absolute(image.url()), image.alt(), image.caption(), image.credit(), image.width(),
				image.height(),
				image.variants().stream().map(v -> new VariantJson(v.width(), site.absolute(v.url()))).toList());
	}

	private static SyndicationJson syndication(Syndication syndication) {
		return syndication == null ? null
				: new SyndicationJson(syndication.publication(), syndication.note(), syndication.url());
	}

	private static String instant(Instant instant) {
		return instant == null ? null : instant.toString();
	}

}
