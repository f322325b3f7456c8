package org.broadsheet.site;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.servlet.http.HttpServletResponse;

/** Readers get a proper page, in the site's layout, for a missing page or a malformed address. */
@ControllerAdvice(basePackageClasses = ErrorPages.class)
class ErrorPages {

	private final SiteContext site;

	private final SeoMetadata seo;

	ErrorPages(SiteContext site, SeoMetadata seo) {
		this.site = site;
		this.seo = seo;
	}

	@ExceptionHandler(ResponseStatusException.class)
	String status(ResponseStatusException ex, Model model, HttpServletResponse response) {
		int code = ex.getStatusCode().value();
		return code == 404 ? notFound(model, response)
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

	private String badParameter(String name, Model model, HttpServletResponse response) {
		var chrome = site.chrome();
		response.setStatus(400);
		model.addAttribute("page", new Pages.ErrorPage(chrome, seo.errorPage(chrome.t("badRequest.title")), 400,
				chrome.t("badRequest.title"), chrome.t("badRequest.parameter", name)));
		return "site/error";
	}

	String notFound(Model model, HttpServletResponse response) {
		return render(model, response, HttpStatus.NOT_FOUND, "notFound.title", "notFound.text");
	}

	String render(Model model, HttpServletResponse response, HttpStatus status, String title, String text) {
		var chrome = site.chrome();
		response.setStatus(status.value());
		model.addAttribute("page", new Pages.ErrorPage(chrome, seo.errorPage(chrome.t(title)), status.value(),
				chrome.t(title), chrome.t(text)));
		return "site/error";
	}

	/** Addresses no controller or static file answers. */
	@ControllerAdvice
	static class Unmapped {

		private final ErrorPages pages;

		Unmapped(ErrorPages pages) {
			this.pages = pages;
		}

		@ExceptionHandler(NoResourceFoundException.class)
		String noResource(Model model, HttpServletResponse response) {
			return pages.notFound(model, response);
		}

	}

}
