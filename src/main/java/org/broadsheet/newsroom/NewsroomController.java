package org.broadsheet.newsroom;

import org.broadsheet.account.NewsroomUser;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.Articles;
import org.broadsheet.article.NewsroomQuery;
import org.broadsheet.author.Authors;
import org.broadsheet.site.SiteChrome;
import org.broadsheet.taxonomy.Taxonomy;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The newsroom's sign-in page and its article list. */
@Controller
class NewsroomController {

	private static final int PAGE_SIZE = 25;

	private final Articles articles;

	private final Taxonomy taxonomy;

	private final Authors authors;

	private final SiteChrome chrome;

	NewsroomController(Articles articles, Taxonomy taxonomy, Authors authors, SiteChrome chrome) {
		this.articles = articles;
		this.taxonomy = taxonomy;
		this.authors = authors;
		this.chrome = chrome;
	}

	@GetMapping("/login")
	String login(@RequestParam(required = false) String error, @RequestParam(required = false) String throttled,
			@RequestParam(required = false) String signedOut, @RequestParam(required = false) String expired,
			@RequestParam(required = false) String reset, CsrfToken csrf, Model model) {
		String notice = throttled != null ? "login.throttled" : error != null ? "login.failed" : signedOut != null
				? "login.signedOut" : expired != null ? "login.expired" : reset != null ? "login.reset" : null;
		model.addAttribute("page", new NewsroomPages.LoginPage(chrome.chrome(), csrf, notice));
		return "newsroom/login";
	}

	@GetMapping("/newsroom")
	String articles(@AuthenticationPrincipal NewsroomUser user, @RequestParam(required = false) String status,
			@RequestParam(required = false) String section, @RequestParam(required = false) String author,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") String page, CsrfToken csrf,
			Model model) {
		var query = new NewsroomQuery(status(status), id(section), id(author), q,
				id(page) == null ? 1 : id(page).intValue(), PAGE_SIZE);
		model.addAttribute("page", new NewsroomPages.ArticlesPage(chrome.chrome(), csrf, user.account(), query,
				articles.inNewsroom(user.account(), query), taxonomy.sections(), authors.all()));
		return "newsroom/articles";
	}

	/**
	 * Filters that do not parse are ignored: the list shows everything rather than an
	 * error.
	 */
	private static ArticleStatus status(String value) {
		return ArticleStatus.named(value).orElse(null);
	}

	private static Long id(String value) {
		return value != null && value.matches("\\d{1,9}") ? Long.valueOf(value) : null;
	}

}
