package org.broadsheet.search;

import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.broadsheet.delivery.PageKind;
import org.broadsheet.delivery.Surrogates;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/search?q=&section=&author=&tag=&year=&sort=newest&page=&size=&lang=}:
 * the search results as JSON ({@link SearchResults}); snippets are HTML-escaped with
 * matches in {@code <mark>}; {@code lang} (a BCP 47 tag) is the reader's language, whose
 * inflected forms match besides the site's.
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
	SearchResults search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String section,
			@RequestParam(required = false) String author, @RequestParam(required = false) String tag,
			@RequestParam(required = false) Integer year, @RequestParam(defaultValue = "relevance") String sort,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "10") int size,
			@RequestParam(required = false) String lang) {
		var results = search.search(new SearchQuery(q, section, author, tag, year, "newest".equals(sort), page, size),
				lang);
		Surrogates.mark(PageKind.SEARCH).add(Surrogates.SEARCH);
		return results;
	}

	/** Any other address under {@code /api/}: a JSON 404, not the readers' page. */
	@Hidden
	@RequestMapping("/api/**")
	ResponseEntity<Map<String, Object>> unknown() {
		return ResponseEntity.status(404).body(Map.of("status", 404, "error", "Not Found"));
	}

}
