package org.broadsheet.site;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.article.ArticleDesk;
import org.broadsheet.article.ArticleList;
import org.broadsheet.article.PublishedArticles;
import org.broadsheet.author.Author;
import org.broadsheet.author.Authors;
import org.broadsheet.delivery.PageKind;
import org.broadsheet.delivery.ResponsePart;
import org.broadsheet.delivery.Surrogates;
import org.broadsheet.taxonomy.Taxonomy;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The readers' pages. Only published articles make pages: a section, tag or author whose
 * articles are all drafts (or withdrawn) answers 404. Slugs never contain dots, so the
 * patterns leave file names such as {@code /favicon.ico} to the static resources.
 */
@Controller
class ReaderController {

	private final PublishedArticles articles;

	private final Authors authors;

	private final Taxonomy taxonomy;

	private final SiteContext site;

	private final SeoMetadata seo;

	private final ArticlePages articlePages;

	private final ArticleDesk desk;

	private final ErrorPages errors;

	private final NewsletterForms newsletter;

	ReaderController(PublishedArticles articles, Authors authors, Taxonomy taxonomy, SiteContext site, SeoMetadata seo,
			ArticlePages articlePages, ArticleDesk desk, ErrorPages errors, NewsletterForms newsletter) {
		this.newsletter = newsletter;
		this.desk = desk;
		this.errors = errors;
		this.articles = articles;
		this.authors = authors;
		this.taxonomy = taxonomy;
		this.site = site;
		this.seo = seo;
		this.articlePages = articlePages;
	}

	/**
	 * The front page. With a query other than {@code ?page=N} it may be a former address
	 * of the site ({@code /?p=123}, {@code /?page_id=2}, {@code /?feed=rss2}): those
	 * answer 301 to where they live now.
	 */
	@GetMapping("/")
	Object home(@RequestParam(defaultValue = "1") int page, HttpServletRequest request, Model model) {
		String query = request.getQueryString();
		if (query != null && !query.startsWith("page=")) {
			var moved = errors.moved(request.getMethod(), "/", query);
			if (moved.isPresent()) {
				return moved.get();
			}
		}
		requirePage(page);
		ArticleList latest = articles.latest(page, pageSize());
		requireExists(latest);
		shows(Surrogates.mark(request, PageKind.LISTING).add(Surrogates.FRONT), latest);
		var items = latest.items();
		var lead = page == 1 && !items.isEmpty() ? items.get(0) : null;
		if (lead != null) {
			latest = new ArticleList(items.subList(1, items.size()), latest.page(), latest.pageCount());
		}
		var chrome = site.chrome();
		var meta = seo.front(page == 1 ? null : chrome.t("page.number", page), site.settings().tagline(),
				page == 1 ? "/" : "/?page=" + page);
		model.addAttribute("page", new Pages.HomePage(chrome, meta, lead, latest));
		// Breaking news: a banner naming the flagged articles and a label on their
		// teasers. Any change readers see of an article (flags included) evicts the
		// front page.
		model.addAttribute("breaking", desk.breakingNews());
		model.addAttribute("newsletter", newsletter.home(chrome));
		return "site/home";
	}

	@GetMapping("/{section:(?!api$)[^.]+}/{slug:[^.]+}")
	Object article(@PathVariable String section, @PathVariable String slug, @RequestParam(defaultValue = "1") int cpage,
			@RequestParam(defaultValue = "oldest") String corder, @RequestParam(required = false) Long replyto,
			HttpServletRequest request, CsrfToken csrf, HttpServletResponse response, Model model) {
		var found = articles.published(section, slug);
		if (found.isEmpty()) {
			return permanentRedirect(articles.redirect(section, slug)
				.or(() -> isNormal(section) && isNormal(slug) ? Optional.empty()
						: articles.published(normal(section), normal(slug)).map(a -> a.path()))
				.orElseThrow(() -> notFoundOrGone(section, slug)));
		}
		if (!corder.equals("newest") && !corder.equals("oldest")) {
			throw new BadParameter("corder");
		}
		if (cpage < 1) {
			throw new BadParameter("cpage");
		}
		if (replyto != null && replyto < 1) {
			throw new BadParameter("replyto");
		}
		boolean cached = ResponsePart.renderingForCache(request);
		var view = new ArticlePages.Reader(ReaderCookie.of(request), cpage, corder.equals("newest"),
				cached ? PlaceholderCsrfToken.INSTANCE : csrf, null, Map.of(), replyto, null);
		// The page holds this reader's form tokens and held comments: for them alone (a
		// cached page
		// gets its own Cache-Control, and its tokens spliced in per response).
		response.setHeader("Cache-Control", "private, no-cache");
		var page = articlePages.page(found.get(), view, cached ? Surrogates.mark(request, PageKind.ARTICLE) : null);
		model.addAttribute("page", page);
		model.addAttribute("newsletter", newsletter.article(page.chrome(), page.article()));
		return "site/article";
	}

	/**
	 * 410 Gone for the address of an article that was public and is not any more
	 * (unpublished, deleted), 404 for an address that never was an article's.
	 */
	private ResponseStatusException notFoundOrGone(String section, String slug) {
		return articles.gone(section, slug)
				|| !(isNormal(section) && isNormal(slug)) && articles.gone(normal(section), normal(slug))
						? new ResponseStatusException(HttpStatus.GONE)
						: new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

	/** {@code /section/slug/}: the article without the slash, when there is one. */
	@GetMapping("/{section:(?!api$)[^.]+}/{slug:[^.]+}/")
	RedirectView articleWithSlash(@PathVariable String section, @PathVariable String slug) {
		return permanentRedirect(articles.published(section, slug)
			.map(a -> a.path())
			.or(() -> articles.redirect(section, slug))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
	}

	@GetMapping("/{section:(?!api$)[^.]+}")
	RedirectView sectionWithoutSlash(@PathVariable String section) {
		var found = taxonomy.publicSectionBySlug(section)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return permanentRedirect(found.path());
	}

	@GetMapping("/{section:(?!api$)[^.]+}/")
	String section(@PathVariable String section, @RequestParam(defaultValue = "1") int page, HttpServletRequest request,
			Model model) {
		requirePage(page);
		var found = taxonomy.publicSectionBySlug(section)
			.orElseThrow(() -> notFoundOr(section, s -> taxonomy.publicSectionBySlug(s).map(x -> x.path())));
		var list = articles.inSection(found, page, pageSize());
		shows(Surrogates.mark(request, PageKind.LISTING)
			.add(Surrogates.section(found.id()), Surrogates.sectionList(found.id())), list);
		return listing(model, found.name(), null, list, found.path());
	}

	@GetMapping("/tag/{slug:[^.]+}")
	String tag(@PathVariable String slug, @RequestParam(defaultValue = "1") int page, HttpServletRequest request,
			Model model) {
		requirePage(page);
		var tag = taxonomy.publicTagBySlug(slug)
			.orElseThrow(() -> notFoundOr(slug, s -> taxonomy.publicTagBySlug(s).map(x -> x.path())));
		var list = articles.taggedWith(tag, page, pageSize());
		shows(Surrogates.mark(request, PageKind.LISTING).add(Surrogates.tag(tag.id()), Surrogates.tagList(tag.id())),
				list);
		return listing(model, site.chrome().t("listing.tag", tag.name()), null, list, tag.path());
	}

	/**
	 * {@code /tag/slug/} and {@code /author/slug/}: 301 to the address without the slash,
	 * as articles do (WordPress links carry the slash).
	 */
	@GetMapping({ "/tag/{slug:[^.]+}/", "/author/{slug:[^.]+}/" })
	RedirectView listingWithSlash(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String query = request.getQueryString();
		// An imported WordPress archive whose tag or author has another slug here goes
		// straight to it.
		return errors.moved(request.getMethod(), uri, query)
			.orElseGet(
					() -> permanentRedirect(uri.substring(0, uri.length() - 1) + (query == null ? "" : "?" + query)));
	}

	@GetMapping("/author/{slug:[^.]+}")
	String author(@PathVariable String slug, @RequestParam(defaultValue = "1") int page, HttpServletRequest request,
			Model model) {
		requirePage(page);
		var author = authors.publicBySlug(slug)
			.orElseThrow(() -> notFoundOr(slug, s -> authors.publicBySlug(s).map(x -> x.path())));
		var list = articles.byAuthor(author, page, pageSize());
		shows(Surrogates.mark(request, PageKind.LISTING)
			.add(Surrogates.author(author.id()), Surrogates.authorList(author.id())), list);
		return listing(model, author.name(), author, list, author.path());
	}

	/**
	 * A listing shows its teasers (title, section, authors): a change to any evicts it.
	 * Its chrome shows the navigation.
	 */
	static void shows(Surrogates keys, ArticleList list) {
		keys.add(Surrogates.NAV);
		for (var teaser : list.items()) {
			keys.add(Surrogates.article(teaser.id()), Surrogates.section(teaser.section().id()));
			teaser.authors().forEach(author -> keys.add(Surrogates.author(author.id())));
		}
	}

	private String listing(Model model, String heading, Author author, ArticleList list, String path) {
		requireExists(list);
		String pagePath = list.page() == 1 ? path : path + "?page=" + list.page();
		String description = author != null && author.bio() != null ? author.bio() : null;
		model.addAttribute("page", new Pages.ListingPage(site.chrome(), seo.page(heading, description, pagePath),
				heading, author, list, path));
		return "site/listing";
	}

	/**
	 * Pages past the last one do not exist; the first page always does, even when empty
	 * (a section, tag or author without a public article has no page at all: the lookups
	 * above).
	 */
	private static void requireExists(ArticleList list) {
		if (list.page() > list.pageCount()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	/**
	 * Slugs are stored NFC and lower case; addresses typed or copied otherwise still find
	 * them.
	 */
	static String normal(String slug) {
		return Normalizer.normalize(slug, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
	}

	private static boolean isNormal(String slug) {
		return normal(slug).equals(slug);
	}

	/**
	 * A section, tag or author that exists under the normal form of its slug: 301 there.
	 */
	private static ResponseStatusException notFoundOr(String slug, Function<String, Optional<String>> path) {
		if (!isNormal(slug)) {
			var found = path.apply(normal(slug));
			if (found.isPresent()) {
				return new Moved(found.get());
			}
		}
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

	/** Thrown to redirect from inside a lookup; answered with 301 by {@link #moved}. */
	static final class Moved extends ResponseStatusException {

		final String location;

		Moved(String location) {
			super(HttpStatus.MOVED_PERMANENTLY);
			this.location = location;
		}

	}

	@ExceptionHandler(Moved.class)
	RedirectView moved(Moved moved) {
		return permanentRedirect(moved.location);
	}

	private static void requirePage(int page) {
		if (page < 1) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	private int pageSize() {
		return site.settings().pageSize();
	}

	private static RedirectView permanentRedirect(String path) {
		var view = new RedirectView(path);
		view.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
		view.setExposeModelAttributes(false);
		return view;
	}

}
