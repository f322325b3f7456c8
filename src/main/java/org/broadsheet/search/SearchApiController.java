package org.broadsheet.search;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.broadsheet.delivery.PageKind;
import org.broadsheet.delivery.Surrogates;
import org.broadsheet.shared.Links;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/search?q=&section=&author=&tag=&year=&sort=newest&page=&size=&lang=}:
 * the search results as JSON ({@link SearchResults}); snippets are HTML-escaped with
 * matches in {@code <mark>}. Sections and tags are filtered by slug; a name answers 301
 * to the address with the slug. {@code lang} (a BCP 47 tag) is the reader's language,
 * whose inflected forms match besides the site's. {@code GET /search/suggest?q=}:
 * type-ahead titles.
 */
@RestController
@Tag(name = "Search")
class SearchApiController {

	private final Search search;

	SearchApiController(Search search) {
		this.search = search;
	}

	@GetMapping("/api/search")
	@Operation(summary = "Search published articles",
			description = "The search page's results as JSON; snippets are HTML with matches in `<mark>`.")
	ResponseEntity<SearchResults> search(@RequestParam(defaultValue = "") String q,
			@Parameter(description = "section slug, e.g. `world`; a name answers 301 to the slug") @RequestParam(
					required = false) String section,
			@RequestParam(required = false) String author,
			@Parameter(description = "tag slug, e.g. `climate-change`; a name answers 301 to the slug") @RequestParam(
					required = false) String tag,
			@RequestParam(required = false) Integer year, @RequestParam(defaultValue = "relevance") String sort,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "10") int size,
			@RequestParam(required = false) String lang) {
		var query = new SearchQuery(q, section, author, tag, year, "newest".equals(sort), page, size);
		var slugs = search.withSlugs(query);
		if (slugs.isPresent()) {
			var moved = slugs.get();
			Map<String, Object> params = new LinkedHashMap<>();
			params.put("q", moved.text().isEmpty() ? null : moved.text());
			params.put("section", moved.section());
			params.put("author", moved.author());
			params.put("tag", moved.tag());
			params.put("year", moved.year());
			params.put("sort", moved.newestFirst() ? "newest" : null);
			params.put("page", moved.page() == 1 ? null : moved.page());
			params.put("size", size == 10 ? null : size);
			params.put("lang", lang);
			return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
				.location(URI.create(Links.withQuery("/api/search", params)))
				.build();
		}
		var results = search.search(query, lang);
		Surrogates.mark(PageKind.SEARCH).add(Surrogates.SEARCH);
		return ResponseEntity.ok(results);
	}

	/**
	 * Type-ahead for search boxes. Cached as search pages are (page kind {@code search})
	 * and dropped with them when articles change.
	 * @param q what the reader has typed
	 * @return up to {@value Search#SUGGESTIONS} titles with their addresses
	 */
	@GetMapping("/search/suggest")
	@Operation(summary = "Suggest article titles as a reader types",
			description = "Up to 8 titles of published articles having every typed word, the last one as a prefix; "
					+ "newest first. Case and accents are ignored.")
	List<Search.Suggestion> suggest(@RequestParam(defaultValue = "") String q) {
		var suggestions = search.suggest(q);
		Surrogates.mark(PageKind.SEARCH).add(Surrogates.SEARCH);
		return suggestions;
	}

	/** Any other address under {@code /api/}: a JSON 404, not the readers' page. */
	@Hidden
	@RequestMapping("/api/**")
	ResponseEntity<Map<String, Object>> unknown() {
		return ResponseEntity.status(404).body(Map.of("status", 404, "error", "Not Found"));
	}

}
