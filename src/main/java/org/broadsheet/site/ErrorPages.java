package org.broadsheet.site;

import java.util.Optional;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.shared.FormerAddresses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Readers get a proper page, in the site's layout, for a missing page, a gone one (410,
 * held briefly by a CDN: {@code broadsheet.http.cache-control.gone}) or a malformed
 * address.
 */
@ControllerAdvice(basePackageClasses = ErrorPages.class)
class ErrorPages {

	private final SiteContext site;

	private final SeoMetadata seo;

	private final TemplateEngine templates;

	private final String goneCaching;

	private final FormerAddresses formerAddresses;

	ErrorPages(SiteContext site, SeoMetadata seo, TemplateEngine templates, FormerAddresses formerAddresses,
			@Value("${broadsheet.http.cache-control.gone:public, max-age=60, s-maxage=300}") String goneCaching) {
		this.site = site;
		this.formerAddresses = formerAddresses;
		this.seo = seo;
		this.templates = templates;
		this.goneCaching = goneCaching;
	}

	@ExceptionHandler(ResponseStatusException.class)
	Object status(ResponseStatusException ex, HttpServletRequest request, Model model, HttpServletResponse response) {
		int code = ex.getStatusCode().value();
		if (code == HttpStatus.GONE.value()) {
			// A CDN may hold the answer briefly: the article could be restored.
			response.setHeader("Cache-Control", goneCaching);
			return render(model, response, HttpStatus.GONE, "gone.title", "gone.text");
		}
		return code == 404 ? notFound(request, model, response)
				: render(model, response, HttpStatus.valueOf(code), "error.title", "error.text");
	}

	@ExceptionHandler(BadParameter.class)
	String badParameter(BadParameter ex, Model model, HttpServletResponse response) {
		return badParameter(ex.name(), model, response);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	String badParameter(MethodArgumentTypeMismatchException ex, Model model, HttpServletResponse response) {
		return badParameter(ex.getName(), model, response);
	}

	/** The bad-request page naming the parameter {@code name}. */
	String badParameter(String name, Model model, HttpServletResponse response) {
		var chrome = site.chrome();
		response.setStatus(400);
		model.addAttribute("page", new Pages.ErrorPage(chrome, seo.errorPage(chrome.t("badRequest.title")), 400,
				chrome.t("badRequest.title"), chrome.t("badRequest.parameter", name)));
		return "site/error";
	}

	/**
	 * The not-found page, unless the address is one the site had before it moved here (an
	 * imported WordPress site's permalink, archive or feed: {@link FormerAddresses}),
	 * which answers 301 to where it lives now. Asked only here, on what would be a 404,
	 * so the site's own pages cost nothing more.
	 */
	Object notFound(HttpServletRequest request, Model model, HttpServletResponse response) {
		var moved = moved(request.getMethod(), request.getRequestURI(), request.getQueryString());
		if (moved.isPresent()) {
			return moved.get();
		}
		return render(model, response, HttpStatus.NOT_FOUND, "notFound.title", "notFound.text");
	}

	/**
	 * @return a 301 to where a former address of the site answers now, for GET and HEAD
	 */
	Optional<RedirectView> moved(String method, String path, String query) {
		if (!method.equals("GET") && !method.equals("HEAD")) {
			return Optional.empty();
		}
		return formerAddresses.current(path, query).map(ErrorPages::permanentRedirect);
	}

	/** A 301 to {@code path} (site-relative, percent-encoded), without the model. */
	static RedirectView permanentRedirect(String path) {
		var view = new RedirectView(path);
		view.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
		view.setExposeModelAttributes(false);
		view.setExpandUriTemplateVariables(false);
		return view;
	}

	String render(Model model, HttpServletResponse response, HttpStatus status, String title, String text) {
		response.setStatus(status.value());
		model.addAttribute("page", page(status.value(), title, text));
		return "site/error";
	}

	/**
	 * The page for an error status: not found, a bad request (other 4xx) or a failure
	 * (5xx).
	 */
	String render(Model model, HttpServletResponse response, HttpStatus status) {
		response.setStatus(status.value());
		model.addAttribute("page", page(status.value()));
		return "site/error";
	}

	/** The same page as HTML, for the servlet container's errors (outside Spring MVC). */
	String standalone(int status) {
		var html = new StringOutput();
		templates.render("site/error.jte", page(status), html);
		return html.toString();
	}

	private Pages.ErrorPage page(int status) {
		var resolved = HttpStatus.resolve(status);
		return status == 404 ? page(status, "notFound.title", "notFound.text")
				: resolved != null && resolved.is4xxClientError() ? page(status, "badRequest.title", "error.request")
						: page(status, "error.title", "error.text");
	}

	private Pages.ErrorPage page(int status, String title, String text) {
		var chrome = site.chrome();
		return new Pages.ErrorPage(chrome, seo.errorPage(chrome.t(title)), status, chrome.t(title), chrome.t(text));
	}

	/** Addresses no controller or static file answers. */
	@ControllerAdvice
	static class Unmapped {

		private final ErrorPages pages;

		Unmapped(ErrorPages pages) {
			this.pages = pages;
		}

		@ExceptionHandler(NoResourceFoundException.class)
		Object noResource(HttpServletRequest request, Model model, HttpServletResponse response) {
			return pages.notFound(request, model, response);
		}

	}

}
