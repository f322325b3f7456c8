package org.broadsheet.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.article.Article;
import org.broadsheet.article.PublishedArticles;
import org.broadsheet.article.PublishedArticles.Filter;
import org.broadsheet.article.PublishedArticles.Position;
import org.broadsheet.api.ContentRepresentation.ArticleJson;
import org.broadsheet.api.ContentRepresentation.AuthorJson;
import org.broadsheet.api.ContentRepresentation.NamedJson;
import org.broadsheet.author.Author;
import org.broadsheet.author.Authors;
import org.broadsheet.delivery.PageKind;
import org.broadsheet.delivery.Surrogates;
import org.broadsheet.shared.NotFound;
import org.broadsheet.site.SiteLinks;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.Tag;
import org.broadsheet.taxonomy.Taxonomy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

/**
 * The public, read-only Content API, version 1 ({@code docs/api.md}): published articles
 * (never drafts, scheduled articles before their instant, or unpublished ones), and the
 * sections, tags and authors that a published article has. Lists are newest first
 * (articles) or by slug, in pages of {@code limit} (1–100, default 20) with an opaque
 * {@code next} cursor; bad parameters answer 400 and unknown or unpublished ids 404, as
 * RFC 9457 problem details. Responses are cached like the reader's pages (ETag, 304,
 * {@code Cache-Control}, {@code Surrogate-Key}).
 */
@RestController
@RequestMapping(ContentApiController.BASE)
@io.swagger.v3.oas.annotations.tags.Tag(name = "Content API",
		description = "Published articles, sections, tags and authors; public, read-only. "
				+ "Every response has an ETag and answers If-None-Match with 304 (docs/api.md).")
class ContentApiController {

	static final String BASE = "/api/content/v1";

	static final int DEFAULT_LIMIT = 20;

	static final int MAX_LIMIT = 100;

	/** Parameter descriptions for the OpenAPI document. */
	private static final String FIELDS = "Comma-separated top-level members to return (all when left out); "
			+ "the response then has only those, whatever the schema requires";

	private static final String SLUG = "Its slug, as in its reader page's address";

	/** Longest {@code Surrogate-Key} value a cached response may have, in bytes. */
	static final int MAX_KEYS_LENGTH = 7_000;

	private final PublishedArticles articles;

	private final Taxonomy taxonomy;

	private final Authors authors;

	private final ContentRepresentation representation;

	private final SiteLinks site;

	private final ContentCors cors;

	private final JsonMapper json;

	private final ContentKeyCheck keyCheck;

	private final Named<Section, NamedJson> sections;

	private final Named<Tag, NamedJson> tags;

	private final Named<Author, AuthorJson> people;

	ContentApiController(PublishedArticles articles, Taxonomy taxonomy, Authors authors,
			ContentRepresentation representation, SiteLinks site, ContentCors cors, JsonMapper json,
			ContentKeyCheck keyCheck) {
		this.keyCheck = keyCheck;
		this.articles = articles;
		this.taxonomy = taxonomy;
		this.authors = authors;
		this.representation = representation;
		this.site = site;
		this.cors = cors;
		this.json = json;
		this.sections = new Named<>("section", taxonomy::publicSections, taxonomy::publicSectionBySlug, Section::slug,
				s -> Surrogates.section(s.id()), s -> Surrogates.sectionList(s.id()), representation::section, this);
		this.tags = new Named<>("tag", taxonomy::publicTags, taxonomy::publicTagBySlug, Tag::slug,
				t -> Surrogates.tag(t.id()), t -> Surrogates.tagList(t.id()), representation::tag, this);
		this.people = new Named<>("author", authors::publicAuthors, authors::publicBySlug, Author::slug,
				a -> Surrogates.author(a.id()), a -> Surrogates.authorList(a.id()), representation::author, this);
	}

	/**
	 * One page of a list.
	 *
	 * @param items in the list's order
	 * @param next the cursor of the following page, or null on the last
	 */
	record Page<T>(List<T> items, String next) {
	}

	@GetMapping("/articles")
	@Operation(summary = "List published articles",
			description = "Newest first (publication instant, then id). Filters combine (AND); "
					+ "`commentCount` and `likeCount` are left out of lists.")
	@ApiResponse(responseCode = "200", description = "A page of articles",
			content = @Content(schema = @Schema(implementation = ContentApiSchemas.ArticlePage.class),
					examples = @ExampleObject(name = "page", value = ContentApiExamples.ARTICLE_PAGE)))
	@ContentApiResponses.Listing
	Page<Map<String, Object>> articles(
			@Parameter(description = "A section's slug; an unknown one gives an empty list",
					example = "ports") @RequestParam(required = false) String section,
			@Parameter(description = "A tag's slug", example = "shipping") @RequestParam(required = false) String tag,
			@Parameter(description = "An author's slug",
					example = "ada-quay") @RequestParam(required = false) String author,
			@Parameter(description = "A BCP 47 language tag; the site's own also matches articles without one",
					example = "fr") @RequestParam(required = false) String language,
			@Parameter(description = "A UTC instant: articles whose last visible change is at or after it",
					schema = @Schema(format = "date-time", example = "2026-12-01T00:00:00Z")) @RequestParam(
							name = "updated_since", required = false) String updatedSince,
			@ContentApiResponses.PageSize @RequestParam(required = false) String limit,
			@ContentApiResponses.Cursor @RequestParam(required = false) String cursor,
			@Parameter(description = FIELDS, example = "id,headline,url") @RequestParam(required = false) String fields,
			HttpServletRequest request, HttpServletResponse response) {
		int size = limit(limit);
		List<String> selected = fields(fields);
		Position after = Cursors.position(cursor);
		Instant since = instant("updated_since", updatedSince);
		String lang = language == null || language.isBlank() ? null : language.strip();
		var keys = new ArrayList<String>();
		Long sectionId = section == null ? null
				: taxonomy.sectionBySlug(section)
					.map(s -> key(keys, Surrogates.sectionList(s.id()), s.id()))
					.orElse(-1L);
		Long tagId = tag == null ? null
				: taxonomy.tagBySlug(tag).map(t -> key(keys, Surrogates.tagList(t.id()), t.id())).orElse(-1L);
		Long authorId = author == null ? null
				: authors.bySlug(author).map(a -> key(keys, Surrogates.authorList(a.id()), a.id())).orElse(-1L);
		// An unknown slug gives an empty list, which any publication may change.
		if (keys.size() < (section == null ? 0 : 1) + (tag == null ? 0 : 1) + (author == null ? 0 : 1)
				|| keys.isEmpty()) {
			keys.add(Surrogates.FRONT);
		}
		var filter = new Filter(sectionId, authorId, tagId, lang, site.language().equals(lang), since);
		List<Article> found = articles.page(filter, after, size + 1);
		List<Article> shown = found.subList(0, Math.min(size, found.size()));
		shown.forEach(a -> addKeys(keys, a));
		var items = new ArrayList<Map<String, Object>>();
		for (ArticleJson json : representation.listed(shown)) {
			items.add(select(json, selected));
		}
		String next = found.size() > size ? Cursors.of(position(shown.get(shown.size() - 1))) : null;
		cache(request, response, PageKind.LISTING, keys);
		return new Page<>(items, next);
	}

	@GetMapping("/articles/{id}")
	@Operation(summary = "Get a published article",
			description = "With `commentCount` and `likeCount`. Drafts, scheduled and unpublished articles are 404.")
	@ApiResponse(responseCode = "200", description = "The article",
			content = @Content(schema = @Schema(implementation = ArticleJson.class),
					examples = @ExampleObject(name = "article", value = ContentApiExamples.ARTICLE)))
	@ContentApiResponses.Single
	@ApiResponse(responseCode = "400", ref = OpenApiConfiguration.BAD_PARAMETER)
	Map<String, Object> article(
			@Parameter(description = "The article's id", example = "981",
					schema = @Schema(type = "integer", format = "int64")) @PathVariable String id,
			@Parameter(description = FIELDS, example = "id,headline,url") @RequestParam(required = false) String fields,
			HttpServletRequest request, HttpServletResponse response) {
		List<String> selected = fields(fields);
		long articleId;
		try {
			articleId = Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			throw new NotFound("article", id);
		}
		Article a = articles.publicById(articleId).orElseThrow(() -> new NotFound("article", id));
		var keys = new ArrayList<String>();
		addKeys(keys, a);
		var body = representation.single(a);
		body.translations().forEach(t -> keys.add(Surrogates.article(t.id())));
		cache(request, response, PageKind.ARTICLE, keys);
		return select(body, selected);
	}

	/*
	 * Sections, tags and authors: those with a public article, by slug, paged as articles
	 * are; one of them by slug, 404 unless a public article has it.
	 */

	@GetMapping("/sections")
	@Operation(summary = "List sections", description = "Those a published article is in, by slug.")
	@ContentApiResponses.NamedListing
	Page<NamedJson> sections(@ContentApiResponses.PageSize @RequestParam(required = false) String limit,
			@ContentApiResponses.Cursor @RequestParam(required = false) String cursor, HttpServletRequest request,
			HttpServletResponse response) {
		return this.sections.page(limit, cursor, request, response);
	}

	@GetMapping("/sections/{slug}")
	@Operation(summary = "Get a section")
	@ContentApiResponses.NamedSingle
	NamedJson section(@Parameter(description = SLUG, example = "ports") @PathVariable String slug,
			HttpServletRequest request, HttpServletResponse response) {
		return this.sections.one(slug, request, response);
	}

	@GetMapping("/tags")
	@Operation(summary = "List tags", description = "Those a published article has, by slug.")
	@ContentApiResponses.NamedListing
	Page<NamedJson> tags(@ContentApiResponses.PageSize @RequestParam(required = false) String limit,
			@ContentApiResponses.Cursor @RequestParam(required = false) String cursor, HttpServletRequest request,
			HttpServletResponse response) {
		return this.tags.page(limit, cursor, request, response);
	}

	@GetMapping("/tags/{slug}")
	@Operation(summary = "Get a tag")
	@ContentApiResponses.NamedSingle
	NamedJson tag(@Parameter(description = SLUG, example = "shipping") @PathVariable String slug,
			HttpServletRequest request, HttpServletResponse response) {
		return this.tags.one(slug, request, response);
	}

	@GetMapping("/authors")
	@Operation(summary = "List authors", description = "Those with a published article, by slug.")
	@ApiResponse(responseCode = "200", description = "A page of authors",
			content = @Content(schema = @Schema(implementation = ContentApiSchemas.AuthorPage.class),
					examples = @ExampleObject(name = "page", value = ContentApiExamples.AUTHOR_PAGE)))
	@ContentApiResponses.Listing
	Page<AuthorJson> authors(@ContentApiResponses.PageSize @RequestParam(required = false) String limit,
			@ContentApiResponses.Cursor @RequestParam(required = false) String cursor, HttpServletRequest request,
			HttpServletResponse response) {
		return this.people.page(limit, cursor, request, response);
	}

	@GetMapping("/authors/{slug}")
	@Operation(summary = "Get an author's profile")
	@ApiResponse(responseCode = "200", description = "The author",
			content = @Content(schema = @Schema(implementation = AuthorJson.class),
					examples = @ExampleObject(name = "author", value = ContentApiExamples.AUTHOR)))
	@ContentApiResponses.Single
	AuthorJson author(@Parameter(description = SLUG, example = "ada-quay") @PathVariable String slug,
			HttpServletRequest request, HttpServletResponse response) {
		return this.people.one(slug, request, response);
	}

	/**
	 * Any other address under the Content API: a problem detail, not the readers' page.
	 */
	@Hidden
	@RequestMapping("/**")
	Map<String, Object> unknown(HttpServletRequest request) {
		throw new NotFound("resource", request.getRequestURI());
	}

	/** Reads one page of things listed by slug. */
	interface SlugList<T> {

		List<T> after(String slug, int limit);

	}

	/**
	 * Sections, tags or authors: things readers see only while a public article has them,
	 * listed by slug.
	 *
	 * @param what the kind's name in a 404
	 * @param nameKey the surrogate key of every response showing its name
	 * @param listKey the surrogate key of its listing, which changes when it gains or
	 * loses a public article
	 */
	private record Named<T, J>(String what, SlugList<T> list, Function<String, Optional<T>> bySlug,
			Function<T, String> slug, Function<T, String> nameKey, Function<T, String> listKey, Function<T, J> view,
			ContentApiController api) {

		Page<J> page(String limit, String cursor, HttpServletRequest request, HttpServletResponse response) {
			int size = limit(limit);
			List<T> found = list.after(Cursors.slug(cursor), size + 1);
			List<T> shown = found.subList(0, Math.min(size, found.size()));
			// Every publication or withdrawal may add or remove one: the front key is
			// purged with each.
			var keys = new ArrayList<String>(List.of(Surrogates.FRONT));
			shown.forEach(t -> keys.add(nameKey.apply(t)));
			api.cache(request, response, PageKind.LISTING, keys);
			String next = found.size() > size ? Cursors.ofSlug(slug.apply(shown.get(shown.size() - 1))) : null;
			return new Page<>(shown.stream().map(view).toList(), next);
		}

		J one(String wanted, HttpServletRequest request, HttpServletResponse response) {
			T found = bySlug.apply(wanted).orElseThrow(() -> new NotFound(what, wanted));
			api.cache(request, response, PageKind.LISTING, List.of(nameKey.apply(found), listKey.apply(found)));
			return view.apply(found);
		}

	}

	private static long key(List<String> keys, String key, long id) {
		keys.add(key);
		return id;
	}

	/** The keys of what an article shows: itself, its section, tags and authors. */
	private static void addKeys(List<String> keys, Article a) {
		keys.add(Surrogates.article(a.id()));
		keys.add(Surrogates.section(a.section().id()));
		a.tags().forEach(t -> keys.add(Surrogates.tag(t.id())));
		a.authors().forEach(au -> keys.add(Surrogates.author(au.id())));
	}

	/**
	 * Marks a response for the page cache and the caches in front, unless it names more
	 * surrogate keys than fit in {@value #MAX_KEYS_LENGTH} bytes (Varnish refuses a
	 * response header over 8 KB by default, {@code http_resp_hdr_len}): such a page (100
	 * articles with many tags each) is then kept by no cache rather than kept without a
	 * way to purge it.
	 */
	void cache(HttpServletRequest request, HttpServletResponse response, PageKind kind, List<String> keys) {
		cors.write(response);
		List<String> distinct = keys.stream().distinct().toList();
		if (keyCheck.keyed(request)) {
			// For one integration: no shared cache may keep it, whatever its heuristics.
			response.setHeader("Cache-Control", "private, no-store");
		}
		else if (cors.sameForEveryone() && String.join(" ", distinct).length() <= MAX_KEYS_LENGTH) {
			Surrogates.mark(request, kind).add(distinct.toArray(String[]::new));
		}
	}

	private static Position position(Article a) {
		return new Position(a.publishedAt(), a.id());
	}

	private Map<String, Object> select(ContentRepresentation.ArticleJson article, List<String> selected) {
		@SuppressWarnings("unchecked")
		Map<String, Object> all = json.convertValue(article, LinkedHashMap.class);
		if (selected == null) {
			return all;
		}
		var some = new LinkedHashMap<String, Object>();
		selected.stream().filter(all::containsKey).forEach(f -> some.put(f, all.get(f)));
		return some;
	}

	/**
	 * @return the selected members, or null for all
	 * @throws BadParameter naming {@code fields} for a member the article has not
	 */
	private static List<String> fields(String fields) {
		if (fields == null || fields.isBlank()) {
			return null;
		}
		List<String> selected = Arrays.stream(fields.split(",")).map(String::strip).filter(f -> !f.isEmpty()).toList();
		for (String field : selected) {
			if (!ContentRepresentation.ARTICLE_FIELDS.contains(field)) {
				throw new BadParameter("fields", "unknown field '" + field + "'; fields are "
						+ String.join(",", ContentRepresentation.ARTICLE_FIELDS));
			}
		}
		return selected;
	}

	static int limit(String limit) {
		if (limit == null) {
			return DEFAULT_LIMIT;
		}
		try {
			int value = Integer.parseInt(limit.strip());
			if (value >= 1 && value <= MAX_LIMIT) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw new BadParameter("limit", "must be a whole number from 1 to " + MAX_LIMIT);
	}

	private static Instant instant(String parameter, String value) {
		if (value == null) {
			return null;
		}
		try {
			return Instant.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new BadParameter(parameter, "must be an ISO-8601 UTC instant, e.g. 2026-01-31T09:30:00Z");
		}
	}

}
