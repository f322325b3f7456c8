package org.broadsheet.search;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/search?q=&section=&author=&tag=&year=&sort=newest&page=&size=}: the search
 * results as JSON ({@link SearchResults}); snippets are HTML-escaped with matches in {@code <mark>}.
 */
@RestController
class SearchApiController {

	private final Search search;

	SearchApiController(Search search) {
		this.search = search;
	}

	@GetMapping("/api/search")
	SearchResults search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String section,
			@RequestParam(required = false) String author, @RequestParam(required = false) String tag,
			@RequestParam(required = false) Integer year, @RequestParam(defaultValue = "relevance") String sort,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "10") int size) {
		return search.search(new SearchQuery(q, blankToNull(section), blankToNull(author), blankToNull(tag), year,
				"newest".equals(sort), page, size));
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

}
