package org.broadsheet.site;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * {@code /error}, where the servlet container sends failures no controller handled: the
 * site's own error page for readers, a small JSON body for {@code /api/} clients (with
 * the refused parameter's name when {@link RequestParameters} refused one). Never a stack
 * trace.
 */
@Controller
class SiteErrorController implements ErrorController {

	private final ErrorPages pages;

	SiteErrorController(ErrorPages pages) {
		this.pages = pages;
	}

	@RequestMapping("/error")
	Object error(HttpServletRequest request, HttpServletResponse response, Model model) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		// Asked for directly, /error is just an address with no page.
		HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
				? HttpStatus.valueOf(value) : HttpStatus.NOT_FOUND;
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String parameter = status == HttpStatus.BAD_REQUEST ? RequestParameters.refused(request) : null;
		if (uri instanceof String path && path.startsWith("/api/")) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("status", status.value());
			body.put("error", status.getReasonPhrase());
			if (parameter != null) {
				body.put("parameter", parameter);
			}
			return ResponseEntity.status(status).body(body);
		}
		if (status == HttpStatus.NOT_FOUND && uri instanceof String path) {
			Object query = request.getAttribute(RequestDispatcher.ERROR_QUERY_STRING);
			var moved = pages.moved(request.getMethod(), path, query instanceof String q ? q : null);
			if (moved.isPresent()) {
				return moved.get();
			}
		}
		return parameter != null ? pages.badParameter(parameter, model, response)
				: pages.render(model, response, status);
	}

}
