package org.broadsheet.site;

import jakarta.servlet.http.HttpServletRequest;

import org.broadsheet.delivery.PageKind;
import org.broadsheet.delivery.Surrogates;
import org.broadsheet.page.StaticPages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Static pages at {@code /page/{slug}} ({@code page} is a reserved first segment, so no
 * section's pages are hidden): published ones only, a draft's address answers 404. A
 * former slug, or a slug typed in another case or normal form, answers 301. Cached with
 * the page's key and the footer's ({@link Surrogates#NAV}).
 */
@Controller
class StaticPageController {

	private final StaticPages pages;

	private final SiteContext site;

	private final SeoMetadata seo;

	StaticPageController(StaticPages pages, SiteContext site, SeoMetadata seo) {
		this.pages = pages;
		this.site = site;
		this.seo = seo;
	}

	@GetMapping("/page/{slug:[^.]+}")
	Object page(@PathVariable String slug, HttpServletRequest request, Model model) {
		var found = pages.published(slug);
		if (found.isEmpty()) {
			return moved(slug);
		}
		var page = found.get();
		Surrogates.mark(request, PageKind.ARTICLE).add(Surrogates.page(page.id()), Surrogates.NAV);
		String language = page.language() != null ? page.language() : site.settings().language();
		model.addAttribute("page",
				new StaticPageView(site.chrome(), seo.page(page.title(), page.description(), page.path()), language,
						SiteContext.direction(language), page));
		return "site/page";
	}

	/** {@code /page/slug/}: the page without the slash. */
	@GetMapping("/page/{slug:[^.]+}/")
	RedirectView withSlash(@PathVariable String slug) {
		return pages.published(slug).map(page -> permanent(page.path())).orElseGet(() -> moved(slug));
	}

	private RedirectView moved(String slug) {
		return pages.redirect(slug)
			.or(() -> ReaderController.normal(slug).equals(slug) ? java.util.Optional.empty()
					: pages.published(ReaderController.normal(slug)).map(page -> page.path()))
			.map(StaticPageController::permanent)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static RedirectView permanent(String path) {
		var view = new RedirectView(path);
		view.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
		view.setExposeModelAttributes(false);
		return view;
	}

}
