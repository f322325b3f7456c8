package org.broadsheet.newsroom;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.account.NewsroomUser;
import org.broadsheet.account.Permission;
import org.broadsheet.page.StaticPage;
import org.broadsheet.page.StaticPages;
import org.broadsheet.site.SiteChrome;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /newsroom/pages}: editors list, write, publish, withdraw and delete static pages
 * (the service checks the role). Refused input re-renders the form with the fields marked
 * (400).
 */
@Controller
class StaticPagesController {

	private final StaticPages pages;

	private final SiteChrome chrome;

	StaticPagesController(StaticPages pages, SiteChrome chrome) {
		this.pages = pages;
		this.chrome = chrome;
	}

	@GetMapping("/newsroom/pages")
	String list(@AuthenticationPrincipal NewsroomUser user, @RequestParam(required = false) String deleted,
			CsrfToken csrf, Model model) {
		model.addAttribute("page", new StaticPageScreens.ListScreen(chrome.chrome(), csrf, pages.all(user.account()),
				deleted != null ? "pages.notice.deleted" : null));
		return "newsroom/pages";
	}

	@GetMapping("/newsroom/pages/new")
	String newPage(@AuthenticationPrincipal NewsroomUser user, CsrfToken csrf, Model model) {
		Permission.MANAGE_PAGES.require(user.account());
		return form(model, csrf, null, StaticPageScreens.Form.EMPTY, null, null);
	}

	@GetMapping("/newsroom/pages/{id:\\d{1,18}}")
	String edit(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
			@RequestParam(required = false) String saved, CsrfToken csrf, Model model) {
		StaticPage page = pages.find(user.account(), id);
		return form(model, csrf, page, StaticPageScreens.Form.of(page), null,
				saved != null ? "pages.notice.saved" : null);
	}

	@PostMapping("/newsroom/pages")
	String create(@AuthenticationPrincipal NewsroomUser user, Fields fields, CsrfToken csrf, Model model,
			HttpServletResponse response) {
		var form = fields.form();
		try {
			StaticPage page = pages.create(user.account(), form.draft());
			return "redirect:/newsroom/pages/" + page.id() + "?saved";
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form(model, csrf, null, form, ex, null);
		}
	}

	@PostMapping("/newsroom/pages/{id:\\d{1,18}}")
	String save(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id, Fields fields, CsrfToken csrf,
			Model model, HttpServletResponse response) {
		var form = fields.form();
		try {
			pages.update(user.account(), id, form.draft());
			return "redirect:/newsroom/pages/" + id + "?saved";
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form(model, csrf, pages.find(user.account(), id), form, ex, null);
		}
	}

	@PostMapping("/newsroom/pages/{id:\\d{1,18}}/delete")
	String delete(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id) {
		pages.delete(user.account(), id);
		return "redirect:/newsroom/pages?deleted";
	}

	/** The form's request parameters, bound by name (never onto a stored page). */
	record Fields(String title, String slug, String description, String body, String language, String status,
			String inFooter, String footerOrder) {

		StaticPageScreens.Form form() {
			return new StaticPageScreens.Form(orEmpty(title), orEmpty(slug), orEmpty(description), orEmpty(body),
					orEmpty(language), status == null ? "draft" : status, inFooter != null,
					footerOrder == null ? "0" : footerOrder);
		}

		private static String orEmpty(String value) {
			return value == null ? "" : value;
		}

	}

	private String form(Model model, CsrfToken csrf, StaticPage saved, StaticPageScreens.Form form,
			IllegalArgumentException refused, String notice) {
		var texts = chrome.chrome();
		// The form's inputs are named as the page rules name their fields.
		Map<String, String> problems = NewsroomPages.problems(texts, refused, field -> field);
		model.addAttribute("page", new StaticPageScreens.FormScreen(texts, csrf, saved, form,
				refused == null ? null : refused.getMessage(), problems, notice));
		return "newsroom/page";
	}

}
