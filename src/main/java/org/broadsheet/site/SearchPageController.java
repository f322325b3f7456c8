package org.broadsheet.site;

import org.broadsheet.delivery.PageKind;
import org.broadsheet.delivery.Surrogates;
import org.broadsheet.search.Search;
import org.broadsheet.search.SearchQuery;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /search}: the readers' search page, with filters by section and tag (slugs;
 * names answer 301 to the slug), author and year; {@code lang} (a BCP 47 tag) is the
 * reader's language, analysed besides the site's.
 */
@Controller
class SearchPageController {

	private final Search search;

	private final SiteContext site;

	private final SeoMetadata seo;

	SearchPageController(Search search, SiteContext site, SeoMetadata seo) {
		this.search = search;
		this.site = site;
		this.seo = seo;
	}

	/**
	 * @return the page's view name, or a 301 to the address with slugs when a section or
	 * tag was named
	 */
	@GetMapping("/search")
	Object search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String section,
			@RequestParam(required = false) String author, @RequestParam(required = false) String tag,
			@RequestParam(required = false) String year, @RequestParam(defaultValue = "relevance") String sort,
			@RequestParam(defaultValue = "1") String page, @RequestParam(required = false) String lang, Model model) {
		var query = new SearchQuery(q, section, author, tag, number(year), "newest".equals(sort),
				number(page) == null ? 1 : number(page), site.settings().pageSize());
		var slugs = search.withSlugs(query);
		if (slugs.isPresent()) {
			return ErrorPages.permanentRedirect(
					Pages.SearchPage.address(slugs.get(), lang, "page", query.page() == 1 ? null : query.page()));
		}
		var results = search.search(query, lang);
		if (query.page() > results.pageCount()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		Surrogates.mark(PageKind.SEARCH).add(Surrogates.SEARCH, Surrogates.NAV);
		var chrome = site.chrome();
		var meta = seo.page(chrome.t("search.title"), null, "/search");
		model.addAttribute("page", new Pages.SearchPage(chrome, meta, results, lang));
		return "site/search";
	}

	/** Readers' and robots' junk in numeric parameters is ignored rather than refused. */
	private static Integer number(String value) {
		if (value == null || !value.matches("\\d{1,9}")) {
			return null;
		}
		return Integer.valueOf(value);
	}

}
